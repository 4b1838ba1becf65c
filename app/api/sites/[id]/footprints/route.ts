/**
 * GET /api/sites/[id]/footprints — the site's building footprints as GeoJSON (WGS84), for the map's way into
 * and out of the 3D twin. Same access rule as the twin (404 outside the user's scope, as for a missing site).
 */
import { z } from 'zod';
import { ID_RE } from '../../../../../lib/protocol/v1.ts';
import { parseWith, route } from '../../../../../server/http/route.ts';
import { services } from '../../../../../server/services.ts';
import { requireVisibleSite } from '../../../../../server/queries/visible-site.ts';
import { json } from '../../../../../server/http/typed.ts';

const params = z.object({ id: z.string().regex(ID_RE) });

export const GET = route({ permission: 'site.view' }, async ({ principal, params: raw }) => {
  const { id } = parseWith(params, raw);
  const { sql } = services();
  await requireVisibleSite(sql, principal, id);
  const rows = await sql<{ id: number; name: string; nameEn: string; floors: number; geometry: GeoJSON.Polygon }[]>`
    SELECT id, name_zh AS name, name_en AS "nameEn", floors, ST_AsGeoJSON(footprint, 7)::json AS geometry
    FROM buildings WHERE site_id = ${id} ORDER BY id`;
  const fc: GeoJSON.FeatureCollection<GeoJSON.Polygon, Omit<(typeof rows)[number], 'geometry'>> = {
    type: 'FeatureCollection',
    features: rows.map(({ geometry, ...p }) => ({ type: 'Feature', id: p.id, properties: p, geometry })),
  };
  return json(fc, { headers: { 'cache-control': 'private, max-age=300' } });
});
