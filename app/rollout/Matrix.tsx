/** The coverage matrix table: counties down, sectors across, totals; each cell links to its uncovered sites. */
import { categoryLabel } from '../../lib/domain/vocabulary/index.ts';
import type { CoverageCell, CoverageMatrix } from '../../server/rollout/coverage.ts';
import { toQuery } from '../../server/rollout/filters.ts';
import w from '../_components/alerts/work.module.css';
import g from '../reports/_ui/gov.module.css';

const STATUS_ZH = { none: '无目标', ok: '达标', behind: '未达进度', laggard: '严重滞后' } as const;

function Cell({ c, m, county, category }: { c: CoverageCell | undefined; m: CoverageMatrix; county?: number; category?: string }) {
  if (!c || (c.target === 0 && c.total === 0)) return <td className={g.cellNone}><span>—</span></td>;
  const cls = c.status === 'laggard' ? g.cellLaggard : c.status === 'behind' ? g.cellBehind : c.status === 'none' ? g.cellNone : g.cellOk;
  const href = `/rollout/sites?${toQuery({ county, category, asOf: m.asOf, metric: m.metric === 'installed' ? 'installed' : undefined })}`;
  return (
    <td className={cls} data-status={c.status} data-county={county ?? ''} data-category={category ?? ''} data-covered={c.covered} data-target={c.target}>
      <a href={href} title={`${STATUS_ZH[c.status]}；登记 ${c.total}，具备条件 ${c.eligible}，已勘察 ${c.surveyed}，已安装 ${c.installed}，已调试 ${c.commissioned}，已投用 ${c.inService}${c.targetDerived ? '' : '（目标已人工调整）'}`}>
        {c.covered}/{c.target}
        <small>
          {c.share == null ? '—' : `${(c.share * 100).toFixed(0)}%`}
          {c.status === 'laggard' ? ' ▼▼' : c.status === 'behind' ? ' ▼' : ''}
        </small>
      </a>
    </td>
  );
}

export function Matrix({ m, cats }: { m: CoverageMatrix; cats: string[] }) {
  const cell = (county: number, cat: string) => m.cells.find((c) => c.county === county && c.category === cat);
  return (
    <div className={w.tableWrap}>
      <table className={g.matrix} data-testid="coverage-matrix">
        <thead>
          <tr>
            <th>县（区） County</th>
            {cats.map((k) => (
              <th key={k} title={categoryLabel(k, 'en')}>
                {categoryLabel(k)}
              </th>
            ))}
            <th>合计 Total</th>
          </tr>
        </thead>
        <tbody>
          {m.counties.map((c) => (
            <tr key={c.adcode}>
              <td>
                {c.nameZh} <span className={g.muted}>{c.nameEn}</span>
              </td>
              {cats.map((k) => (
                <Cell key={k} c={cell(c.adcode, k)} m={m} county={c.adcode} category={k} />
              ))}
              <Cell c={m.rowTotals[c.adcode]} m={m} county={c.adcode} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td>合计 Total</td>
            {cats.map((k) => (
              <Cell key={k} c={m.colTotals[k]} m={m} category={k} />
            ))}
            <Cell c={m.total} m={m} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
