'use client';
/** The inspection form (fire brigade): date, department, county, findings; the rollout figures are snapshotted on save. */
import { useState } from 'react';
import w from '../../_components/alerts/work.module.css';
import type { DepartmentId } from '../../../lib/domain/vocabulary/index.ts';
import { COUNTIES } from '../../../lib/domain/counties.ts';
import g from '../../reports/_ui/gov.module.css';
import { api, ApiError } from '../../_lib/api/client.ts';

const COUNTY_OPTIONS = Object.entries(COUNTIES).map(([adcode, c]) => [Number(adcode), c.zh] as const);

export function InspectionForm({ departments, today }: { departments: { id: string; zh: string }[]; today: string }) {
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    setBusy(true);
    const text = (k: string) => String(fd.get(k) ?? '');
    try {
      await api('POST /api/rollout/inspections', {
        body: { inspectedOn: text('inspectedOn'), departmentId: text('departmentId') as DepartmentId, county: fd.get('county') ? Number(fd.get('county')) : null, findings: text('findings'), rectificationRequired: fd.get('rect') === 'on' },
      });
      setMsg({ ok: true, text: '已登记，推广数据已快照。Recorded.' });
      setTimeout(() => location.reload(), 600);
    } catch (err) {
      setMsg({ ok: false, text: err instanceof ApiError ? (err.details?.[0]?.message ?? err.message) : '保存失败' });
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} className={g.formGrid}>
      <label>检查日期 Date<input type="date" name="inspectedOn" defaultValue={today} max={today} required /></label>
      <label>被检查部门 Department
        <select name="departmentId" required>{departments.map((d) => <option key={d.id} value={d.id}>{d.zh}</option>)}</select>
      </label>
      <label>县（区）County
        <select name="county" defaultValue=""><option value="">全市 City-wide</option>{COUNTY_OPTIONS.map(([k, v]) => <option key={k} value={k}>{v}</option>)}</select>
      </label>
      <label className={g.check} style={{ alignSelf: 'end' }}><input type="checkbox" name="rect" /> 责令整改 Rectification ordered</label>
      <label style={{ gridColumn: '1 / -1' }}>检查发现 Findings
        <textarea className={w.textarea} name="findings" required minLength={2} maxLength={4000} placeholder="例如：抽查 3 家寄宿制学校，监测终端均在线；1 家宿舍回路报警未及时确认…" />
      </label>
      <div><button className={`${w.btn} ${w.primary}`} type="submit" disabled={busy}>{busy ? '保存中…' : '登记 Record'}</button></div>
      {msg && <p className={msg.ok ? w.ok : w.err} role="status">{msg.text}</p>}
    </form>
  );
}
