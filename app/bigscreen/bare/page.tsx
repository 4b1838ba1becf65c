/** /bigscreen/bare — the benchmark's baseline: the same basemap and sites with maplibre + deck.gl only. */
import { redirect } from 'next/navigation';
import { currentPrincipal } from '../../_lib/server-session.ts';
import { BareMap } from './BareMap.tsx';

export const dynamic = 'force-dynamic';

export default async function BarePage() {
  if (!(await currentPrincipal())) redirect('/login?next=/bigscreen/bare');
  return <BareMap />;
}
