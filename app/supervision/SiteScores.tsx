/** The site table of the dashboard: score (hover: explanation), alarms, hazards, response, devices. */
import type { ScoredSite } from '../../server/supervision/stats.ts';
import { categoryLabel, TONES } from '../../lib/domain/vocabulary/index.ts';
import { hoursZh } from '../../lib/domain/reports/format.ts';
import w from '../_components/alerts/work.module.css';
import { ScoreBadge } from '../reports/_ui/ScoreBadge.tsx';

export function SiteScores({ rows, offset }: { rows: ScoredSite[]; offset: number }) {
  return (
    <div className={w.tableWrap} style={{ overflow: 'visible' }}>
      <table className={w.table} data-testid="site-scores">
        <thead>
          <tr>
            <th>#</th>
            <th>单位 Site</th>
            <th>县（区）</th>
            <th>行业</th>
            <th>安全评分 Score</th>
            <th className={w.num}>报警</th>
            <th className={w.num}>误报</th>
            <th className={w.num}>平均响应</th>
            <th className={w.num}>新增隐患</th>
            <th className={w.num}>未整改</th>
            <th className={w.num}>逾期</th>
            <th className={w.num}>在线设备</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.id} data-site={r.id}>
              <td className={w.dim}>{offset + i + 1}</td>
              <td>
                <a href={`/sites/${encodeURIComponent(r.id)}`}>{r.nameZh}</a> <span className={w.dim}>{r.id}</span>
              </td>
              <td>{r.countyZh}</td>
              <td>{categoryLabel(r.category)}</td>
              <td>
                <ScoreBadge s={r.score} siteName={r.nameZh} />
              </td>
              <td className={w.num}>{r.alarms || ''}</td>
              <td className={w.num}>{r.falseAlarms || ''}</td>
              <td className={w.num}>{r.ackN ? hoursZh(r.ackHoursSum / r.ackN) : ''}</td>
              <td className={w.num}>{r.hazardsNew || ''}</td>
              <td className={w.num}>{r.openCritical + r.openAlarm + r.openWarning || ''}</td>
              <td className={w.num} style={{ color: r.overdueOpen ? TONES.bad : undefined }}>{r.overdueOpen || ''}</td>
              <td className={w.num} style={{ color: r.devices && r.devicesOnline < r.devices ? TONES.watch : undefined }}>
                {r.devices ? `${r.devicesOnline}/${r.devices}` : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
