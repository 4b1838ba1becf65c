/** /settings/notifications/status — administrators: channel health, worker beat, backlog, failed deliveries + retry. */
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { services } from '../../../../server/services.ts';
import { can } from '../../../../lib/domain/permissions.ts';
import { notifyStatus } from '../../../../server/workflow/status.ts';
import { CHANNEL_INFO, CHANNELS, type Channel } from '../../../../lib/domain/workflow/plan.ts';
import { currentPrincipal } from '../../../_lib/server-session.ts';
import { WorkShell } from '../../../_components/alerts/WorkShell.tsx';
import { fmt } from '../../../_components/alerts/ui.tsx';
import w from '../../../_components/alerts/work.module.css';
import { RetryButton } from './RetryButton.tsx';
import { SITE_STATUS_INFO, TONES } from '../../../../lib/domain/vocabulary/index.ts';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '通知通道状态 · 昌都市智慧式用电安全管理平台' };

export default async function StatusPage() {
  const p = await currentPrincipal();
  if (!p) redirect('/login?next=/settings/notifications/status');
  if (!can(p.role, 'notify.admin')) redirect('/settings/notifications');
  const s = await notifyStatus(services().sql);
  const worker = s.worker as { at?: number; channels?: Record<string, boolean> } | null;
  const alive = !!worker?.at && Date.now() - worker.at < 30_000;
  const byCh = new Map(s.channels.map((c) => [c.channel, c]));
  return (
    <WorkShell p={p} active="/settings/notifications/status">
      <h1 className={w.h1}>
        通知通道状态 <small>Channel health (24 h)</small>
      </h1>
      <div className={w.kpis}>
        <div className={w.kpi} style={{ color: alive ? TONES.good : TONES.bad }}>
          <b>{alive ? '● 运行中' : '✖ 无心跳'}</b>
          <span>通知进程 Worker {worker?.at ? `· ${fmt(worker.at)}` : ''}</span>
        </div>
        <div className={w.kpi} style={{ color: s.backlog.events ? TONES.watch : undefined }}>
          <b>{s.backlog.events}</b>
          <span>待分发事件 Backlog {s.backlog.oldest ? `· 最早 ${fmt(s.backlog.oldest)}` : ''}</span>
        </div>
      </div>
      <div className={w.tableWrap} style={{ marginBottom: 16 }}>
        <table className={w.table} data-testid="channel-health">
          <thead>
            <tr>
              <th>通道 Channel</th>
              <th>配置</th>
              <th>已送达</th>
              <th>排队</th>
              <th>重试中</th>
              <th>发送中</th>
              <th>失败</th>
              <th>最近送达</th>
              <th>最近错误 Last error</th>
            </tr>
          </thead>
          <tbody>
            {CHANNELS.map((ch) => {
              const c = byCh.get(ch);
              const on = worker?.channels?.[ch];
              const bad = (c?.failed ?? 0) > 0 || (c?.retrying ?? 0) > 0;
              return (
                <tr key={ch}>
                  <td>
                    <span style={{ color: on === false ? TONES.muted : bad ? TONES.watch : TONES.good }}>{SITE_STATUS_INFO[on === false ? 'offline' : bad ? 'warning' : 'normal'].icon}</span> {CHANNEL_INFO[ch as Channel].zh}
                    <div className={w.dim}>{CHANNEL_INFO[ch as Channel].en}</div>
                  </td>
                  <td>{on == null ? '—' : on ? '已配置' : '未配置'}</td>
                  <td className={w.num}>{c?.sent ?? 0}</td>
                  <td className={w.num}>{c?.pending ?? 0}</td>
                  <td className={w.num}>{c?.retrying ?? 0}</td>
                  <td className={w.num}>{c?.sending ?? 0}</td>
                  <td className={w.num} style={{ color: c?.failed ? TONES.bad : undefined }}>{c?.failed ?? 0}</td>
                  <td className={w.num}>{fmt(c?.lastSentAt)}</td>
                  <td className={w.dim} style={{ maxWidth: 360 }}>{c?.lastError ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h2 style={{ fontSize: 16, display: 'flex', gap: 12, alignItems: 'center' }}>
        失败的投递 Failed deliveries（{s.failed.length}）{s.failed.length > 0 && <RetryButton all />}
      </h2>
      <div className={w.tableWrap}>
        <table className={w.table} data-testid="failed-deliveries">
          <thead>
            <tr>
              <th>编号</th>
              <th>通道</th>
              <th>接收人</th>
              <th>内容</th>
              <th>尝试</th>
              <th>错误</th>
              <th>创建</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {s.failed.length === 0 && (
              <tr>
                <td colSpan={8} className={w.dim} style={{ textAlign: 'center', padding: 20 }}>
                  没有失败的投递 · Nothing failed
                </td>
              </tr>
            )}
            {s.failed.map((f) => (
              <tr key={f.id}>
                <td className={w.num}>{f.id}</td>
                <td>{CHANNEL_INFO[f.channel as Channel]?.zh ?? f.channel}</td>
                <td>{f.username}</td>
                <td>{f.title}</td>
                <td className={w.num}>{f.attempts}</td>
                <td className={w.dim}>{f.lastError}</td>
                <td className={w.num}>{fmt(f.createdAt)}</td>
                <td>
                  <RetryButton ids={[f.id]} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </WorkShell>
  );
}
