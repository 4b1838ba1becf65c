/** CSV / Excel download links for a list's export endpoint with the current filters. */
import w from '../../_components/alerts/work.module.css';

export function ExportLinks({ base, query, label = '' }: { base: string; query: string; label?: string }) {
  const href = (f: string) => `${base}${base.includes('?') ? '&' : '?'}format=${f}${query ? '&' + query : ''}`;
  return (
    <>
      <a className={w.btn} href={href('csv')} download data-testid={`export-csv${label ? '-' + label : ''}`}>
        导出 CSV
      </a>
      <a className={w.btn} href={href('xlsx')} download data-testid={`export-xlsx${label ? '-' + label : ''}`}>
        导出 Excel
      </a>
    </>
  );
}
