/** /alarms — the alarm centre: filters in the URL, keyset paging, live refresh, CSV/XLSX export of the filtered list. */
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { services } from '../../server/services.ts';
import { can } from '../../lib/domain/permissions.ts';
import { alarmFilterSchema, filterQuery, type AlarmFilter } from '../../lib/domain/workflow/alarm-filters.ts';
import { alarmCounters, listAlarms } from '../../server/workflow/alarms/list.ts';
import { currentPrincipal } from '../_lib/server-session.ts';
import { WorkShell } from '../_components/alerts/WorkShell.tsx';
import w from '../_components/alerts/work.module.css';
import { AlarmFilters } from './AlarmFilters.tsx';
import { AlarmTable } from './AlarmTable.tsx';
import { LiveRefresh } from './LiveRefresh.tsx';
import { SEVERITY_INFO, TONES } from '../../lib/domain/vocabulary/index.ts';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '报警中心 · 昌都市智慧式用电安全管理平台' };

type SP = Promise<Record<string, string | string[] | undefined>>;
const first = (o: Record<string, string | string[] | undefined>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));

export default async function AlarmsPage({ searchParams }: { searchParams: SP }) {
  const p = await currentPrincipal();
  if (!p) redirect('/login?next=/alarms');
  const raw = first(await searchParams);
  const parsed = alarmFilterSchema.safeParse(raw);
  const f: AlarmFilter = parsed.success ? parsed.data : {};
  const { sql } = services();
  const t0 = performance.now();
  const [{ rows, nextCursor }, counters] = await Promise.all([listAlarms(sql, p, f), alarmCounters(sql, p)]);
  const ms = Math.round(performance.now() - t0);
  const q = filterQuery(f);
  return (
    <WorkShell p={p} active="/alarms">
      <h1 className={w.h1}>
        报警中心 <small>Alarm centre</small>
      </h1>
      <div className={w.kpis}>
        <a className={w.kpi} href="/alarms?state=active">
          <b>{counters.active}</b>
          <span>未解除 Active</span>
        </a>
        <a className={w.kpi} href="/alarms?state=unacknowledged" style={{ color: counters.unacked ? TONES.watch : undefined }}>
          <b>{counters.unacked}</b>
          <span>待确认 Unacknowledged</span>
        </a>
        <a className={w.kpi} href="/alarms?state=active&severity=critical" style={{ color: counters.critical ? SEVERITY_INFO.critical.colour : undefined }}>
          <b>{counters.critical}</b>
          <span>危急 Critical</span>
        </a>
      </div>
      <AlarmFilters f={f} invalid={!parsed.success} />
      <div className={w.pager} style={{ marginTop: 0, marginBottom: 8 }}>
        <span>
          本页 {rows.length} 条{f.cursor ? '（续页）' : ''} · {ms} ms
        </span>
        {can(p.role, 'report.export') && (
          <>
            <a className={w.btn} href={`/api/alarms/export?format=csv${q ? '&' + q : ''}`} download>
              导出 CSV
            </a>
            <a className={w.btn} href={`/api/alarms/export?format=xlsx${q ? '&' + q : ''}`} download>
              导出 Excel
            </a>
          </>
        )}
        <a className={w.btn} href={`/alarms/accuracy${f.from || f.to ? `?${new URLSearchParams({ ...(f.from ? { from: f.from } : {}), ...(f.to ? { to: f.to } : {}) })}` : ''}`}>
          报警精确性 Accuracy
        </a>
      </div>
      <AlarmTable rows={rows} />
      <div className={w.pager}>
        {f.cursor && (
          <a className={w.btn} href={`/alarms${q ? '?' + q : ''}`}>
            ⇤ 第一页 First
          </a>
        )}
        {nextCursor ? (
          <a className={w.btn} href={`/alarms?${q ? q + '&' : ''}cursor=${nextCursor}`} data-testid="next-page">
            下一页 Next →
          </a>
        ) : (
          <span>已到末尾 End of list</span>
        )}
      </div>
      {!f.cursor && <LiveRefresh />}
    </WorkShell>
  );
}
