/** GET /api/hazards/:id — the order, its history, files and the commands this user may take. */
import { route } from '../../../../server/http/route.ts';
import { services } from '../../../../server/services.ts';
import { getHazard } from '../../../../server/workflow/hazards/read.ts';
import { idParam } from '../../../../server/workflow/http.ts';

export const GET = route({ permission: 'hazard.view' }, async ({ principal, params }) => getHazard(services().sql, principal, idParam(params)));
