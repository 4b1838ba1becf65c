/** /rollout/plan — the plan as data: phases and dates, pilot units (Karuo first; municipal and regional selections), targets. */
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { services } from '../../../server/services.ts';
import { can } from '../../../lib/domain/permissions.ts';
import { loadPhases } from '../../../server/rollout/phases.ts';
import { listPilots, MUNICIPAL_MAX } from '../../../server/rollout/pilots.ts';
import { coverageMatrix } from '../../../server/rollout/coverage.ts';
import { bjDay } from '../../../lib/domain/rollout/phases.ts';
import { CATEGORIES, categoryLabel, departmentLabel, rolloutLabel } from '../../../lib/domain/vocabulary/index.ts';
import { COUNTY_NAMES_ZH } from '../../../server/supervision/names.ts';
import { currentPrincipal } from '../../_lib/server-session.ts';
import w from '../../_components/alerts/work.module.css';
import { GovShell } from '../../reports/_ui/GovShell.tsx';
import g from '../../reports/_ui/gov.module.css';
import { PilotControls } from './PilotControls.tsx';
import { TargetInput } from './TargetInput.tsx';
import type { SiteCategory } from '../../../lib/protocol/v1.ts';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '阶段与试点 · 昌都市智慧式用电安全管理平台' };

export default async function PlanPage() {
  const p = await currentPrincipal();
  if (!p) redirect('/login?next=/rollout/plan');
  const { sql } = services();
  const [phases, pilots, m] = await Promise.all([loadPhases(sql), listPilots(sql, p), coverageMatrix(sql, p, {})]);
  const today = bjDay();
  const edit = can(p.role, 'rollout.edit');
  const cityWide = p.scope.kind === 'all';
  const municipal = pilots.filter((x) => x.municipal);
  const byCounty = new Map<number, typeof pilots>();
  for (const x of pilots) byCounty.set(x.county, [...(byCounty.get(x.county) ?? []), x]);
  const cats = (Object.keys(CATEGORIES) as SiteCategory[]).filter((c) => m.categories.includes(c));
  return (
    <GovShell p={p} active="/rollout/plan">
      <h1 className={w.h1}>阶段与试点 <small>Plan phases, pilots and targets · 昌安委办发〔2018〕95号</small></h1>
      <section className={w.card}>
        <h2>实施阶段 Phases</h2>
        <div className={w.tableWrap}>
          <table className={w.table}>
            <thead><tr><th>阶段</th><th>名称</th><th>时间</th><th>工作要求</th><th className={w.num}>应达覆盖</th><th>状态</th></tr></thead>
            <tbody>
              {phases.map((ph) => (
                <tr key={ph.phase}>
                  <td>{ph.phase}</td>
                  <td><b>{ph.nameZh}</b><br /><span className={w.dim}>{ph.nameEn}</span></td>
                  <td className={w.num}>{ph.startsOn} → {ph.endsOn}</td>
                  <td style={{ maxWidth: 560 }}>{ph.goalZh}</td>
                  <td className={w.num}>{(ph.expectedShare * 100).toFixed(0)}%</td>
                  <td>{today > ph.endsOn ? <span className={w.dim}>已结束</span> : today >= ph.startsOn ? <span className={g.good}>进行中</span> : '未开始'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className={w.card} data-testid="pilots">
        <h2>试点单位 Pilot units <span className={g.muted}>卡若区先行；各部门、各县（区）选取 3–4 家；评选 1–2 家市级试点，推荐自治区试点</span></h2>
        <p className={g.lede}>
          市级试点单位：<b>{municipal.length ? municipal.map((x) => x.nameZh).join('、') : '尚未评选'}</b>（{municipal.length}/{MUNICIPAL_MAX}）；
          推荐自治区：<b>{pilots.filter((x) => x.regional).map((x) => x.nameZh).join('、') || '无'}</b>。
          {!cityWide && ' 市级评选和推荐由市安委办、消防部门操作。'}
        </p>
        <div className={w.tableWrap}>
          <table className={w.table}>
            <thead><tr><th>县（区）</th><th>单位</th><th>行业 / 主管部门</th><th>进度</th><th>投用</th><th>试点报告</th><th>评选 Selection</th></tr></thead>
            <tbody>
              {[...byCounty.entries()].flatMap(([county, list]) =>
                list.map((x, i) => (
                  <tr key={x.id}>
                    {i === 0 && <td rowSpan={list.length} style={{ verticalAlign: 'top' }}><b>{COUNTY_NAMES_ZH[county]}</b><br /><span className={w.dim}>{list.length} 家</span></td>}
                    <td>{x.nameZh} <span className={w.dim}>{x.id}</span></td>
                    <td>{categoryLabel(x.category)} <span className={w.dim}>/ {departmentLabel(x.departmentId)}</span></td>
                    <td>{rolloutLabel(x.state)}</td>
                    <td className={w.num}>{x.inServiceAt ?? ''}</td>
                    <td className={w.num}>{x.reportedOn ?? <span className={w.dim}>未报</span>}</td>
                    <td><PilotControls row={x} editable={edit} cityWide={cityWide} /></td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      </section>
      <section className={w.card}>
        <h2>推广目标 Targets <span className={g.muted}>各县（区）× 行业应覆盖单位数；默认取具备通电、通网条件的登记单位数，修改后记入审计日志</span></h2>
        <div className={w.tableWrap}>
          <table className={g.matrix}>
            <thead><tr><th>县（区）</th>{cats.map((k) => <th key={k}>{CATEGORIES[k].zh}</th>)}</tr></thead>
            <tbody>
              {m.counties.map((c) => (
                <tr key={c.adcode}>
                  <td>{c.nameZh}</td>
                  {cats.map((k) => {
                    const cell = m.cells.find((x) => x.county === c.adcode && x.category === k);
                    return (
                      <td key={k} title={cell ? `登记 ${cell.total}，具备条件 ${cell.eligible}${cell.targetDerived ? '' : '（已调整）'}` : ''}>
                        {cell ? <TargetInput county={c.adcode} category={k} value={cell.target} derived={cell.targetDerived} editable={edit && p.scope.kind !== 'sites'} /> : <span>—</span>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </GovShell>
  );
}
