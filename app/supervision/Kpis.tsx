/** The dashboard's headline figures (one meaning, one colour: docs/UI.md). */
import type { GroupStats } from '../../server/supervision/groups.ts';
import { hoursZh, pct, fix1 } from '../../lib/domain/reports/format.ts';
import { TONES } from '../../lib/domain/vocabulary/index.ts';
import w from '../_components/alerts/work.module.css';

export function Kpis({ k }: { k: GroupStats }) {
  const items: [string, string, string, string?][] = [
    [k.alarms.toLocaleString(), '报警', 'Alarms'],
    [pct(k.falseRate), '误报率', 'False-alarm rate', (k.falseRate ?? 0) > 0.2 ? TONES.watch : undefined],
    [hoursZh(k.meanAckHours), '平均响应', 'Mean response'],
    [k.hazardsNew.toLocaleString(), '新增隐患', 'New hazards'],
    [pct(k.rectificationRate), '整改率', 'Rectification rate', (k.rectificationRate ?? 1) < 0.8 ? TONES.watch : undefined],
    [hoursZh(k.meanRectifyHours), '平均整改用时', 'Mean rectification'],
    [k.open.toLocaleString(), '未整改', 'Open hazards'],
    [k.overdue.toLocaleString(), '逾期工单', 'Overdue orders', k.overdue ? TONES.bad : undefined],
    [pct(k.onlineRate), '设备在线率', 'Device online', (k.onlineRate ?? 1) < 0.95 ? TONES.watch : undefined],
    [fix1(k.avgScore), '平均安全评分', 'Avg safety score'],
    [`${k.connected}/${k.sites}`, '已接入/单位', 'Connected/sites'],
  ];
  return (
    <div className={w.kpis} data-testid="kpis">
      {items.map(([b, zh, en, color]) => (
        <div key={zh} className={w.kpi} style={{ color }}>
          <b>{b}</b>
          <span>
            {zh} {en}
          </span>
        </div>
      ))}
    </div>
  );
}
