import { route } from '../../../server/http/route.ts';
import { sitesForMap } from '../../../server/queries/sites-for-map.ts';
import { services } from '../../../server/services.ts';
import { json } from '../../../server/http/typed.ts';

export const GET = route({ permission: 'map.view' }, async ({ principal }) => {
  const sites = await sitesForMap(services().sql, principal.scope);
  // private: the list depends on who asks
  return json({ at: Date.now(), sites }, { headers: { 'cache-control': 'private, no-store' } });
});
