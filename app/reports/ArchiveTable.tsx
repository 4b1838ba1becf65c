/** The archive of issued reports visible in the caller's scope, with their files. */
import type { ArchiveRow } from '../../server/reports/archive.ts';
import { KIND_INFO, type ReportKind } from '../../lib/domain/reports/period.ts';
import { bjTime } from '../../lib/domain/reports/format.ts';
import w from '../_components/alerts/work.module.css';
import { ExportLinks } from './_ui/ExportLinks.tsx';

const FMT: Record<string, string> = { pdf: 'PDF', xlsx: 'Excel', csv: 'CSV' };

export function ArchiveTable({ rows, canExport }: { rows: ArchiveRow[]; canExport: boolean }) {
  return (
    <section className={w.card} data-testid="archive">
      <h2>报告归档 Archive of issued reports</h2>
      {canExport && (
        <div className={w.pager} style={{ marginTop: 0, marginBottom: 8 }}>
          <ExportLinks base="/api/reports/archive" query="" label="archive" />
        </div>
      )}
      {rows.length === 0 ? (
        <p className={w.dim}>尚无已签发的报告。No reports issued yet.</p>
      ) : (
        <div className={w.tableWrap}>
          <table className={w.table}>
            <thead>
              <tr>
                <th>编号 No.</th>
                <th>类型</th>
                <th>标题 Title</th>
                <th>范围 Region</th>
                <th>签发 Issued by</th>
                <th>时间</th>
                <th>文件 Files</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className={w.num}>{String(r.params.reportNo ?? r.id)}</td>
                  <td>{KIND_INFO[r.kind as ReportKind]?.zh}</td>
                  <td>{r.title}</td>
                  <td>{r.regionLabel}</td>
                  <td>
                    {r.issuedByName}
                    {r.scheduleId ? <span className={w.dim}>（定时）</span> : null}
                  </td>
                  <td className={w.num}>{bjTime(r.issuedAt)}</td>
                  <td>
                    {r.formats.map((f) => (
                      <a key={f} href={`/api/reports/archive/${r.id}/${f}`} style={{ marginRight: 10 }} download>
                        {FMT[f] ?? f}
                      </a>
                    ))}
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
