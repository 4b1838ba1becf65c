import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { describeScope } from '../../server/queries/scope-description.ts';
import { services } from '../../server/services.ts';
import { can } from '../../lib/domain/permissions.ts';
import { currentLang, currentPrincipal } from '../_lib/server-session.ts';
import { BigScreen } from './BigScreen.tsx';
import { FIRST_URLS } from './lib/urls.ts';
import { ID_RE } from '../../lib/protocol/v1.ts';
import { sitesForMap } from '../../server/queries/sites-for-map.ts';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '指挥中心大屏 · 昌都市智慧式用电安全管理平台' };

export default async function BigscreenPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const p = await currentPrincipal();
  // the wall's own settings (?idle=, ?tour=) survive the sign-in
  if (!p) redirect(`/login?next=${encodeURIComponent(`/bigscreen${wallQuery(await searchParams)}`)}`);
  if (!can(p.role, 'map.view')) redirect('/');
  const [scope, sites] = await Promise.all([describeScope(services().sql, p.scope), sitesForMap(services().sql, p.scope)]);
  return (
    <>
      {/* the wall's first data downloads while its scripts load and hydrate (React puts these in <head>; the
          client's fetches of the same URLs take the preloaded responses) */}
      {FIRST_URLS.map((href) => (
        <link key={href} rel="preload" href={href} as="fetch" crossOrigin="anonymous" />
      ))}
      <BigScreen initialLang={await currentLang()} scopeZh={scope.zh} scopeEn={scope.en} initialSites={sites} />
    </>
  );
}

function wallQuery(q: Record<string, string | string[] | undefined>): string {
  const keep = new URLSearchParams();
  for (const k of ['idle', 'tour']) {
    const v = q[k];
    if (typeof v === 'string' && /^\d{1,5}$/.test(v)) keep.set(k, v);
  }
  // the site to come back to from its twin
  if (typeof q.site === 'string' && ID_RE.test(q.site)) keep.set('site', q.site);
  const s = keep.toString();
  return s ? `?${s}` : '';
}
