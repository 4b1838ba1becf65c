'use client';
/** 签发归档: generate the numbered report (PDF, Excel, CSV) and store it in the archive. */
import { useState } from 'react';
import w from '../_components/alerts/work.module.css';
import type { ApiContract } from '../_lib/api/contract.ts';
import type { BodyOf } from '../../server/http/typed.ts';
import { api, ApiError } from '../_lib/api/client.ts';

type IssueBody = BodyOf<ApiContract['POST /api/reports/archive']>;

/** The report as the page holds it: a field not chosen may be null, and is then not sent. */
type Choice = { [K in keyof Omit<IssueBody, 'formats'>]?: IssueBody[K] | null };

export function IssueButton({ req }: { req: Choice }) {
  const [state, setState] = useState<'idle' | 'busy' | 'done' | 'error'>('idle');
  const [msg, setMsg] = useState('');
  async function issue() {
    if (!confirm('签发后报告将编号并存档，确定签发？ Issue and archive this report?')) return;
    setState('busy');
    // only what is set: an empty field is not a choice
    const body = Object.fromEntries(Object.entries(req).filter(([, v]) => v != null && v !== '')) as Omit<IssueBody, 'formats'>;
    try {
      const j = await api('POST /api/reports/archive', { body: { ...body, formats: ['pdf', 'xlsx', 'csv'] } });
      setState('done');
      setMsg(`已签发 ${j.reportNo}`);
      setTimeout(() => location.reload(), 800);
    } catch (e) {
      setState('error');
      setMsg(e instanceof ApiError ? e.summary() : '签发失败');
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
