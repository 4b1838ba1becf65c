'use client';
/** Handling an alarm: acknowledge, add a note, mark false (reason required), open a hazard work order. */
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import w from '../../_components/alerts/work.module.css';

async function post(url: string, body: unknown) {
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const j = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(j?.error?.details?.[0]?.message ?? j?.error?.message ?? `请求失败 (${r.status})`);
  return j;
}

export function AlarmActions({ id, can }: { id: number; can: { ack: boolean; note: boolean; false: boolean; hazard: boolean } }) {
  const router = useRouter();
  const [busy, setBusy] = useState('');
  const [err, setErr] = useState('');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [showFalse, setShowFalse] = useState(false);
  const run = (what: string, f: () => Promise<unknown>) => async () => {
    setBusy(what);
    setErr('');
    try {
      await f();
      router.refresh();
    } catch (e) {
      setErr((e as Error).message);
    } finally {
      setBusy('');
    }
  };
  const createHazard = async () => {
    const j = await post('/api/hazards', { alarmId: id, source: 'alarm' });
    router.push(`/hazards/${j.id}`);
  };
  if (!can.ack && !can.note && !can.false && !can.hazard) return null;
  return (
    <section className={w.card}>
      <h2>处置 Actions</h2>
      <div className={w.form}>
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          {can.ack && (
            <button className={`${w.btn} ${w.primary}`} disabled={!!busy} onClick={run('ack', () => post(`/api/alarms/${id}/ack`, { note }))} data-testid="ack">
              {busy === 'ack' ? '确认中…' : '确认报警 Acknowledge'}
            </button>
          )}
          {can.hazard && (
            <button className={w.btn} disabled={!!busy} onClick={run('hazard', createHazard)} data-testid="create-hazard">
              {busy === 'hazard' ? '生成中…' : '生成隐患整改单 Create hazard'}
            </button>
          )}
          {can.false && !showFalse && (
            <button className={`${w.btn} ${w.danger}`} disabled={!!busy} onClick={() => setShowFalse(true)}>
              标记误报 False alarm
            </button>
          )}
        </div>
        {can.note && (
          <label>
            <span>处置备注 <span className={w.en}>Note</span></span>
            <textarea className={w.textarea} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} placeholder="现场核查情况、采取的措施…" />
            <button className={w.btn} disabled={!!busy || !note.trim()} onClick={run('note', async () => (await post(`/api/alarms/${id}/notes`, { text: note }), setNote('')))}>
              添加备注 Add note
            </button>
          </label>
        )}
        {showFalse && (
          <label>
            <span>误报原因（必填） <span className={w.en}>Reason</span></span>
            <textarea className={w.textarea} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} placeholder="如：检修时人为操作、传感器受潮…" />
            {reason.trim().length > 0 && reason.trim().length < 2 && <span className={w.err}>请至少填写 2 个字</span>}
            <span style={{ display: 'flex', gap: 8 }}>
              <button className={`${w.btn} ${w.danger}`} disabled={!!busy || reason.trim().length < 2} onClick={run('false', () => post(`/api/alarms/${id}/false`, { reason }))}>
                确认为误报
              </button>
              <button className={w.btn} onClick={() => setShowFalse(false)}>
                取消
              </button>
            </span>
          </label>
        )}
        {err && (
          <p className={w.err} role="alert">
            {err}
          </p>
        )}
      </div>
    </section>
  );
}
