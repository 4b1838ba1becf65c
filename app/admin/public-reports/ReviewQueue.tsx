'use client';
/** The queue: pending reports oldest first; approve (choose a site → work order) or reject with a reason. */
import { useCallback, useEffect, useState } from 'react';
import { COUNTIES } from '@/lib/domain/counties.ts';
import zh from '@/messages/public/zh.json' with { type: 'json' };
import { api } from '../../_lib/api/client.ts';
import { ReviewForms } from './ReviewForms.tsx';
import a from './admin.module.css';

export interface QueueReport {
  id: number;
  created_at: string;
  kind: string;
  lang: string;
  county_adcode: number | null;
  place: string;
  description: string;
  contact: string | null;
  has_photo: boolean;
  state: 'pending' | 'approved' | 'rejected';
  reviewer: string | null;
  reviewed_at: string | null;
  reject_reason: string | null;
  site_id: string | null;
  hazard_id: number | null;
}

const STATES = [
  ['pending', '待审核'],
  ['approved', '已转工单'],
  ['rejected', '已驳回'],
] as const;
const kindZh = (k: string) => (zh.report as Record<string, string>)[`kind${k[0].toUpperCase()}${k.slice(1)}`] ?? k;
const countyZh = (c: number | null) => (c && COUNTIES[c] ? COUNTIES[c].zh : '县区未填');
const when = (s: string) => new Date(s).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

export function ReviewQueue() {
  const [state, setState] = useState<(typeof STATES)[number][0]>('pending');
  const [rows, setRows] = useState<QueueReport[] | null>(null);
  const [error, setError] = useState('');
  const load = useCallback(async () => {
    setError('');
    try {
      setRows((await api('GET /api/admin/public-reports', { query: { state } })).reports);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [state]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section>
      <div className={a.tabs} role="group" aria-label="状态">
        {STATES.map(([s, label]) => (
          <button key={s} type="button" aria-pressed={state === s} onClick={() => setState(s)}>{label}</button>
        ))}
      </div>
      {error && <p className={a.error}>{error}</p>}
      {rows?.length === 0 && <p className={a.empty}>没有记录。</p>}
      {rows?.map((r) => (
        <article key={r.id} className={a.card} data-report-id={r.id}>
          <div>
            <div className={a.meta}>
              #{r.id} · {when(r.created_at)} · {countyZh(r.county_adcode)} · 语言 {r.lang}
            </div>
            <h2 style={{ fontSize: 18, margin: '4px 0' }}>{kindZh(r.kind)} — {r.place}</h2>
            <p className={a.desc}>{r.description}</p>
            {r.contact && <p className={a.meta}>联系方式：{r.contact}</p>}
            {r.has_photo && <img className={a.photo} src={`/api/admin/public-reports/${r.id}/photo`} alt={`举报 #${r.id} 的照片`} />}
            {r.state !== 'pending' && (
              <p className={a.meta}>
                <span className={a.state}>{r.state === 'approved' ? `工单 #${r.hazard_id} · ${r.site_id}` : `驳回：${r.reject_reason}`}</span> {r.reviewer} ·{' '}
                {r.reviewed_at && when(r.reviewed_at)}
              </p>
            )}
          </div>
          {r.state === 'pending' && <ReviewForms report={r} defaultTitle={`群众举报：${kindZh(r.kind)}（${r.place.slice(0, 40)}）`} onDone={load} />}
        </article>
      ))}
    </section>
  );
}
