/** The profile's change history (from the audit log): when, who, which layer, what changed from → to, and why. */
import type { HistoryEntry } from '../../../../server/profiles/history.ts';
import { fmt } from '../../../_components/alerts/ui.tsx';
import w from '../../../_components/alerts/work.module.css';
import type { FieldMeta } from './ProfileEditor.tsx';
import s from './profile.module.css';

function label(path: string, meta: FieldMeta): string {
  const f = meta.fields.find((x) => x.key === path);
  if (f) return `${f.zh}`;
  const [, type, key] = path.split('.');
  const t = meta.persistenceTypes.find((x) => x.type === type);
  const pf = meta.persistenceFields.find((x) => x.key === key);
  return t && pf ? `${t.zh} ${pf.zh}` : path;
}
const unitOf = (path: string, meta: FieldMeta) => meta.fields.find((x) => x.key === path)?.unit ?? '';
const val = (v: number | null) => (v === null ? '继承' : String(v));

export function History({ entries, meta }: { entries: HistoryEntry[]; meta: FieldMeta }) {
  return (
    <section className={`${w.card} ${s.history}`} aria-labelledby="profile-history-h">
      <h2 id="profile-history-h">
        变更记录 <span className={w.en}>Change history</span>
      </h2>
      {entries.length === 0 ? (
        <p className={w.dim}>尚无修改，全部按默认值判定。 No changes yet: defaults apply.</p>
      ) : (
        <div className={w.tableWrap}>
          <table className={w.table} data-testid="profile-history">
            <thead>
              <tr>
                <th scope="col">时间 Time</th>
                <th scope="col">操作人 By</th>
                <th scope="col">层级 Layer</th>
                <th scope="col">变更 Changes</th>
                <th scope="col">原因 Reason</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td className={w.num}>{fmt(e.at)}</td>
                  <td>
                    {e.displayName ?? e.username ?? '—'}
                    {e.displayName && e.username ? <span className={w.en}> {e.username}</span> : null}
                  </td>
                  <td>{e.layer === 'site' ? '场所' : `回路 ${e.circuitName ?? e.circuitId ?? ''}`}</td>
                  <td>
                    {e.action === 'profile.clear' && <span className={w.dim}>清除本层 · cleared </span>}
                    <ul className={s.changes}>
                      {e.changes.map((c) => (
                        <li key={c.path}>
                          {label(c.path, meta)}：{val(c.before)} → <b>{val(c.after)}</b> {c.after !== null ? unitOf(c.path, meta) : ''}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
