/** /supervision — a department's or county office's dashboard in its scope: KPIs, rankings, site safety scores. */
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { services } from '../../server/services.ts';
import { can } from '../../lib/domain/permissions.ts';
import { supervisionFilterSchema, type SupervisionFilter } from '../../server/supervision/filters.ts';
import { supervisionDashboard, SITE_PAGE } from '../../server/supervision/dashboard.ts';
import { toQuery } from '../../server/rollout/filters.ts';
import { currentPrincipal } from '../_lib/server-session.ts';
import w from '../_components/alerts/work.module.css';
import { GovShell } from '../reports/_ui/GovShell.tsx';
import { ExportLinks } from '../reports/_ui/ExportLinks.tsx';
import g from '../reports/_ui/gov.module.css';
import { SupervisionFilters } from './SupervisionFilters.tsx';
import { Kpis } from './Kpis.tsx';
import { RankTable } from './RankTable.tsx';
import { SiteScores } from './SiteScores.tsx';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '监管看板 · 昌都市智慧式用电安全管理平台' };
type SP = Promise<Record<string, string | string[] | undefined>>;
const first = (o: Record<string, string | string[] | undefined>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));

export default async function SupervisionPage({ searchParams }: { searchParams: SP }) {
  const p = await currentPrincipal();
  if (!p) redirect('/login?next=/supervision');
  const parsed = supervisionFilterSchema.safeParse(first(await searchParams));
  const f: SupervisionFilter = parsed.success ? parsed.data : {};
  const d = await supervisionDashboard(services().sql, p, f);
  const q = toQuery({ days: f.days, from: f.from, to: f.to, county: f.county, category: f.category, sort: f.sort, grade: f.grade });
  const exp = can(p.role, 'report.export');
  const page = f.page ?? 1;
  const pages = Math.max(1, Math.ceil(d.siteTotal / SITE_PAGE));
  return (
    <GovShell p={p} active="/supervision">
      <h1 className={w.h1}>
        监管看板 <small>Supervision · {d.regionLabel} · {d.window.label}</small>
      </h1>
      <SupervisionFilters f={f} countyLocked={p.scope.kind === 'county'} invalid={!parsed.success} />
      <Kpis k={d.kpis} />
      <div className={g.cols3}>
        {p.scope.kind !== 'county' && (
          <RankTable title="县（区）排名" en="Counties" kind="county" rows={d.counties} exportQ={exp ? q : null} what="counties" />
        )}
        <RankTable title="行业排名" en="Sectors" kind="sector" rows={d.sectors} exportQ={exp ? q : null} what="sectors" />
      </div>
      <section className={w.card}>
        <h2>
          单位安全评分 <span className={g.muted}>Site safety scores · {d.siteTotal} 家 · 悬停评分查看构成 Hover a score for its terms</span>
        </h2>
        <div className={w.pager} style={{ marginTop: 0, marginBottom: 8 }}>
          <span>排序 Sort:</span>
          {(['risk', 'handling', 'alarms', 'overdue'] as const).map((s) => (
            <a key={s} className={`${w.chip} ${(f.sort ?? 'risk') === s ? w.chipOn : ''}`} href={`/supervision?${toQuery({ ...f, sort: s, page: undefined })}`}>
              {{ risk: '风险（评分低→高）', handling: '处置绩效（差→好）', alarms: '报警最多', overdue: '逾期最多' }[s]}
            </a>
          ))}
          <span style={{ marginLeft: 'auto' }}>{d.ms} ms</span>
          {exp && <ExportLinks base="/api/supervision/export?what=sites" query={q} label="sites" />}
        </div>
        <SiteScores rows={d.sites} offset={(page - 1) * SITE_PAGE} />
        <div className={w.pager}>
          {page > 1 && (
            <a className={w.btn} href={`/supervision?${toQuery({ ...f, page: page - 1 })}`}>
              ← 上一页
            </a>
          )}
          <span>
            第 {page} / {pages} 页
          </span>
          {page < pages && (
            <a className={w.btn} href={`/supervision?${toQuery({ ...f, page: page + 1 })}`}>
              下一页 →
            </a>
          )}
        </div>
      </section>
    </GovShell>
  );
}
