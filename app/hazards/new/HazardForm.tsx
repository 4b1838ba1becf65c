'use client';
/** The hazard report form: labels above fields, inline Chinese validation, big touch targets, camera photos. */
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import w from '../../_components/alerts/work.module.css';
import { formBody, PhotoInput } from '../PhotoInput.tsx';
import { DEADLINE_HOURS } from '../../../lib/domain/workflow/deadlines.ts';
import { api, ApiError } from '../../_lib/api/client.ts';
import { HAZARD_SOURCE_INFO, SEVERITY_INFO, SEVERITY_ORDER } from '../../../lib/domain/vocabulary/index.ts';

// the grade's words and colour from the vocabulary, its deadline from the workflow rule
const within = (h: number) => (h > 72 && h % 24 === 0 ? `${h / 24} 天` : `${h} 小时`);
const SEV = SEVERITY_ORDER.map((k) => [k, `${SEVERITY_INFO[k].icon} ${SEVERITY_INFO[k].hazardZh}（${within(DEADLINE_HOURS[k])}内整改）`, SEVERITY_INFO[k].colour] as const);

export function HazardForm({ sites, defaultSite }: { sites: { id: string; nameZh: string }[]; defaultSite: string }) {
  const router = useRouter();
  const [site, setSite] = useState(defaultSite);
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState('');
  const [source, setSource] = useState('report');
  const [location, setLocation] = useState('');
  const [description, setDescription] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState('');

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const v: Record<string, string> = {};
    if (!site) v.siteId = '请选择场所';
    if (title.trim().length < 2) v.title = '请填写隐患标题（至少 2 个字）';
    if (!severity) v.severity = '请选择隐患等级';
    setErrors(v);
    if (Object.keys(v).length) return;
    setBusy(true);
    setErr('');
    try {
      const j = await api('POST /api/hazards', { body: formBody({ siteId: site, title, severity, source, location, description }, files) });
      router.push(`/hazards/${j.id}`);
    } catch (e2) {
      const d = e2 instanceof ApiError ? e2.details : undefined;
      if (d?.length) setErrors(Object.fromEntries(d.map((x) => [x.path ?? '', x.message ?? ''])));
      setErr(e2 instanceof ApiError ? e2.summary() : (e2 as Error).message);
      setBusy(false);
    }
  }

  return (
    <form className={`${w.card} ${w.form}`} onSubmit={submit} noValidate>
      <label>
        <span>场所 <span className={w.en}>Site</span></span>
        <select className={w.input} value={site} onChange={(e) => setSite(e.target.value)} aria-invalid={!!errors.siteId}>
          <option value="">请选择场所</option>
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.nameZh}
            </option>
          ))}
        </select>
        {errors.siteId && <span className={w.err}>{errors.siteId}</span>}
      </label>
      <label>
        <span>隐患标题 <span className={w.en}>Title</span></span>
        <input className={w.input} value={title} maxLength={120} onChange={(e) => setTitle(e.target.value)} placeholder="如：配电箱接线端子发黑" aria-invalid={!!errors.title} />
        {errors.title && <span className={w.err}>{errors.title}</span>}
      </label>
      <fieldset style={{ border: 0, padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: 6 }}>
        <legend style={{ marginBottom: 6 }}>
          隐患等级 <span className={w.en}>Severity · sets the deadline</span>
        </legend>
        {SEV.map(([k, zh, color]) => (
          <label key={k} className={w.btn} style={{ justifyContent: 'flex-start', minHeight: 48, flexDirection: 'row', borderColor: severity === k ? color : undefined, color: severity === k ? color : undefined }}>
            <input type="radio" name="severity" value={k} checked={severity === k} onChange={() => setSeverity(k)} />
            {zh}
          </label>
        ))}
        {errors.severity && <span className={w.err}>{errors.severity}</span>}
      </fieldset>
      <label>
        <span>来源 <span className={w.en}>Source</span></span>
        <select className={w.input} value={source} onChange={(e) => setSource(e.target.value)}>
          {(['report', 'inspection'] as const).map((k) => (
            <option key={k} value={k}>{HAZARD_SOURCE_INFO[k].zh} {HAZARD_SOURCE_INFO[k].en}</option>
          ))}
        </select>
      </label>
      <label>
        <span>具体位置 <span className={w.en}>Location</span></span>
        <input className={w.input} value={location} maxLength={200} onChange={(e) => setLocation(e.target.value)} placeholder="如：大殿东侧配电箱" />
      </label>
      <label>
        <span>情况描述 <span className={w.en}>Description</span></span>
        <textarea className={w.textarea} value={description} maxLength={4000} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <PhotoInput files={files} setFiles={setFiles} />
      {err && (
        <p className={w.err} role="alert">
          {err}
        </p>
      )}
      <button className={`${w.btn} ${w.primary}`} style={{ height: 52, fontSize: 17 }} disabled={busy}>
        {busy ? '提交中…' : '提交上报 Submit'}
      </button>
    </form>
  );
}
