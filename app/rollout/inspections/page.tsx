/** /rollout/inspections — the fire brigade's record of each department's rollout in its routine inspections. */
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { services } from '../../../server/services.ts';
import { can } from '../../../lib/domain/permissions.ts';
import { canRecordInspection, INSPECTED_DEPARTMENTS, listInspections } from '../../../server/rollout/inspections.ts';
import { CATEGORIES, categoryLabel, DEPARTMENT_INFO, departmentLabel, TONES } from '../../../lib/domain/vocabulary/index.ts';
import { bjDay } from '../../../lib/domain/rollout/phases.ts';
import { currentPrincipal } from '../../_lib/server-session.ts';
import w from '../../_components/alerts/work.module.css';
import { GovShell } from '../../reports/_ui/GovShell.tsx';
import { ExportLinks } from '../../reports/_ui/ExportLinks.tsx';
import g from '../../reports/_ui/gov.module.css';
import { InspectionForm } from './InspectionForm.tsx';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '消防检查 · 昌都市智慧式用电安全管理平台' };
const pct = (x: number | null) => (x == null ? '—' : `${(x * 100).toFixed(1)}%`);

export default async function InspectionsPage() {
  const p = await currentPrincipal();
  if (!p) redirect('/login?next=/rollout/inspections');
  const rows = await listInspections(services().sql, p);
  return (
    <GovShell p={p} active="/rollout/inspections">
      <h1 className={w.h1}>消防检查 <small>Fire inspections · 各部门推广工作纳入日常消防监督检查</small></h1>
      {canRecordInspection(p) && (
        <section className={w.card}>
          <h2>登记检查 Record an inspection</h2>
          <InspectionForm departments={INSPECTED_DEPARTMENTS.map((d) => ({ id: d, zh: d === 'fire' ? `${CATEGORIES.mall.zh}（产权或委托管理单位）` : DEPARTMENT_INFO[d].zh }))} today={bjDay()} />
        </section>
      )}
      <div className={w.pager} style={{ marginTop: 0, marginBottom: 8 }}>
        <span>共 {rows.length} 条</span>
        {can(p.role, 'report.export') && <ExportLinks base="/api/rollout/inspections" query="" />}
      </div>
      <div className={w.tableWrap}>
        <table className={w.table} data-testid="inspections">
          <thead>
            <tr><th>日期</th><th>被检查部门</th><th>县（区）</th><th>行业</th><th className={w.num}>目标</th><th className={w.num}>已安装</th><th className={w.num}>已投用</th><th className={w.num}>覆盖率</th><th className={w.num}>未整改/逾期</th><th>检查发现</th><th>检查人</th></tr>
          </thead>
          <tbody>
            {rows.length === 0 && <tr><td colSpan={11} className={w.dim}>暂无记录。No inspections recorded.</td></tr>}
            {rows.map((r) => (
              <tr key={r.id}>
                <td className={w.num}>{r.inspectedOn}</td>
                <td>{departmentLabel(r.departmentId)}</td>
                <td>{r.countyZh ?? '全市'}</td>
                <td>{r.snapshot.categories.map((c) => categoryLabel(c)).join('、')}</td>
                <td className={w.num}>{r.snapshot.target}</td>
                <td className={w.num}>{r.snapshot.installed}</td>
                <td className={w.num}>{r.snapshot.inService}</td>
                <td className={w.num}>{pct(r.snapshot.share)}</td>
                <td className={w.num}>{r.snapshot.openHazards}/<span style={{ color: r.snapshot.overdueHazards ? TONES.bad : undefined }}>{r.snapshot.overdueHazards}</span></td>
                <td style={{ maxWidth: 420, whiteSpace: 'pre-wrap' }}>{r.rectificationRequired && <span className={`${g.tag} ${g.tagHot}`}>责令整改</span>}{r.findings}</td>
                <td>{r.inspectorName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </GovShell>
  );
}
