'use client';
/** The commands this user may take on the order now (the server decides again): each with its own small form. */
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import type { HazardCommand } from '../../../lib/domain/workflow/hazard-machine.ts';
import w from '../../_components/alerts/work.module.css';
import { formBody, PhotoInput } from '../PhotoInput.tsx';
import { api, ApiError } from '../../_lib/api/client.ts';

const LABEL: Record<HazardCommand, string> = {
  assign: '派发 Assign',
  start: '开始整改 Start',
  submit: '提交整改 Submit',
  verify: '验收通过 Verify',
  return: '退回 Return',
  close: '销号 Close',
};

export function HazardActions(props: { id: number; commands: HazardCommand[]; assignable: { id: number; displayName: string; role: string }[]; assigneeId: number | null }) {
  const { id, commands, assignable } = props;
  const router = useRouter();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [assignee, setAssignee] = useState(String(props.assigneeId ?? ''));
  const [deadline, setDeadline] = useState('');
  const [busy, setBusy] = useState<HazardCommand | ''>('');
  const [err, setErr] = useState('');
  if (!commands.length) return null;
  const needsText = (c: HazardCommand) => c === 'submit' || c === 'return';

  async function run(command: HazardCommand) {
    if (needsText(command) && text.trim().length < 2) return setErr(command === 'submit' ? '请填写整改说明（至少 2 个字）' : '请填写退回原因（至少 2 个字）');
    if (command === 'assign' && !assignee) return setErr('请选择责任人');
    setBusy(command);
    setErr('');
    try {
      const fields: Record<string, string> = { command, text };
      if (command === 'assign') {
        fields.assigneeId = assignee;
        if (deadline) fields.deadline = new Date(`${deadline}:00+08:00`).toISOString();
      }
      await api('POST /api/hazards/:id/transition', { params: { id }, body: formBody(fields, command === 'submit' ? files : []) });
      setText('');
      setFiles([]);
      router.refresh();
    } catch (e) {
      setErr(e instanceof ApiError ? e.summary() : (e as Error).message);
    } finally {
      setBusy('');
    }
  }

  const btn = (c: HazardCommand, primary = false) => (
    <button key={c} className={`${w.btn} ${primary ? w.primary : ''} ${c === 'return' ? w.danger : ''}`} style={{ minHeight: 48 }} disabled={!!busy} onClick={() => run(c)} data-testid={`cmd-${c}`}>
      {busy === c ? '提交中…' : LABEL[c]}
    </button>
  );

  return (
    <section className={w.card}>
      <h2>办理 Actions</h2>
      <div className={w.form}>
        {commands.includes('assign') && (
          <>
            <label>
              <span>责任人 <span className={w.en}>Responsible</span></span>
              <select className={w.input} value={assignee} onChange={(e) => setAssignee(e.target.value)}>
                <option value="">请选择</option>
                {assignable.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.displayName}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>整改期限（留空按等级） <span className={w.en}>Deadline</span></span>
              <input className={w.input} type="datetime-local" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
            </label>
            {btn('assign', true)}
          </>
        )}
        {(commands.includes('submit') || commands.includes('return') || commands.includes('verify')) && (
          <label>
           <span>{commands.includes('submit') ? '整改说明（必填）' : '验收意见 / 退回原因'} <span className={w.en}>{commands.includes('submit') ? 'What was done' : 'Comment'}</span></span>
            <textarea className={w.textarea} value={text} maxLength={4000} onChange={(e) => setText(e.target.value)} data-testid="hazard-text" placeholder={commands.includes('submit') ? '如：已更换烧蚀端子并紧固，复测温度正常' : ''} />
          </label>
        )}
        {commands.includes('submit') && <PhotoInput files={files} setFiles={setFiles} label="整改后照片" />}
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          {commands.includes('submit') && btn('submit', true)}
          {commands.includes('verify') && btn('verify', true)}
          {commands.includes('return') && btn('return')}
          {commands.includes('close') && btn('close', true)}
          {commands.includes('start') && btn('start')}
        </div>
        {err && (
          <p className={w.err} role="alert">
            {err}
          </p>
        )}
      </div>
    </section>
  );
}
