'use client';
/** Approve (pick the site, severity, title) or reject (reason) one pending report. */
import { useEffect, useState } from 'react';
import { api } from '../../_lib/api/client.ts';
import type { Severity } from '../../../lib/protocol/v1.ts';
import type { QueueReport } from './ReviewQueue.tsx';
import a from './admin.module.css';

interface SiteHit {
  id: string;
  name_zh: string;
  category: string;
  county_adcode: number;
}

export function ReviewForms({ report, defaultTitle, onDone }: { report: QueueReport; defaultTitle: string; onDone: () => void }) {
  const [q, setQ] = useState('');
  const [sites, setSites] = useState<SiteHit[]>([]);
  const [siteId, setSiteId] = useState('');
  const [severity, setSeverity] = useState<Severity>('warning');
  const [title, setTitle] = useState(defaultTitle);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const t = setTimeout(async () => {
      try {
        const r = await api('GET /api/admin/public-reports/sites', { query: { q, county: report.county_adcode || undefined } });
        setSites(r.sites);
      } catch (e) {
        setError((e as Error).message);
      }
    }, 250);
    return () => clearTimeout(t);
  }, [q, report.county_adcode]);

  async function act(kind: 'approve' | 'reject') {
    setBusy(true);
    setError('');
    try {
      if (kind === 'approve') await api('POST /api/admin/public-reports/:id/approve', { params: { id: report.id }, body: { siteId, severity, title } });
      else await api('POST /api/admin/public-reports/:id/reject', { params: { id: report.id }, body: { reason } });
      onDone();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={a.form}>
      <label>
        查找单位 Site
        <input value={q} onChange={(e) => setQ(e.target.value)} placeholder="名称或编号" name="site-search" />
      </label>
      <label>
        选择单位
        <select value={siteId} onChange={(e) => setSiteId(e.target.value)} name="site">
          <option value="">— 请选择 —</option>
          {sites.map((s) => (
            <option key={s.id} value={s.id}>{s.id} {s.name_zh}</option>
          ))}
        </select>
      </label>
      <label>
        等级
        <select value={severity} onChange={(e) => setSeverity(e.target.value as Severity)} name="severity">
          <option value="warning">预警</option>
          <option value="alarm">报警</option>
          <option value="critical">危急</option>
        </select>
      </label>
      <label>
        工单标题
        <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={120} name="title" />
      </label>
      <button type="button" className={`${a.btn} ${a.ok}`} disabled={busy || !siteId} onClick={() => act('approve')}>
        通过并生成工单
      </button>
      <label>
        驳回理由
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={500} name="reason" />
      </label>
      <button type="button" className={`${a.btn} ${a.danger}`} disabled={busy || reason.trim().length < 2} onClick={() => act('reject')}>
        驳回
      </button>
      {error && <p className={a.error} role="alert">{error}</p>}
    </div>
  );
}
