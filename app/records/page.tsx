/** /records — 日常记录: a day per site (alarms, actions, hazard changes) and my 抄告 digests. Filters in the URL. */
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { services } from '../../server/services.ts';
import { AppError } from '../../server/http/errors.ts';
import { activeSites, dailyLog, myDigests } from '../../server/workflow/records.ts';
import { HAZARD_STATE_INFO, hazardActionZh, type HazardState } from '../../lib/domain/workflow/hazard-machine.ts';
import { currentPrincipal } from '../_lib/server-session.ts';
import { WorkShell } from '../_components/alerts/WorkShell.tsx';
import { fmt, SevPill, todayBj } from '../_components/alerts/ui.tsx';
import { alarmNoteLabel, alarmTypeLabel } from '../../lib/domain/vocabulary/index.ts';
import w from '../_components/alerts/work.module.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '日常记录 · 昌都市智慧式用电安全管理平台' };


export default async function RecordsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const p = await currentPrincipal();
  if (!p) redirect('/login?next=/records');
  const sp = await searchParams;
  const date = sp.date && /^\d{4}-\d{2}-\d{2}$/.test(sp.date) ? sp.date : todayBj();
  const site = sp.site && /^[A-Za-z0-9_-]{1,64}$/.test(sp.site) ? sp.site : undefined;
  const { sql } = services();
  const [sites, digests, log] = await Promise.all([
    activeSites(sql, p, date),
    myDigests(sql, p, 10),
    site ? dailyLog(sql, p, site, date).catch((e) => (e instanceof AppError ? null : Promise.reject(e))) : null,
  ]);
  return (
    <WorkShell p={p} active="/records">
      <h1 className={w.h1}>
        日常记录 <small>Daily records · 抄告</small>
      </h1>
      <form className={w.filters} method="get" action="/records">
        <label className={w.field}>
          <span>
            日期<small>Date (北京时间)</small>
          </span>
          <input type="date" name="date" defaultValue={date} />
        </label>
        {site && <input type="hidden" name="site" value={site} />}
        <button className={`${w.btn} ${w.primary}`}>查看</button>
      </form>
      <div className={w.grid2}>
        <div>
          {log ? (
            <section className={w.card}>
              <h2>
                {log.site.nameZh} · {date} 日志
              </h2>
              <h3 className={w.dim} style={{ fontSize: 13 }}>报警 Alarms（{log.alarms.length}）</h3>
              <table className={w.table}>
                <tbody>
                  {log.alarms.map((a) => (
                    <tr key={a.id}>
                      <td className={w.num}>{fmt(a.openedAt).slice(11)}</td>
                      <td>
                        <SevPill s={a.severity as 'alarm'} />
                      </td>
                      <td>
                        <a href={`/alarms/${a.id}`}>{alarmTypeLabel(a.type)}</a>
                      </td>
                      <td className={w.dim}>{a.falseAlarm ? '误报' : a.clearedAt ? `解除 ${fmt(a.clearedAt).slice(11)}` : a.acknowledgedAt ? '已确认' : '待确认'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <h3 className={w.dim} style={{ fontSize: 13 }}>处置 Actions（{log.actions.length}）</h3>
              <ol className={w.timeline}>
                {log.actions.map((a, i) => (
                  <li key={i}>
                    {fmt(a.createdAt).slice(11)} · <b>{alarmNoteLabel(a.kind)}</b> · {a.username}：{a.body} <a href={`/alarms/${a.alarmId}`}>#{a.alarmId}</a>
                  </li>
                ))}
              </ol>
              <h3 className={w.dim} style={{ fontSize: 13 }}>隐患 Hazards（{log.hazards.length}）</h3>
              <ol className={w.timeline}>
                {log.hazards.map((e, i) => (
                  <li key={i}>
                    {fmt(e.at).slice(11)} · <a href={`/hazards/${e.hazardId}`}>#{e.hazardId} {e.title}</a> · <b>{hazardActionZh(e.action)}</b>
                    {e.toState ? ` → ${HAZARD_STATE_INFO[e.toState as HazardState]?.zh ?? e.toState}` : ''} · {e.username}
                  </li>
                ))}
              </ol>
            </section>
          ) : (
            <section className={w.card}>
              <h2>{date} 有记录的场所 Sites with activity</h2>
              {sites.length === 0 && <p className={w.dim}>当日无报警和隐患处理记录</p>}
              <table className={w.table}>
                <tbody>
                  {sites.map((s) => (
                    <tr key={s.id}>
                      <td>
                        <a href={`/records?date=${date}&site=${s.id}`}>{s.nameZh}</a>
                      </td>
                      <td className={w.num}>报警 {s.alarms}</td>
                      <td className={w.num}>隐患处理 {s.hazardEvents}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
        </div>
        <section className={w.card}>
          <h2>抄告简报 Digests</h2>
          {digests.length === 0 && <p className={w.dim}>暂无简报（行业主管部门、县区安委办、消防和安委办每日收到）</p>}
          <ul className={w.form} style={{ listStyle: 'none', padding: 0, margin: 0, gap: 8 }}>
            {digests.map((d) => (
              <li key={d.id}>
                <a href={`/records/digests/${d.id}`}>
                  {fmt(d.periodStart)} — {fmt(d.periodEnd)}
                </a>
                <div className={w.dim}>
                  新增隐患 {String(d.content.newHazards)} · 超期 {String(d.content.overdue)} · 报警 {String(d.content.alarms)}
                </div>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </WorkShell>
  );
}
