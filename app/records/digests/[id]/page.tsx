/** /records/digests/[id] — one 抄告 digest of the reader's own scope. */
import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { services } from '../../../../server/services.ts';
import { digestById } from '../../../../server/workflow/records.ts';
import type { DigestContent } from '../../../../lib/domain/workflow/digest.ts';
import { currentPrincipal } from '../../../_lib/server-session.ts';
import { WorkShell } from '../../../_components/alerts/WorkShell.tsx';
import { fmt } from '../../../_components/alerts/ui.tsx';
import w from '../../../_components/alerts/work.module.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '抄告简报 · 昌都市智慧式用电安全管理平台' };

export default async function DigestPage({ params }: { params: Promise<{ id: string }> }) {
  const p = await currentPrincipal();
  const { id } = await params;
  if (!p) redirect(`/login?next=/records/digests/${encodeURIComponent(id)}`);
  if (!/^\d{1,15}$/.test(id)) notFound();
  const d = await digestById(services().sql, p, Number(id));
  if (!d) notFound();
  const c = d.content as unknown as DigestContent;
  const kpi = (v: string | number, zh: string, en: string) => (
    <div className={w.kpi}>
      <b>{v}</b>
      <span>
        {zh} {en}
      </span>
    </div>
  );
  return (
    <WorkShell p={p} active="/records">
      <h1 className={w.h1}>
        用电安全抄告 <small>{fmt(d.periodStart)} — {fmt(d.periodEnd)}</small>
      </h1>
      <div className={w.kpis}>
        {kpi(c.newHazards, '新增隐患', 'New')}
        {kpi(c.open, '未销号', 'Open')}
        {kpi(c.overdue, '超期', 'Overdue')}
        {kpi(c.closed, '销号', 'Closed')}
        {kpi(c.alarms, '报警', 'Alarms')}
        {kpi(`${(c.falseRate * 100).toFixed(1)}%`, '误报率', 'False rate')}
      </div>
      <section className={w.card}>
        <h2>报警较多的场所 Sites with most alarms</h2>
        <table className={w.table}>
          <tbody>
            {c.topSites.map((s) => (
              <tr key={s.id}>
                <td>{s.name}</td>
                <td className={w.num}>报警 {s.alarms}</td>
                <td className={w.num}>未销号隐患 {s.openHazards}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </WorkShell>
  );
}
