'use client';
/**
 * Photos from the phone camera (capture) or files: previews, size/type checked before upload with the same
 * limits the server enforces (the server re-checks by magic bytes).
 */
import { useEffect, useState } from 'react';
import w from '../_components/alerts/work.module.css';

const MAX = 5 * 1024 * 1024;
const TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];

export function PhotoInput({ files, setFiles, label = '现场照片' }: { files: File[]; setFiles: (f: File[]) => void; label?: string }) {
  const [err, setErr] = useState('');
  const [urls, setUrls] = useState<string[]>([]);
  useEffect(() => {
    const u = files.map((f) => (f.type.startsWith('image/') ? URL.createObjectURL(f) : ''));
    setUrls(u);
    return () => u.forEach((x) => x && URL.revokeObjectURL(x));
  }, [files]);
  const add = (list: FileList | null) => {
    if (!list) return;
    const next = [...files];
    for (const f of Array.from(list)) {
      if (!TYPES.includes(f.type)) return setErr(`“${f.name}”不是 JPG/PNG/WebP 图片或 PDF`);
      if (f.size > MAX) return setErr(`“${f.name}”超过 5 MB`);
      if (next.length >= 6) return setErr('最多 6 个文件');
      next.push(f);
    }
    setErr('');
    setFiles(next);
  };
  return (
    <div className={w.form} style={{ gap: 8 }}>
      <span>
        {label} <span className={w.en}>Photos (≤ 5 MB each, JPG/PNG/WebP/PDF)</span>
      </span>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <label className={`${w.btn} ${w.primary}`} style={{ minHeight: 48, flexDirection: 'row' }}>
          📷 拍照 Camera
          <input type="file" accept="image/*" capture="environment" hidden onChange={(e) => (add(e.target.files), (e.target.value = ''))} data-testid="photo-camera" />
        </label>
        <label className={w.btn} style={{ minHeight: 48, flexDirection: 'row' }}>
          🖼 选择文件 Files
          <input type="file" accept="image/jpeg,image/png,image/webp,application/pdf" multiple hidden onChange={(e) => (add(e.target.files), (e.target.value = ''))} data-testid="photo-files" />
        </label>
      </div>
      {err && (
        <span className={w.err} role="alert">
          {err}
        </span>
      )}
      {files.length > 0 && (
        <div className={w.thumbs}>
          {files.map((f, i) => (
            <figure key={i} style={{ margin: 0, position: 'relative' }}>
              {urls[i] ? <img src={urls[i]} alt={f.name} /> : <div className={w.card} style={{ width: 120, height: 90, margin: 0, fontSize: 12 }}>📄 {f.name}</div>}
              <button type="button" className={w.btn} style={{ position: 'absolute', top: 2, right: 2, height: 28, padding: '0 8px' }} onClick={() => setFiles(files.filter((_, k) => k !== i))} aria-label={`移除 ${f.name}`}>
                ×
              </button>
            </figure>
          ))}
        </div>
      )}
    </div>
  );
}

/** A multipart body of text fields and photos (field `files`), as the hazard routes read it. */
export function formBody(fields: Record<string, string>, files: File[]): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  for (const f of files) fd.append('files', f, f.name);
  return fd;
}
