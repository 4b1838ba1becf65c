'use client';
/** The report form: fetches a signed form token when it opens, posts multipart, shows the outcome in place. */
import { useEffect, useRef, useState } from 'react';
import type { Locale } from '@/server/public/locales.ts';
import type { PublicMessages } from '@/server/public/i18n.ts';
import f from './form.module.css';
import s from '../../_ui/public.module.css';
import { api, ApiError } from '../../../_lib/api/client.ts';

type T = PublicMessages['report'];
const KINDS = ['scorched', 'warm', 'flicker', 'smell', 'wiring', 'overload', 'other'] as const;
const kindLabel = (t: T, k: (typeof KINDS)[number]) => t[`kind${k[0].toUpperCase()}${k.slice(1)}` as keyof T];
const MAX_PHOTO = 5 * 1024 * 1024;

type Status = { kind: 'idle' | 'sending' | 'ok' | 'err'; msg?: string };

async function fetchToken(): Promise<string | null> {
  try {
    return (await api('GET /api/public/token')).token;
  } catch {
    return null;
  }
}

export function ReportForm({ locale, text: t, counties }: { locale: Locale; text: T; counties: { value: string; label: string }[] }) {
  const token = useRef<string | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  useEffect(() => {
    fetchToken().then((v) => (token.current = v));
  }, []);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const photo = data.get('photo');
    if (photo instanceof File && photo.size > MAX_PHOTO) return setStatus({ kind: 'err', msg: t.errPhoto });
    if (photo instanceof File && photo.size === 0) data.delete('photo');
    data.set('lang', locale);
    data.set('token', token.current ?? (await fetchToken()) ?? '');
    setStatus({ kind: 'sending', msg: t.sending });
    try {
      await api('POST /api/public/reports', { body: data });
      form.reset();
      token.current = await fetchToken();
      return setStatus({ kind: 'ok', msg: t.ok });
    } catch (err) {
      if (!(err instanceof ApiError) || err.status === 0) return setStatus({ kind: 'err', msg: t.errGeneric });
      const d = err.details ?? [];
      let msg = t.errGeneric;
      if (err.status === 429) msg = t.errRate;
      else if (err.status === 413 || d.some((x) => x.path === 'photo')) msg = t.errPhoto;
      else if (d.some((x) => x.path === 'token' && x.message === 'too_fast')) msg = t.errFast;
      else if (d.some((x) => x.path === 'token')) {
        token.current = await fetchToken();
        msg = t.errFast;
      } else if (err.status === 422) msg = t.errInvalid;
      setStatus({ kind: 'err', msg });
    }
  }

  return (
    <form className={f.form} onSubmit={submit} noValidate={false} encType="multipart/form-data" aria-describedby="report-status">
      <fieldset className={f.kinds}>
        <legend>{t.kind}</legend>
        {KINDS.map((k, i) => (
          <label key={k}>
            <input type="radio" name="kind" value={k} required defaultChecked={i === 0} /> {kindLabel(t, k)}
          </label>
        ))}
      </fieldset>
      <div className={f.field}>
        <label htmlFor="r-county">{t.county}</label>
        <select id="r-county" name="county" defaultValue="">
          <option value="">{t.countyUnknown}</option>
          {counties.map((c) => (
            <option key={c.value} value={c.value}>{c.label}</option>
          ))}
        </select>
      </div>
      <div className={f.field}>
        <label htmlFor="r-place">{t.place}</label>
        <input id="r-place" name="place" type="text" required minLength={2} maxLength={200} aria-describedby="r-place-h" autoComplete="off" />
        <span id="r-place-h" className={f.hint}>{t.placeHint}</span>
      </div>
      <div className={f.field}>
        <label htmlFor="r-desc">{t.description}</label>
        <textarea id="r-desc" name="description" required minLength={10} maxLength={2000} aria-describedby="r-desc-h" />
        <span id="r-desc-h" className={f.hint}>{t.descriptionHint}</span>
      </div>
      <div className={f.field}>
        <label htmlFor="r-photo">{t.photo}</label>
        <input id="r-photo" name="photo" type="file" accept="image/jpeg,image/png,image/webp" capture="environment" aria-describedby="r-photo-h" />
        <span id="r-photo-h" className={f.hint}>{t.photoHint}</span>
      </div>
      <div className={f.field}>
        <label htmlFor="r-contact">{t.contact}</label>
        <input id="r-contact" name="contact" type="text" maxLength={100} aria-describedby="r-contact-h" autoComplete="tel" />
        <span id="r-contact-h" className={f.hint}>{t.contactHint}</span>
      </div>
      <div className={f.trap} aria-hidden="true">
        <label htmlFor="r-website">{t.trap}</label>
        <input id="r-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <div>
        <button className={`${s.btn} ${s.btnWarn}`} type="submit" disabled={status.kind === 'sending'}>
          {status.kind === 'sending' ? t.sending : t.submit}
        </button>
      </div>
      <div id="report-status" role="status" aria-live="polite">
        {status.msg && status.kind !== 'sending' && <p className={`${f.msg} ${status.kind === 'ok' ? f.ok : f.err}`}>{status.msg}</p>}
      </div>
      <noscript>
        <p className={`${f.msg} ${f.err}`}>{t.noscript}</p>
      </noscript>
    </form>
  );
}
