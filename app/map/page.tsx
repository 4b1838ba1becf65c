import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ROLE_INFO } from '../../lib/domain/vocabulary/index.ts';
import { ID_RE } from '../../lib/protocol/v1.ts';
import { describeScope } from '../../server/queries/scope-description.ts';
import { services } from '../../server/services.ts';
import { currentLang, currentPrincipal } from '../_lib/server-session.ts';
import { MapScreen } from './MapScreen.tsx';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '监测地图 · 昌都市智慧式用电安全管理平台' };

export default async function MapPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const p = await currentPrincipal();
  const sp = await searchParams;
  // ?focus=<site id>: back from that site's 3D twin (the map opens over its footprints)
  const focus = typeof sp.focus === 'string' && ID_RE.test(sp.focus) ? sp.focus : null;
  if (!p) redirect(focus ? `/login?next=${encodeURIComponent(`/map?focus=${focus}`)}` : '/login?next=/map');
  const scope = await describeScope(services().sql, p.scope);
  return (
    <MapScreen
      focus={focus}
      initialLang={await currentLang()}
      user={{
        displayName: p.displayName,
        role: p.role,
        roleZh: ROLE_INFO[p.role].zh,
        roleEn: ROLE_INFO[p.role].en,
        scopeZh: scope.zh,
        scopeEn: scope.en,
      }}
    />
  );
}
