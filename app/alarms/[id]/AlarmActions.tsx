'use client';
/** Handling an alarm: acknowledge, add a note, mark false (reason required), open a hazard work order. */
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import w from '../../_components/alerts/work.module.css';
import { api, ApiError } from '../../_lib/api/client.ts';
import { formBody } from '../../hazards/PhotoInput.tsx';


export function AlarmActions({ id, can }: { id: number; can: { ack: boolean; note: boolean; false: boolean; hazard: boolean; reset: boolean } }) {
  const router = useRouter();
  const [busy, setBusy] = useState('');
  const [err, setErr] = useState('');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [showFalse, setShowFalse] = useState(false);
  const [resetNote, setResetNote] = useState('');
  const run = (what: string, f: () => Promise<unknown>) => async () => {
    setBusy(what);
    setErr('');
    try {
      await f();
      router.refresh();
    } catch (e) {
      setErr(e instanceof ApiError ? e.summary() : (e as Error).message);
    } finally {
      setBusy('');
    }
  };
  const createHazard = async () => {
    const j = await api('POST /api/hazards', { body: formBody({ alarmId: String(id), source: 'alarm' }, []) });
    router.push(`/hazards/${j.id}`);
  };
  if (!can.ack && !can.note && !can.false && !can.hazard && !can.reset) return null;
  return (
    <section className={w.card}>
      <h2>处置 Actions</h2>
      <div className={w.form}>
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          {can.ack && (
            <button className={`${w.btn} ${w.primary}`} disabled={!!busy} onClick={run('ack', () => api('POST /api/alarms/:id/ack', { params: { id }, body: { note } }))} data-testid="ack">
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
        {can.reset && (
          <label data-testid="reset-form">
            <span>复位（报警条件已消失） <span className={w.en}>Reset — the condition is gone</span></span>
            <textarea className={w.textarea} value={resetNote} maxLength={500} onChange={(e) => setResetNote(e.target.value)} placeholder="复位说明（必填）：现场处置情况，如已紧固端子、复测温度正常…" aria-required="true" />
            {resetNote.trim().length > 0 && resetNote.trim().length < 2 && <span className={w.err}>请至少填写 2 个字</span>}
            <button className={`${w.btn} ${w.primary}`} disabled={!!busy || resetNote.trim().length < 2} data-testid="reset" onClick={run('reset', () => api('POST /api/alarms/:id/reset', { params: { id }, body: { note: resetNote } }))}>
              {busy === 'reset' ? '复位中…' : '复位 Reset'}
            </button>
          </label>
        )}
        {can.note && (
          <label>
            <span>处置备注 <span className={w.en}>Note</span></span>
            <textarea className={w.textarea} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} placeholder="现场核查情况、采取的措施…" />
            <button className={w.btn} disabled={!!busy || !note.trim()} onClick={run('note', async () => (await api('POST /api/alarms/:id/notes', { params: { id }, body: { text: note } }), setNote('')))}>
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
              <button className={`${w.btn} ${w.danger}`} disabled={!!busy || reason.trim().length < 2} onClick={run('false', () => api('POST /api/alarms/:id/false', { params: { id }, body: { reason } }))}>
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
