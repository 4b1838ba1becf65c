/** A ranking of counties or sectors by risk (average score) with handling performance beside it. */
import type { GroupStats } from '../../server/supervision/groups.ts';
import { countyZh } from '../../server/supervision/dashboard.ts';
import { GRADE_INFO, gradeOf } from '../../server/supervision/score.ts';
import { categoryLabel, TONES } from '../../lib/domain/vocabulary/index.ts';
import { fix1, hoursZh, pct } from '../../lib/domain/reports/format.ts';
import w from '../_components/alerts/work.module.css';
import g from '../reports/_ui/gov.module.css';
import { ExportLinks } from '../reports/_ui/ExportLinks.tsx';

const scoreColor = (s: number | null) => (s == null ? undefined : GRADE_INFO[gradeOf(s)].color);

export function RankTable({ title, en, kind, rows, exportQ, what }: { title: string; en: string; kind: 'county' | 'sector'; rows: GroupStats[]; exportQ: string | null; what: string }) {
  const label = kind === 'county' ? countyZh : categoryLabel;
  const handlingRank = new Map([...rows].sort((a, b) => (b.handling ?? -1) - (a.handling ?? -1)).map((r, i) => [r.key, i + 1]));
  return (
    <section className={w.card} data-testid={`rank-${kind}`}>
      <h2>
        {title} <span className={g.muted}>{en} · 按风险（平均评分低→高）</span>
      </h2>
      {exportQ != null && (
        <div className={w.pager} style={{ marginTop: 0, marginBottom: 8 }}>
          <ExportLinks base={`/api/supervision/export?what=${what}`} query={exportQ} label={what} />
        </div>
      )}
      <div className={w.tableWrap}>
        <table className={w.table}>
          <thead>
            <tr>
              <th>#</th>
              <th>{kind === 'county' ? '县（区）' : '行业'}</th>
              <th className={w.num}>平均评分</th>
              <th className={w.num}>差</th>
              <th className={w.num}>报警</th>
              <th className={w.num}>误报率</th>
              <th className={w.num}>响应</th>
              <th className={w.num}>整改率</th>
              <th className={w.num}>逾期</th>
              <th className={w.num} title="处置绩效：100 − 响应与整改时效扣分（按比例）">处置绩效</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.key}>
                <td className={w.dim}>{i + 1}</td>
                <td>
                  <a href={`?${kind === 'county' ? 'county' : 'category'}=${r.key}`}>{label(r.key)}</a>
                </td>
                <td className={w.num} style={{ color: scoreColor(r.avgScore), fontWeight: 600 }}>{fix1(r.avgScore)}</td>
                <td className={w.num}>{r.atRisk || ''}</td>
                <td className={w.num}>{r.alarms.toLocaleString()}</td>
                <td className={w.num}>{pct(r.falseRate)}</td>
                <td className={w.num}>{hoursZh(r.meanAckHours)}</td>
                <td className={w.num}>{pct(r.rectificationRate)}</td>
                <td className={w.num} style={{ color: r.overdue ? TONES.bad : undefined }}>{r.overdue || ''}</td>
                <td className={w.num}>
                  {fix1(r.handling)} <span className={g.muted}>#{handlingRank.get(r.key)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
