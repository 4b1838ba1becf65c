/** /settings/tokens — my personal API tokens for GIS clients (QGIS, GDAL) reading /ogc within my scope. */
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { listApiTokens } from '../../../platform/api-tokens.ts';
import { services } from '../../../server/services.ts';
import { currentPrincipal } from '../../_lib/server-session.ts';
import { WorkShell } from '../../_components/alerts/WorkShell.tsx';
import w from '../../_components/alerts/work.module.css';
import { TokensPanel } from './TokensPanel.tsx';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'API 令牌 · 昌都市智慧式用电安全管理平台' };

export default async function TokenSettingsPage() {
  const p = await currentPrincipal();
  if (!p) redirect('/login?next=/settings/tokens');
  const tokens = await listApiTokens(services().sql, p.userId);
  return (
    <WorkShell p={p} active="/settings/tokens">
      <h1 className={w.h1}>
        API 令牌 <small>API tokens for GIS clients</small>
      </h1>
      <p className={w.dim} style={{ maxWidth: 760, lineHeight: 1.6 }}>
        令牌供 QGIS、GDAL 等 GIS 软件以只读方式访问 <code>/ogc</code>（OGC API – Features 与矢量切片），可见范围与您在平台中的权限相同。请求时携带
        <code> Authorization: Bearer 令牌</code>。令牌只在创建时显示一次，平台仅保存其摘要。
        <span className={w.en}> Read-only, your scope; shown once, only a hash is stored.</span>
      </p>
      <TokensPanel initial={tokens} />
    </WorkShell>
  );
}
