/** The dashboard's headline figures (one meaning, one colour: docs/UI.md; one definition each: docs/KPI.md). */
import type { GroupStats } from '../../server/supervision/groups.ts';
import { kpiRows, type KpiRow } from '../../server/supervision/kpi-rows.ts';
import { TONES } from '../../lib/domain/vocabulary/index.ts';
import w from '../_components/alerts/work.module.css';

const tone = (r: KpiRow): string | undefined => {
  if (r.value == null) return undefined;
  if (r.id === 'falseAlarmRate') return r.value > 0.2 ? TONES.watch : undefined;
  if (r.id === 'rectificationRate') return r.value < 0.8 ? TONES.watch : undefined;
  if (r.id === 'hazardsOverdue') return r.value ? TONES.bad : undefined;
  if (r.id === 'devicesOnlineRate') return r.value < 0.95 ? TONES.watch : undefined;
  return undefined;
};

export function Kpis({ k }: { k: GroupStats }) {
  const rows = kpiRows(k);
  return (
    <div className={w.kpis} data-testid="kpis">
      {rows.map((r) => (
        <div key={r.id} className={w.kpi} style={{ color: tone(r) }} data-testid={`kpi-${r.id}`} data-text={r.text}>
          <b>{r.text}</b>
          <span>
            {r.zh} {r.en}
          </span>
        </div>
      ))}
      <div className={w.kpi} data-testid="kpi-hazardsNew" data-text={k.hazardsNew.toLocaleString()}>
        <b>{k.hazardsNew.toLocaleString()}</b>
        <span>新增隐患 New hazards</span>
      </div>
    </div>
  );
}
