'use client';
/** 签发归档: generate the numbered report (PDF, Excel, CSV) and store it in the archive. */
import { useState } from 'react';
import w from '../_components/alerts/work.module.css';

export function IssueButton({ req }: { req: Record<string, unknown> }) {
  const [state, setState] = useState<'idle' | 'busy' | 'done' | 'error'>('idle');
  const [msg, setMsg] = useState('');
  async function issue() {
    if (!confirm('签发后报告将编号并存档，确定签发？ Issue and archive this report?')) return;
    setState('busy');
    const body = Object.fromEntries(Object.entries(req).filter(([, v]) => v != null));
    const r = await fetch('/api/reports/archive', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...body, formats: ['pdf', 'xlsx', 'csv'] }) });
    const j = await r.json().catch(() => ({}));
    if (r.ok) {
      setState('done');
      setMsg(`已签发 ${j.reportNo}`);
      setTimeout(() => location.reload(), 800);
    } else {
      setState('error');
      setMsg(j?.error?.message ?? '签发失败');
    }
  }
  return (
    <>
      <button type="button" className={w.btn} onClick={issue} disabled={state === 'busy'} data-testid="issue-report">
        {state === 'busy' ? '正在签发…' : '签发归档 Issue'}
      </button>
      {msg && <span className={state === 'error' ? w.err : w.ok}>{msg}</span>}
    </>
  );
}
