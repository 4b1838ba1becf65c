/** The alarm list table (server component): severity with icon+label, site, circuit, type, times, state. */
import type { AlarmListRow } from '../../server/workflow/alarms/list.ts';
import { alarmTypeLabel, categoryLabel, TONES } from '../../lib/domain/vocabulary/index.ts';
import { countyName } from '../map/county-names.ts';
import { fmt, SevPill } from '../_components/alerts/ui.tsx';
import w from '../_components/alerts/work.module.css';

function State({ r }: { r: AlarmListRow }) {
  if (r.falseAlarm) return <span className={w.pill} style={{ color: '#8aa4c8' }}>⊘ 误报</span>;
  if (r.clearedAt) return <span className={w.pill} style={{ color: TONES.good }}>✓ 已解除{r.acknowledgedAt ? '·已确认' : ''}</span>;
  if (r.acknowledgedAt) return <span className={w.pill} style={{ color: '#38c6ff' }}>● 处置中</span>;
  return <span className={w.pill} style={{ color: TONES.watch }}>! 待确认</span>;
}

export function AlarmTable({ rows }: { rows: AlarmListRow[] }) {
  return (
    <div className={w.tableWrap}>
      <table className={w.table} data-testid="alarm-table">
        <thead>
          <tr>
            <th>级别</th>
            <th>场所 Site</th>
            <th className={w.hideSm}>行业 / 区县</th>
            <th>类型 Type</th>
            <th className={w.hideSm}>回路 Circuit</th>
            <th className={w.hideSm}>测量 / 阈值</th>
            <th>发生 Opened</th>
            <th className={w.hideSm}>解除 Cleared</th>
            <th>状态 State</th>
            <th className={w.hideSm}>隐患</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={10} className={w.dim} style={{ textAlign: 'center', padding: 28 }}>
                没有符合条件的报警 · No alarms match these filters
              </td>
            </tr>
          )}
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                <SevPill s={r.severity} />
              </td>
              <td>
                <a href={`/alarms/${r.id}`}>{r.siteName}</a>
              </td>
              <td className={`${w.dim} ${w.hideSm}`}>
                {categoryLabel(r.category)} · {countyName(r.countyAdcode, 'zh')}
              </td>
              <td>
                <a href={`/alarms/${r.id}`}>{alarmTypeLabel(r.type)}</a>
              </td>
              <td className={w.hideSm}>{r.circuitName ?? (r.ch != null ? `${r.deviceId} CH${r.ch}` : r.deviceId)}</td>
              <td className={`${w.num} ${w.hideSm}`}>
                {r.value != null ? r.value.toFixed(1) : '—'}
                <span className={w.dim}> / {r.threshold != null ? r.threshold.toFixed(1) : '—'}</span>
              </td>
              <td className={w.num}>{fmt(r.openedAt)}</td>
              <td className={`${w.num} ${w.dim} ${w.hideSm}`}>{fmt(r.clearedAt)}</td>
              <td>
                <State r={r} />
              </td>
              <td className={w.hideSm}>{r.hazardId ? <a href={`/hazards/${r.hazardId}`}>#{r.hazardId}</a> : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
