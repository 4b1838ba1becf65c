import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { describeScope } from '../../server/queries/scope-description.ts';
import { services } from '../../server/services.ts';
import { can } from '../../server/auth/permissions.ts';
import { currentLang, currentPrincipal } from '../_lib/server-session.ts';
import { BigScreen } from './BigScreen.tsx';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '指挥中心大屏 · 昌都市智慧式用电安全管理平台' };

export default async function BigscreenPage() {
  const p = await currentPrincipal();
  if (!p) redirect('/login?next=/bigscreen');
  if (!can(p.role, 'map.view')) redirect('/');
  const scope = await describeScope(services().sql, p.scope);
  return <BigScreen initialLang={await currentLang()} scopeZh={scope.zh} scopeEn={scope.en} />;
}
