/** Imported first: route handlers reach the database through services(), which reads DATABASE_URL once at import. */
import { inject } from 'vitest';

process.env.DATABASE_URL ??= inject('dbUrl');
