/** The laggard cells, worst first, with what is missing and a link to the sites (查找短板). */
import { categoryLabel, TONES } from '../../lib/domain/vocabulary/index.ts';
import type { CoverageMatrix } from '../../server/rollout/coverage.ts';
import { COUNTY_NAMES_ZH } from '../../server/supervision/names.ts';
import { toQuery } from '../../server/rollout/filters.ts';
import w from '../_components/alerts/work.module.css';

export function LaggardList({ m }: { m: CoverageMatrix }) {
  const rows = m.cells.filter((c) => c.status === 'laggard' || c.status === 'behind').sort((a, b) => (b.gap ?? 0) - (a.gap ?? 0));
  return (
    <section className={w.card} style={{ marginTop: 16 }} data-testid="laggards">
      <h2>
        滞后单元 Behind schedule <span style={{ color: '#8aa4c8', fontWeight: 400 }}>（{rows.length}，按差距排序）</span>
      </h2>
      {rows.length === 0 ? (
        <p style={{ color: TONES.good, margin: 0 }}>各单元均达到阶段进度要求。All cells on schedule.</p>
      ) : (
        <div className={w.tableWrap}>
          <table className={w.table}>
            <thead>
              <tr>
                <th>县（区）</th>
                <th>行业 Sector</th>
                <th>状态</th>
                <th className={w.num}>覆盖/目标</th>
                <th className={w.num}>覆盖率</th>
                <th className={w.num}>应达</th>
                <th className={w.num}>差距 Gap</th>
                <th className={w.num}>尚缺 Missing</th>
                <th className={w.num}>待勘察</th>
                <th className={w.num}>待安装</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, 40).map((c) => (
                <tr key={`${c.county}-${c.category}`} data-status={c.status}>
                  <td>{COUNTY_NAMES_ZH[c.county]}</td>
                  <td>{categoryLabel(c.category)}</td>
                  <td style={{ color: c.status === 'laggard' ? TONES.bad : TONES.watch }}>{c.status === 'laggard' ? '▼▼ 严重滞后' : '▼ 未达进度'}</td>
                  <td className={w.num}>
                    {c.covered}/{c.target}
                  </td>
                  <td className={w.num}>{c.share == null ? '—' : `${(c.share * 100).toFixed(1)}%`}</td>
                  <td className={w.num}>{(c.expected * 100).toFixed(1)}%</td>
                  <td className={w.num}>{c.gap == null ? '—' : `${(c.gap * 100).toFixed(1)} 个百分点`}</td>
                  <td className={w.num}>{Math.max(0, Math.ceil(c.expected * c.target) - c.covered)}</td>
                  <td className={w.num}>{Math.max(0, c.target - c.surveyed)}</td>
                  <td className={w.num}>{Math.max(0, c.target - c.installed)}</td>
                  <td>
                    <a href={`/rollout/sites?${toQuery({ county: c.county, category: c.category, uncovered: '1', asOf: m.asOf, metric: m.metric === 'installed' ? 'installed' : undefined })}`}>未覆盖单位 →</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
