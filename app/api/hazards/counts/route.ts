/** GET /api/hazards/counts — open, overdue, closed this month, rectification rate in the caller's scope (big screen). */
import { route } from '../../../../server/http/route.ts';
import { services } from '../../../../server/services.ts';
import { countHazards } from '../../../../server/workflow/hazards/count.ts';

export const GET = route({ permission: 'hazard.view' }, async ({ principal }) => countHazards(services().sql, principal.scope));
