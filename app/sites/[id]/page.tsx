/** /sites/[id] — the site's digital twin. Server part: sign-in, access (404 missing or out of scope, 403 role), then the 3D client. */
import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { ID_RE } from '../../../lib/protocol/v1.ts';
import { currentLang, currentPrincipal } from '../../_lib/server-session.ts';
import { services } from '../../../server/services.ts';
import { siteAccess } from '../../../server/queries/visible-site.ts';
import { Forbidden } from './Forbidden.tsx';
import { TwinClient, type TwinFrom } from './TwinClient.tsx';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '场所三维 · 昌都市智慧式用电安全管理平台' };

export default async function SitePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const sp = await searchParams;
  if (!ID_RE.test(id)) notFound();
  const from: TwinFrom = sp.from === 'map' || sp.from === 'bigscreen' ? sp.from : null;
  const principal = await currentPrincipal();
  const here = `/sites/${id}${from ? `?from=${from}` : ''}`;
  if (!principal) redirect(`/login?next=${encodeURIComponent(here)}`);
  const lang = await currentLang();
  const { sql } = services();
  const access = await siteAccess(sql, principal, id, { permission: 'site.view' });
  if (access.kind === 'not_found') notFound();
  if (access.kind === 'forbidden') return <Forbidden siteId={id} lang={lang} />;
  // the name shows while the 3D data loads
  const name = { zh: access.site.nameZh, en: access.site.nameEn };
  return <TwinClient siteId={id} initialLang={lang} from={from} siteName={name} />;
}
