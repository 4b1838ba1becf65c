/** A coverage table with a bar per row; suppressed cells show a dash. */
import { HTML_LANG, type Locale } from '@/server/public/locales.ts';
import f from './figures.module.css';

export interface CoverageRow {
  key: string;
  label: string;
  covered: number | null;
  total: number | null;
  rate: number | null;
}

export function CoverageTable({ locale, head, rows, label }: { locale: Locale; head: string[]; rows: CoverageRow[]; label: string }) {
  const num = new Intl.NumberFormat(HTML_LANG[locale]);
  const n = (v: number | null) => (v === null ? '—' : num.format(v));
  return (
    <div className={f.scroll} role="region" aria-label={label} tabIndex={0}>
      <table className={f.table}>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={h} scope="col" style={i > 0 ? { textAlign: 'right' } : undefined}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td className={f.num}>{n(r.covered)}</td>
              <td className={f.num}>{n(r.total)}</td>
              <td className={f.num}>
                {r.rate === null ? '—' : `${r.rate.toFixed(1)}%`}
                <span className={f.bar} aria-hidden="true">
                  <i style={{ width: `${r.rate ?? 0}%` }} />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
