/** /alarms/[id] — one alarm: facts, evidence, handling (acknowledge, notes, false alarm, hazard) and its history. */
import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { services } from '../../../server/services.ts';
import { AppError } from '../../../server/http/errors.ts';
import { getAlarm } from '../../../server/workflow/alarms/detail.ts';
import { LEVEL_INFO } from '../../../lib/domain/workflow/escalation.ts';
import { CHANNEL_INFO, type Channel } from '../../../lib/domain/workflow/plan.ts';
import { currentPrincipal } from '../../_lib/server-session.ts';
import { WorkShell } from '../../_components/alerts/WorkShell.tsx';
import { fmt, since, SevPill } from '../../_components/alerts/ui.tsx';
import w from '../../_components/alerts/work.module.css';
import { AlarmActions } from './AlarmActions.tsx';
import { alarmNoteLabel, alarmTypeLabel, SITE_STATUS_INFO } from '../../../lib/domain/vocabulary/index.ts';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '报警详情 · 昌都市智慧式用电安全管理平台' };


export default async function AlarmPage({ params }: { params: Promise<{ id: string }> }) {
  const p = await currentPrincipal();
  const { id } = await params;
  if (!p) redirect(`/login?next=/alarms/${encodeURIComponent(id)}`);
  if (!/^\d{1,15}$/.test(id)) notFound();
  const d = await getAlarm(services().sql, p, Number(id)).catch((e) => {
    if (e instanceof AppError && e.code === 'NOT_FOUND') return null;
    throw e;
  });
  if (!d) notFound();
  const a = d.alarm;
  const state = a.falseAlarm
    ? '误报'
    : a.resetAt
      ? '已复位'
      : a.clearedAt
        ? '已解除'
        : a.recoveredAt
          ? `${SITE_STATUS_INFO.recovered.icon} 已恢复待复位${a.acknowledgedAt ? '' : '（未确认）'}`
          : a.acknowledgedAt
            ? '处置中（已确认）'
            : '待确认';
  return (
    <WorkShell p={p} active="/alarms">
      <h1 className={w.h1}>
        <SevPill s={a.severity} /> {a.siteName} · {alarmTypeLabel(a.type)}
        <small>
          #{a.id} {alarmTypeLabel(a.type, 'en')}
        </small>
      </h1>
      <div className={w.grid2}>
        <div>
          <section className={w.card}>
            <h2>报警信息 Alarm</h2>
            <dl className={w.dl}>
              <dt>状态</dt>
              <dd data-testid="alarm-state">{state}</dd>
              <dt>场所</dt>
              <dd>
                {a.siteName} <span className={w.dim}>{a.siteId}</span>
              </dd>
              <dt>设备 / 回路</dt>
              <dd>
                {a.deviceId}
                {a.ch != null ? ` CH${a.ch}` : ''} {a.circuitName ? `· ${a.circuitName}` : ''}
              </dd>
              <dt>原因</dt>
              <dd>{a.reasonZh || '—'}</dd>
              <dt>测量值 / 阈值</dt>
              <dd className={w.num}>
                {a.value ?? '—'} / {a.threshold ?? '—'}
              </dd>
              <dt>发生时间</dt>
              <dd className={w.num}>
                {fmt(a.openedAt)} <span className={w.dim}>（{since(a.openedAt)}）</span>
              </dd>
              {a.recoveredAt && (
                <>
                  <dt>恢复时间</dt>
                  <dd className={w.num}>{fmt(a.recoveredAt)} <span className={w.dim}>（报警条件已消失，须人工复位）</span></dd>
                </>
              )}
              <dt>{a.resetAt ? '复位' : '解除时间'}</dt>
              <dd className={w.num} data-testid="alarm-cleared">
                {a.resetAt ? `${a.resetBy ?? ''} · ${fmt(a.resetAt)} · ${a.resetNote ?? ''}` : fmt(a.clearedAt) || '—'}
              </dd>
              <dt>确认</dt>
              <dd>{a.acknowledgedAt ? `${a.acknowledgedBy ?? ''} · ${fmt(a.acknowledgedAt)}` : '—'}</dd>
              {a.falseAlarm && (
                <>
                  <dt>误报原因</dt>
                  <dd>{a.falseAlarmReason}</dd>
                </>
              )}
              <dt>升级</dt>
              <dd>{d.escalationLevel ? `已升级至 ${LEVEL_INFO[d.escalationLevel].zh}` : '未升级'}</dd>
              <dt>隐患整改单</dt>
              <dd>{a.hazardId ? <a href={`/hazards/${a.hazardId}`}>#{a.hazardId}</a> : '—'}</dd>
            </dl>
          </section>
          <section className={w.card}>
            <h2>处置记录 Handling log</h2>
            {d.notes.length === 0 && <p className={w.dim}>暂无处置记录</p>}
            <ol className={w.timeline}>
              {d.notes.map((n) => (
                <li key={n.id}>
                  <b>{alarmNoteLabel(n.kind)}</b> · {n.username} · <span className={w.dim}>{fmt(n.createdAt)}</span>
                  <div>{n.body}</div>
                </li>
              ))}
            </ol>
          </section>
        </div>
        <div className={w.side}>
          <AlarmActions id={a.id} can={d.can} />
          <section className={w.card}>
            <h2>通知送达 Deliveries</h2>
            {d.deliveries.length === 0 && <p className={w.dim}>暂无</p>}
            <table className={w.table}>
              <tbody>
                {d.deliveries.map((x) => (
                  <tr key={x.channel + x.state}>
                    <td>{CHANNEL_INFO[x.channel as Channel]?.zh ?? x.channel}</td>
                    <td>{({ sent: '已送达', pending: '排队', sending: '发送中', failed: '失败' } as Record<string, string>)[x.state] ?? x.state}</td>
                    <td className={w.num}>{x.n}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
      </div>
    </WorkShell>
  );
}
