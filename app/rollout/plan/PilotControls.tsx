'use client';
/** Pilot selection toggles of one site: municipal pilot, recommended to the region, pilot report date. */
import { useState } from 'react';
import g from '../../reports/_ui/gov.module.css';
import { api, ApiError } from '../../_lib/api/client.ts';

type Row = { id: string; municipal: boolean; regional: boolean; reportedOn: string | null; note: string };

export function PilotControls({ row, editable, cityWide }: { row: Row; editable: boolean; cityWide: boolean }) {
  const [v, setV] = useState(row);
  const [err, setErr] = useState('');
  async function save(next: Row) {
    setErr('');
    await api('PUT /api/rollout/pilots', { body: { siteId: next.id, municipal: next.municipal, regional: next.regional, reportedOn: next.reportedOn, note: next.note } }).then(
      () => setV(next),
      (e: unknown) => setErr(e instanceof ApiError ? e.message : '保存失败'),
    );
  }
  if (!editable)
    return (
      <span>
        {v.municipal && <span className={`${g.tag} ${g.tagHot}`}>市级试点</span>}
        {v.regional && <span className={`${g.tag} ${g.tagHot}`}>推荐自治区</span>}
      </span>
    );
  return (
    <span className={g.inlineForm} style={{ flexWrap: 'wrap' }}>
      <label className={g.check}><input type="checkbox" checked={v.municipal} disabled={!cityWide} onChange={(e) => save({ ...v, municipal: e.target.checked })} /> 市级试点</label>
      <label className={g.check}><input type="checkbox" checked={v.regional} disabled={!cityWide} onChange={(e) => save({ ...v, regional: e.target.checked })} /> 推荐自治区</label>
      <input type="date" aria-label="试点报告日期" value={v.reportedOn ?? ''} style={{ width: 140 }} onChange={(e) => save({ ...v, reportedOn: e.target.value || null })} />
      {err && <span className={g.fieldErr}>{err}</span>}
    </span>
  );
}
