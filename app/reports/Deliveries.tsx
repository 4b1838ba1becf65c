/** The caller's report inbox: scheduled reports delivered to the portal. */
import { bjTime } from '../../lib/domain/reports/format.ts';
import w from '../_components/alerts/work.module.css';

type Row = { id: number; archiveId: number; title: string; state: string; createdAt: Date; readAt: Date | null; formats: string[] };

export function Deliveries({ rows }: { rows: Row[] }) {
  return (
    <section className={w.card} data-testid="deliveries" id="deliveries">
      <h2>收到的报告 Delivered to me</h2>
      {rows.length === 0 ? (
        <p className={w.dim}>暂无定时推送的报告。Nothing delivered yet.</p>
      ) : (
        <table className={w.table}>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td style={{ fontWeight: r.readAt ? 400 : 600 }}>
                  {r.readAt ? '' : '● '}
                  {r.title}
                  {(r.state === 'pending' || r.state === 'sending') && <span className={w.dim}>（推送中 Sending）</span>}
                </td>
                <td className={w.num}>{bjTime(r.createdAt)}</td>
                <td>
                  {r.formats.map((f) => (
                    <a key={f} href={`/api/reports/archive/${r.archiveId}/${f}`} style={{ marginRight: 8 }} download>
                      {f.toUpperCase()}
                    </a>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
