'use client';
/** Delivery schedules: list (enable, disable, delete, run now; the last run's deliveries, retry) and a form to add one. */
import { useState } from 'react';
import { CATEGORIES } from '../../lib/domain/vocabulary/index.ts';
import { COUNTY_NAMES_ZH } from '../../lib/domain/counties.ts';
import type { ScheduleRow } from '../../server/reports/schedules.ts';
import w from '../_components/alerts/work.module.css';
import g from './_ui/gov.module.css';
import type { ApiContract } from '../_lib/api/contract.ts';
import type { BodyOf } from '../../server/http/typed.ts';

type ScheduleBody = BodyOf<ApiContract['POST /api/reports/schedules']>;
import { api } from '../_lib/api/client.ts';

const KIND = { monthly: '月度', quarterly: '季度', annual: '年度' } as const;
const CHANNEL: Record<string, string> = { portal: '平台', email: '邮件' };
const STATE: Record<string, { zh: string; cls: 'good' | 'warn' | 'bad' | 'muted' }> = {
  delivered: { zh: '已送达', cls: 'good' },
  pending: { zh: '待发送', cls: 'warn' },
  sending: { zh: '发送中', cls: 'warn' },
  failed: { zh: '失败', cls: 'bad' },
  skipped: { zh: '未发送', cls: 'muted' },
};
const bj = (d: Date | string | null) => (d ? new Date(new Date(d).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '—');


function LastRun({ rows }: { rows: ScheduleRow['lastDeliveries'] }) {
  if (!rows.length) return null;
  const count = (st: string) => rows.filter((d) => d.state === st).length;
  return (
    <div className={g.muted} data-testid="schedule-deliveries">
      上次推送 Last run：
      {Object.entries(STATE)
        .filter(([st]) => count(st))
        .map(([st, v]) => (
          <span key={st} className={g[v.cls]} style={{ marginRight: 8 }}>
            {v.zh} {count(st)}
          </span>
        ))}
      {rows
        .filter((d) => d.state !== 'delivered')
        .map((d) => (
          <div key={d.id} data-state={d.state}>
            · {d.user}（{CHANNEL[d.channel] ?? d.channel}）<span className={g[STATE[d.state]?.cls ?? 'muted']}>{STATE[d.state]?.zh ?? d.state}</span>
            {d.state === 'pending' && d.attempts > 0 && `，已尝试 ${d.attempts} 次`}
            {d.detail && `：${d.detail}`}
          </div>
        ))}
    </div>
  );
}

export function Schedules({
  rows,
  people,
  canEdit,
  countyLocked,
  emailAvailable,
}: {
  rows: ScheduleRow[];
  people: { id: number; name: string; role: string }[];
  canEdit: boolean;
  countyLocked: boolean;
  emailAvailable: boolean;
}) {
  const [err, setErr] = useState('');
  const [busy, setBusy] = useState(false);
  const act = async (f: () => Promise<unknown>) => {
    setBusy(true);
    setErr('');
    try {
      await f();
      location.reload();
    } catch (e) {
      setErr((e as Error).message);
      setBusy(false);
    }
  };
  async function submit(ev: React.FormEvent<HTMLFormElement>) {
    ev.preventDefault();
    const fd = new FormData(ev.currentTarget);
    const formats = fd.getAll('formats').map(String);
    if (!formats.length) return setErr('请至少选择一种文件格式');
    await act(() =>
      api('POST /api/reports/schedules', {
        body: {
          kind: String(fd.get('kind')) as ScheduleBody['kind'],
          county: fd.get('county') ? Number(fd.get('county')) : null,
          category: (fd.get('category') || null) as ScheduleBody['category'],
          formats: formats as ScheduleBody['formats'],
          recipientIds: fd.getAll('recipients').map(Number),
          channels: fd.getAll('channels').map(String) as ScheduleBody['channels'],
          hourBj: Number(fd.get('hourBj')),
        },
      }),
    );
  }
  return (
    <section className={w.card} data-testid="schedules">
      <h2>定时推送 Scheduled delivery</h2>
      {rows.length === 0 && <p className={w.dim}>尚未设置。None yet.</p>}
      {rows.map((s) => (
        <div key={s.id} style={{ borderTop: '1px solid #14294a', padding: '8px 0', fontSize: 13 }}>
          <b>{KIND[s.kind]}报告</b> · {s.formats.join('/').toUpperCase()} · 每期首日 {s.hourBj}:00 · {s.enabled ? <span className={g.good}>启用</span> : <span className={g.warn}>停用</span>}
          <div className={g.muted}>
            接收 {s.recipients.join('、')} · 通道 {s.channels.map((c) => CHANNEL[c] ?? c).join('、')} · 下次 {bj(s.nextRunAt)} · 上次 {bj(s.lastRunAt)}
            {s.lastError && <span className={g.bad}> · 错误：{s.lastError}</span>}
          </div>
          <LastRun rows={s.lastDeliveries} />
          {canEdit && (
            <div style={{ display: 'flex', gap: 6, marginTop: 6 }}>
              <button className={w.btn} disabled={busy} onClick={() => act(() => api('POST /api/reports/schedules/:id/run', { params: { id: s.id } }))}>
                立即执行
              </button>
              <button className={w.btn} disabled={busy} onClick={() => act(() => api('PATCH /api/reports/schedules/:id', { params: { id: s.id }, body: { enabled: !s.enabled } }))}>
                {s.enabled ? '停用' : '启用'}
              </button>
              {s.lastDeliveries.some((d) => d.state === 'failed') && (
                <button className={w.btn} disabled={busy} onClick={() => act(() => api('POST /api/reports/schedules/:id/retry', { params: { id: s.id } }))}>
                  重试失败 Retry failed
                </button>
              )}
              <button className={`${w.btn} ${w.danger}`} disabled={busy} onClick={() => confirm('删除该定时推送？') && act(() => api('DELETE /api/reports/schedules/:id', { params: { id: s.id } }))}>
                删除
              </button>
            </div>
          )}
        </div>
      ))}
      {canEdit && (
        <details style={{ marginTop: 10 }}>
          <summary style={{ cursor: 'pointer', color: '#cfe0ff' }}>新增定时推送 Add a schedule</summary>
          <form className={g.formGrid} onSubmit={submit} style={{ marginTop: 10 }}>
            <label>
              报告类型
              <select name="kind" defaultValue="monthly">
                <option value="monthly">月度（每月1日发上月）</option>
                <option value="quarterly">季度（每季首日发上季）</option>
                <option value="annual">年度（1月1日发上年）</option>
              </select>
            </label>
            <label>
              发送时间（北京时间）
              <select name="hourBj" defaultValue="8">
                {Array.from({ length: 24 }, (_, h) => (
                  <option key={h} value={h}>
                    {h}:00
                  </option>
                ))}
              </select>
            </label>
            {!countyLocked && (
              <label>
                县（区）
                <select name="county" defaultValue="">
                  <option value="">全部</option>
                  {Object.entries(COUNTY_NAMES_ZH).map(([k, v]) => (
                    <option key={k} value={k}>
                      {v}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <label>
              行业
              <select name="category" defaultValue="">
                <option value="">全部</option>
                {Object.values(CATEGORIES).map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.zh}
                  </option>
                ))}
              </select>
            </label>
            <fieldset style={{ border: 0, padding: 0, margin: 0, fontSize: 13 }}>
              文件
              {['pdf', 'xlsx', 'csv'].map((f) => (
                <label key={f} className={g.check}>
                  <input type="checkbox" name="formats" value={f} defaultChecked={f === 'pdf'} /> {f.toUpperCase()}
                </label>
              ))}
            </fieldset>
            <fieldset style={{ border: 0, padding: 0, margin: 0, fontSize: 13 }}>
              通道
              <label className={g.check}>
                <input type="checkbox" name="channels" value="portal" defaultChecked /> 平台收件箱
              </label>
              <label className={g.check}>
                <input type="checkbox" name="channels" value="email" disabled={!emailAvailable} /> 电子邮件（附报告文件）
                {!emailAvailable && <span className={g.muted}>邮件通道未配置 Not configured</span>}
              </label>
            </fieldset>
            <label style={{ gridColumn: '1 / -1' }}>
              接收人（须有权查看该范围；本人自动包含）
              <select name="recipients" multiple size={6} style={{ height: 'auto' }}>
                {people.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            </label>
            <div>
              <button className={`${w.btn} ${w.primary}`} type="submit" disabled={busy}>
                保存 Save
              </button>
            </div>
          </form>
        </details>
      )}
      {err && <p className={w.err}>{err}</p>}
    </section>
  );
}
