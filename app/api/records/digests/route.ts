/** GET /api/records/digests — my 抄告 digests, newest first. */
import { route } from '../../../../server/http/route.ts';
import { services } from '../../../../server/services.ts';
import { myDigests } from '../../../../server/workflow/records.ts';

export const GET = route({}, async ({ principal }) => ({ digests: await myDigests(services().sql, principal) }));
