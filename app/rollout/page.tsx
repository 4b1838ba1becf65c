/** /rollout — the coverage matrix: county × sector against targets and the plan's phase deadlines, laggards marked. */
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { services } from '../../server/services.ts';
import { can } from '../../lib/domain/permissions.ts';
import { coverageFilterSchema, toQuery, type CoverageFilter } from '../../server/rollout/filters.ts';
import { coverageMatrix } from '../../server/rollout/coverage.ts';
import { CATEGORIES, TONES } from '../../lib/domain/vocabulary/index.ts';
import { currentPrincipal } from '../_lib/server-session.ts';
import w from '../_components/alerts/work.module.css';
import { GovShell } from '../reports/_ui/GovShell.tsx';
import { ExportLinks } from '../reports/_ui/ExportLinks.tsx';
import g from '../reports/_ui/gov.module.css';
import { CoverageFilters } from './CoverageFilters.tsx';
import { Matrix } from './Matrix.tsx';
import { LaggardList } from './LaggardList.tsx';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '推广覆盖 · 昌都市智慧式用电安全管理平台' };
type SP = Promise<Record<string, string | string[] | undefined>>;
const first = (o: Record<string, string | string[] | undefined>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
const pct = (x: number | null) => (x == null ? '—' : `${(x * 100).toFixed(1)}%`);

export default async function RolloutPage({ searchParams }: { searchParams: SP }) {
  const p = await currentPrincipal();
  if (!p) redirect('/login?next=/rollout');
  const parsed = coverageFilterSchema.safeParse(first(await searchParams));
  const f: CoverageFilter = parsed.success ? parsed.data : {};
  const t0 = performance.now();
  const m = await coverageMatrix(services().sql, p, f);
  const ms = Math.round(performance.now() - t0);
  const q = toQuery({ asOf: f.asOf, metric: f.metric, county: f.county, category: f.category });
  const lag = m.cells.filter((c) => c.status === 'laggard').length;
  const behind = m.cells.filter((c) => c.status === 'behind').length;
  const cats = (Object.keys(CATEGORIES) as string[]).filter((c) => m.categories.includes(c));
  return (
    <GovShell p={p} active="/rollout">
      <h1 className={w.h1}>
        推广覆盖 <small>Rollout coverage · county × sector</small>
      </h1>
      <p className={g.lede}>
        目标为各县（区）各行业具备<b>通电、通网</b>安装条件的单位数（可调整）；截至 <b>{m.asOf}</b>，按《实施方案》
        {m.phase ? `第${'一二三四五'[m.phase.phase - 1]}阶段“${m.phase.nameZh}”` : '尚未开始'}应达进度 <b>{pct(m.expected)}</b>。
        {m.metric === 'in_service' ? '覆盖按“已投入使用”计。' : '覆盖按“已安装及以后”计。'}
      </p>
      <div className={g.phaseBar}>
        {m.phases.map((ph) => (
          <a key={ph.phase} className={`${g.phase} ${m.phase?.phase === ph.phase ? g.phaseOn : ''}`} href={`/rollout?${toQuery({ ...f, asOf: ph.endsOn })}`} title={ph.goalZh}>
            <b>
              {ph.phase}. {ph.nameZh}
            </b>
            {ph.startsOn} → {ph.endsOn} · 应达 {pct(ph.expectedShare)}
          </a>
        ))}
      </div>
      <CoverageFilters f={f} asOf={m.asOf} countyLocked={p.scope.kind === 'county'} invalid={!parsed.success} />
      <div className={w.kpis}>
        <div className={w.kpi}>
          <b>{m.total.target.toLocaleString()}</b>
          <span>推广目标（家） Target</span>
        </div>
        <div className={w.kpi}>
          <b>{m.total.covered.toLocaleString()}</b>
          <span>{m.metric === 'in_service' ? '已投入使用' : '已安装'} Covered</span>
        </div>
        <div className={w.kpi}>
          <b>{pct(m.total.share)}</b>
          <span>覆盖率 Share（应达 {pct(m.expected)}）</span>
        </div>
        <div className={w.kpi} style={{ color: lag ? TONES.bad : undefined }} data-testid="laggard-count">
          <b>{lag}</b>
          <span>严重滞后单元 Laggards</span>
        </div>
        <div className={w.kpi} style={{ color: behind ? TONES.watch : undefined }}>
          <b>{behind}</b>
          <span>未达进度单元 Behind</span>
        </div>
        <div className={w.kpi}>
          <b>{m.total.pilots}</b>
          <span>试点单位 Pilots</span>
        </div>
      </div>
      <div className={w.pager} style={{ marginTop: 0, marginBottom: 8 }}>
        <span>
          {m.counties.length} 个县（区）× {cats.length} 个行业 · {ms} ms
        </span>
        {can(p.role, 'report.export') && <ExportLinks base="/api/rollout/coverage" query={q} />}
      </div>
      <Matrix m={m} cats={cats} />
      <div className={g.legend}>
        <span>
          <i className={g.swatch} style={{ background: 'rgba(255,77,79,.5)' }} />
          严重滞后 Laggard：低于应达进度 25 个百分点以上
        </span>
        <span>
          <i className={g.swatch} style={{ background: TONES.watch, width: 3 }} />
          未达进度 Behind：低于应达进度 2 个百分点以上
        </span>
        <span>格内：已覆盖/目标 与覆盖率；点击查看单位 Click a cell for its sites</span>
      </div>
      <LaggardList m={m} />
    </GovShell>
  );
}
