/** /alarms/accuracy — 报警精确性: alarms vs confirmed false alarms by site, device or type. */
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { services } from '../../../server/services.ts';
import { alarmAccuracy, type AccuracyBy } from '../../../server/workflow/alarms/accuracy.ts';
import { bjInstant } from '../../../lib/domain/workflow/alarm-filters.ts';
import { currentPrincipal } from '../../_lib/server-session.ts';
import { WorkShell } from '../../_components/alerts/WorkShell.tsx';
import { alarmTypeLabel } from '../../../lib/domain/vocabulary/index.ts';
import w from '../../_components/alerts/work.module.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '报警精确性 · 昌都市智慧式用电安全管理平台' };

const BY: Record<AccuracyBy, string> = { site: '按场所', device: '按设备', type: '按类型' };
const day = (s: string | undefined) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined);

export default async function AccuracyPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const p = await currentPrincipal();
  if (!p) redirect('/login?next=/alarms/accuracy');
  const sp = await searchParams;
  const by = (['site', 'device', 'type'].includes(sp.by ?? '') ? sp.by : 'site') as AccuracyBy;
  const to = day(sp.to) ? bjInstant(sp.to!, true) : new Date();
  const from = day(sp.from) ? bjInstant(sp.from!) : new Date(to.getTime() - 30 * 86_400_000);
  const rows = await alarmAccuracy(services().sql, p, by, from, to);
  const total = rows.reduce((a, r) => a + r.total, 0);
  const falses = rows.reduce((a, r) => a + r.falseAlarms, 0);
  const qs = (b: string) => new URLSearchParams({ by: b, ...(sp.from ? { from: sp.from } : {}), ...(sp.to ? { to: sp.to } : {}) }).toString();
  return (
    <WorkShell p={p} active="/alarms">
      <h1 className={w.h1}>
        报警精确性 <small>Alarm accuracy · 误报率 = 误报 / 报警总数</small>
      </h1>
      <div className={w.chips}>
        {(Object.keys(BY) as AccuracyBy[]).map((b) => (
          <a key={b} className={`${w.chip} ${b === by ? w.chipOn : ''}`} href={`/alarms/accuracy?${qs(b)}`}>
            {BY[b]}
          </a>
        ))}
      </div>
      <div className={w.kpis}>
        <div className={w.kpi}>
          <b>{total}</b>
          <span>报警 Alarms</span>
        </div>
        <div className={w.kpi}>
          <b>{falses}</b>
          <span>误报 False</span>
        </div>
        <div className={w.kpi}>
          <b>{total ? ((falses / total) * 100).toFixed(1) : '0.0'}%</b>
          <span>误报率 False rate</span>
        </div>
      </div>
      <div className={w.tableWrap}>
        <table className={w.table}>
          <thead>
            <tr>
              <th>{BY[by].slice(1)}</th>
              <th>报警</th>
              <th>已确认</th>
              <th>误报</th>
              <th>误报率</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <td>{by === 'type' ? alarmTypeLabel(r.key) : by === 'device' ? `${r.key} · ${r.label}` : r.label}</td>
                <td className={w.num}>{r.total}</td>
                <td className={w.num}>{r.acknowledged}</td>
                <td className={w.num}>{r.falseAlarms}</td>
                <td className={w.num}>{(r.falseRate * 100).toFixed(1)}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </WorkShell>
  );
}
