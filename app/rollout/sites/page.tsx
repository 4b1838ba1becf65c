/** /rollout/sites — rollout state of each site (drill-down from the matrix), filters in the URL, export. */
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { services } from '../../../server/services.ts';
import { can } from '../../../lib/domain/permissions.ts';
import { rolloutSiteFilterSchema, toQuery, type RolloutSiteFilter } from '../../../server/rollout/filters.ts';
import { listRolloutSites, PAGE_SIZE, serviceProviders } from '../../../server/rollout/sites.ts';
import { categoryLabel, ROLLOUT_INFO, ROLLOUT_STATES } from '../../../lib/domain/vocabulary/index.ts';
import { CountySelect, FilterActions, SectorSelect } from '../../_components/filters/FilterFields.tsx';
import { currentPrincipal } from '../../_lib/server-session.ts';
import w from '../../_components/alerts/work.module.css';
import { GovShell } from '../../reports/_ui/GovShell.tsx';
import { ExportLinks } from '../../reports/_ui/ExportLinks.tsx';
import g from '../../reports/_ui/gov.module.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '推广单位 · 昌都市智慧式用电安全管理平台' };
type SP = Promise<Record<string, string | string[] | undefined>>;
const first = (o: Record<string, string | string[] | undefined>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));

export default async function RolloutSitesPage({ searchParams }: { searchParams: SP }) {
  const p = await currentPrincipal();
  if (!p) redirect('/login?next=/rollout/sites');
  const parsed = rolloutSiteFilterSchema.safeParse(first(await searchParams));
  const f: RolloutSiteFilter = parsed.success ? parsed.data : {};
  const { sql } = services();
  const [{ rows, total }, providers] = await Promise.all([listRolloutSites(sql, p, f), serviceProviders(sql, p)]);
  const q = toQuery({ ...f, page: undefined });
  const page = f.page ?? 1;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const editable = can(p.role, 'rollout.edit');
  return (
    <GovShell p={p} active="/rollout/sites">
      <h1 className={w.h1}>
        推广单位 <small>Rollout by site · 计划 → 勘察 → 安装 → 调试 → 投用</small>
      </h1>
      <form className={w.filters} method="get" action="/rollout/sites">
        {p.scope.kind !== 'county' && <CountySelect value={f.county} />}
        <SectorSelect value={f.category} />
        <label className={w.field}>
          <span>进度<small>State</small></span>
          <select name="state" defaultValue={f.state ?? ''}>
            <option value="">全部</option>
            {ROLLOUT_STATES.map((s) => <option key={s} value={s}>{ROLLOUT_INFO[s].zh}</option>)}
          </select>
        </label>
        <label className={w.field}>
          <span>技术服务单位<small>Provider</small></span>
          <select name="provider" defaultValue={f.provider ?? ''}>
            <option value="">全部</option>
            {providers.map((x) => <option key={x} value={x}>{x}</option>)}
          </select>
        </label>
        <label className={w.field}>
          <span>名称/编号<small>Search</small></span>
          <input name="q" defaultValue={f.q ?? ''} placeholder="强巴林寺 / KR-" />
        </label>
        <label className={`${w.field} ${g.check}`}><input type="checkbox" name="uncovered" value="1" defaultChecked={!!f.uncovered} /> 仅未覆盖</label>
        <label className={`${w.field} ${g.check}`}><input type="checkbox" name="pilot" value="1" defaultChecked={!!f.pilot} /> 仅试点</label>
        <label className={`${w.field} ${g.check}`}><input type="checkbox" name="conditions" value="missing" defaultChecked={!!f.conditions} /> 缺安装条件</label>
        {f.asOf && <input type="hidden" name="asOf" value={f.asOf} />}
        {f.metric && <input type="hidden" name="metric" value={f.metric} />}
        <FilterActions resetHref="/rollout/sites" />
      </form>
      <div className={w.pager} style={{ marginTop: 0, marginBottom: 8 }}>
        <span>共 {total} 家{f.uncovered && f.asOf ? `（截至 ${f.asOf} 未覆盖）` : ''}</span>
        {can(p.role, 'report.export') && <ExportLinks base="/api/rollout/sites" query={q} />}
      </div>
      <div className={w.tableWrap}>
        <table className={w.table} data-testid="rollout-sites">
          <thead>
            <tr>
              <th>单位 Site</th><th>县（区）</th><th>行业</th><th>进度 State</th><th>试点</th>
              <th>计划</th><th>勘察</th><th>安装</th><th>调试</th><th>投用</th><th>安装条件</th><th>技术服务单位</th><th />
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{r.nameZh} <span className={w.dim}>{r.id}</span></td>
                <td>{r.countyZh}</td>
                <td>{categoryLabel(r.category)}</td>
                <td><span className={w.pill} style={{ color: ROLLOUT_INFO[r.state].colour }}>{ROLLOUT_INFO[r.state].zh}</span></td>
                <td>
                  {r.isPilot && <span className={g.tag}>试点</span>}
                  {r.municipal && <span className={`${g.tag} ${g.tagHot}`}>市级</span>}
                  {r.regional && <span className={`${g.tag} ${g.tagHot}`}>推荐自治区</span>}
                </td>
                <td className={w.num}>{r.plannedAt ?? ''}</td>
                <td className={w.num}>{r.surveyedAt ?? ''}</td>
                <td className={w.num}>{r.installedAt ?? ''}</td>
                <td className={w.num}>{r.commissionedAt ?? ''}</td>
                <td className={w.num}>{r.inServiceAt ?? ''}</td>
                <td>
                  <span className={r.powerOk ? g.good : g.bad}>{r.powerOk ? '✓' : '✗'} 通电</span>{' '}
                  <span className={r.networkOk ? g.good : g.bad}>{r.networkOk ? '✓' : '✗'} 通网</span>
                </td>
                <td>{r.serviceProvider || <span className={w.dim}>未定</span>}</td>
                <td><a href={`/rollout/sites/${encodeURIComponent(r.id)}`}>{editable ? '编辑 Edit' : '详情'}</a></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={w.pager}>
        {page > 1 && <a className={w.btn} href={`/rollout/sites?${toQuery({ ...f, page: page - 1 })}`}>← 上一页</a>}
        <span>第 {page} / {pages} 页</span>
        {page < pages && <a className={w.btn} href={`/rollout/sites?${toQuery({ ...f, page: page + 1 })}`}>下一页 →</a>}
      </div>
    </GovShell>
  );
}
