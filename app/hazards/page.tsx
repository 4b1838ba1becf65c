/** /hazards — hazard work orders in scope: state tabs (incl. overdue), search, keyset paging, counters. */
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { services } from '../../server/services.ts';
import { can } from '../../lib/domain/permissions.ts';
import { hazardFilterSchema, listHazards, type HazardFilter } from '../../server/workflow/hazards/read.ts';
import { countHazards } from '../../server/workflow/hazards/count.ts';
import { isOverdue } from '../../lib/domain/workflow/hazard-machine.ts';
import { currentPrincipal } from '../_lib/server-session.ts';
import { WorkShell } from '../_components/alerts/WorkShell.tsx';
import { fmt, HazardStatePill, SevPill } from '../_components/alerts/ui.tsx';
import { TONES } from '../../lib/domain/vocabulary/index.ts';
import w from '../_components/alerts/work.module.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '隐患整改 · 昌都市智慧式用电安全管理平台' };

const TABS: [string, string][] = [['', '全部'], ['open', '未销号'], ['overdue', '超期'], ['submitted', '待验收'], ['returned', '已退回'], ['closed', '已销号']];

export default async function HazardsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const p = await currentPrincipal();
  if (!p) redirect('/login?next=/hazards');
  const parsed = hazardFilterSchema.safeParse(await searchParams);
  const f: HazardFilter = parsed.success ? parsed.data : {};
  const { sql } = services();
  const [{ rows, nextCursor }, c] = await Promise.all([listHazards(sql, p, f), countHazards(sql, p.scope)]);
  const qs = (o: Partial<HazardFilter>) => {
    const u = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...f, cursor: undefined, ...o })) if (v) u.set(k, String(v));
    const s = u.toString();
    return s ? `/hazards?${s}` : '/hazards';
  };
  const now = new Date();
  return (
    <WorkShell p={p} active="/hazards">
      <h1 className={w.h1}>
        隐患整改 <small>Hazard work orders</small>
        {can(p.role, 'hazard.create') && (
          <a className={`${w.btn} ${w.primary}`} href="/hazards/new" style={{ marginLeft: 'auto' }} data-testid="new-hazard">
            ＋ 上报隐患 Report
          </a>
        )}
      </h1>
      <div className={w.kpis} data-testid="hazard-counts">
        <div className={w.kpi}>
          <b data-testid="count-open">{c.open}</b>
          <span>未销号 Open</span>
        </div>
        <div className={w.kpi} style={{ color: c.overdue ? TONES.bad : undefined }}>
          <b data-testid="count-overdue">{c.overdue}</b>
          <span>超期 Overdue</span>
        </div>
        <div className={w.kpi}>
          <b data-testid="count-closed">{c.closedThisMonth}</b>
          <span>本月销号 Closed this month</span>
        </div>
        <div className={w.kpi}>
          <b>{c.rectificationRate == null ? '—' : `${(c.rectificationRate * 100).toFixed(1)}%`}</b>
          <span>整改率 Rectification rate</span>
        </div>
      </div>
      <div className={w.chips}>
        {TABS.map(([k, zh]) => (
          <a key={k} href={qs({ state: (k || undefined) as HazardFilter['state'] })} className={`${w.chip} ${(f.state ?? '') === k ? w.chipOn : ''}`}>
            {zh}
          </a>
        ))}
        <a href={qs({ mine: f.mine ? undefined : '1' })} className={`${w.chip} ${f.mine ? w.chipOn : ''}`}>
          我负责的 Mine
        </a>
        <form method="get" action="/hazards" style={{ display: 'flex', gap: 6 }}>
          {f.state && <input type="hidden" name="state" value={f.state} />}
          <input className={w.input} name="q" defaultValue={f.q ?? ''} placeholder="场所或隐患标题" aria-label="搜索 Search" />
          <button className={w.btn}>搜索</button>
        </form>
      </div>
      <div className={w.tableWrap}>
        <table className={w.table}>
          <thead>
            <tr>
              <th>编号</th>
              <th>级别</th>
              <th>隐患 Title</th>
              <th>场所 Site</th>
              <th>状态 State</th>
              <th className={w.hideSm}>责任人</th>
              <th>整改期限</th>
              <th className={w.hideSm}>上报时间</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={8} className={w.dim} style={{ textAlign: 'center', padding: 28 }}>
                  暂无隐患 · No hazards
                </td>
              </tr>
            )}
            {rows.map((h) => (
              <tr key={h.id}>
                <td className={w.num}>
                  <a href={`/hazards/${h.id}`}>#{h.id}</a>
                </td>
                <td>
                  <SevPill s={h.severity} />
                </td>
                <td>
                  <a href={`/hazards/${h.id}`}>{h.title}</a>
                </td>
                <td>{h.siteName}</td>
                <td>
                  <HazardStatePill s={h.state} overdue={isOverdue(h, now)} />
                </td>
                <td className={w.hideSm}>{h.assigneeName ?? <span className={w.dim}>未指定</span>}</td>
                <td className={w.num}>{fmt(h.deadline)}</td>
                <td className={`${w.num} ${w.dim} ${w.hideSm}`}>{fmt(h.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={w.pager}>
        {f.cursor && (
          <a className={w.btn} href={qs({})}>
            ⇤ 第一页
          </a>
        )}
        {nextCursor ? (
          <a className={w.btn} href={`${qs({})}${qs({}).includes('?') ? '&' : '?'}cursor=${nextCursor}`}>
            下一页 →
          </a>
        ) : (
          <span>已到末尾</span>
        )}
      </div>
    </WorkShell>
  );
}
