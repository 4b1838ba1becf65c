/**
 * A server-drawn choropleth of the counties (no script, a few KB): shown at once, and in place of the
 * interactive map until a visitor opens it. Same colours as the map; county names stay in the HTML list.
 */
import { rampColor } from './ramp.ts';

type Ring = [number, number][];
interface Feature {
  properties: { adcode: number; rate: number | null };
  geometry: { type: string; coordinates: unknown };
}

const W = 400;

function polygons(g: Feature['geometry']): Ring[][] {
  if (g.type === 'Polygon') return [g.coordinates as Ring[]];
  if (g.type === 'MultiPolygon') return g.coordinates as Ring[][];
  return [];
}

export function CountySvg({ features, names, className }: { features: Feature[]; names: Record<string, string>; className?: string }) {
  const all = features.flatMap((f) => polygons(f.geometry).flat(2));
  if (all.length === 0) return null;
  const lons = all.map((p) => p[0]);
  const lats = all.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const kx = Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
  const scale = W / ((x1 - x0) * kx);
  const H = Math.round((y1 - y0) * scale);
  const pt = (p: [number, number]) => `${((p[0] - x0) * kx * scale).toFixed(1)} ${((y1 - p[1]) * scale).toFixed(1)}`;
  const d = (g: Feature['geometry']) => polygons(g).map((poly) => poly.map((ring) => `M${ring.map(pt).join('L')}Z`).join('')).join('');
  return (
    <svg className={className} viewBox={`-6 -6 ${W + 12} ${H + 12}`} role="img" aria-hidden="true" focusable="false" preserveAspectRatio="xMidYMid meet">
      {features.map((f) => (
        <path key={f.properties.adcode} d={d(f.geometry)} fill={rampColor(f.properties.rate)} stroke="#fff" strokeWidth="1.2">
          <title>{names[String(f.properties.adcode)]}</title>
        </path>
      ))}
    </svg>
  );
}
