import { ROLE_INFO } from '../../../lib/domain/vocabulary/index.ts';
import { route } from '../../../server/http/route.ts';
import { describeScope } from '../../../server/queries/scope-description.ts';
import { services } from '../../../server/services.ts';

export const GET = route({}, async ({ principal: p }) => ({
  username: p.username,
  displayName: p.displayName,
  role: p.role,
  roleZh: ROLE_INFO[p.role].zh,
  roleEn: ROLE_INFO[p.role].en,
  scope: await describeScope(services().sql, p.scope),
}));
