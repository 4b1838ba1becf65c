import { route } from '../../../server/http/route.ts';
export const GET = route({}, async ({ principal }) => ({ me: principal.username }));
