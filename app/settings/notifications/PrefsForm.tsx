'use client';
/** Preferences form + browser push subscription (service worker /sw-push.js, VAPID key from the server). */
import { useState } from 'react';
import w from '../../_components/alerts/work.module.css';
import { api, ApiError, type ApiRes } from '../../_lib/api/client.ts';
import type { ApiContract } from '../../_lib/api/contract.ts';
import type { BodyOf } from '../../../server/http/typed.ts';
import { SEVERITY_INFO, SEVERITY_ORDER } from '../../../lib/domain/vocabulary/index.ts';

type Prefs = ApiRes<'GET /api/notifications/prefs'>;
type PushBody = BodyOf<ApiContract['POST /api/notifications/push']>;
type Channel = Prefs['channels'][number];
const CH = [
  ['webhook', '短信 / 企业微信 / 钉钉', 'SMS / WeCom / DingTalk'],
  ['email', '电子邮件', 'E-mail'],
  ['push', '浏览器推送', 'Web Push'],
] as const;

const b64ToBytes = (s: string) => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4)), (c) => c.charCodeAt(0));

export function PrefsForm({ initial }: { initial: Prefs }) {
  const [v, setV] = useState<Prefs>(initial);
  const [quiet, setQuiet] = useState(!!initial.quietStart);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState('');
  const [busy, setBusy] = useState(false);
  const [push, setPush] = useState('');

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setMsg('');
    setErrors({});
    const body = { ...v, quietStart: quiet ? v.quietStart || '22:00' : null, quietEnd: quiet ? v.quietEnd || '07:00' : null, email: v.email ?? '', phone: v.phone ?? '' };
    try {
      setV(await api('PUT /api/notifications/prefs', { body }));
      setMsg('已保存 Saved');
    } catch (err) {
      if (err instanceof ApiError) setErrors(Object.fromEntries((err.details ?? []).map((d) => [d.path ?? '', d.message ?? ''])));
      setMsg(err instanceof ApiError ? err.message : '保存失败');
    } finally {
      setBusy(false);
    }
  }

  async function subscribe() {
    try {
      if (!('serviceWorker' in navigator) || !('PushManager' in window)) return setPush('此浏览器不支持推送');
      if ((await Notification.requestPermission()) !== 'granted') return setPush('未获得通知权限');
      const reg = await navigator.serviceWorker.register('/sw-push.js');
      const { publicKey } = await api('GET /api/notifications/push');
      const sub = await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: b64ToBytes(publicKey) });
      const ok = await api('POST /api/notifications/push', { body: sub.toJSON() as PushBody }).then(() => true, () => false);
      setPush(ok ? '本浏览器已开启推送' : '订阅保存失败');
    } catch (e) {
      setPush(`开启失败：${(e as Error).message}`);
    }
  }

  const toggle = (c: Channel) => setV((x) => ({ ...x, channels: x.channels.includes(c) ? x.channels.filter((y) => y !== c) : [...x.channels, c] }));
  return (
    <form className={`${w.card} ${w.form}`} onSubmit={save} noValidate>
      <fieldset style={{ border: 0, padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: 8 }}>
        <legend style={{ marginBottom: 6 }}>
          接收渠道 <span className={w.en}>Channels · 平台消息始终开启 (portal inbox is always on)</span>
        </legend>
        {CH.map(([k, zh, en]) => (
          <label key={k} style={{ flexDirection: 'row', alignItems: 'center', gap: 10, minHeight: 40 }}>
            <input type="checkbox" checked={v.channels.includes(k)} onChange={() => toggle(k)} style={{ width: 20, height: 20 }} />
            {zh} <span className={w.en}>{en}</span>
          </label>
        ))}
      </fieldset>
      <label>
        <span>最低级别（外部渠道） <span className={w.en}>Minimum severity for external channels — 危急报警总会送达</span></span>
        <select className={w.input} value={v.minSeverity} onChange={(e) => setV({ ...v, minSeverity: e.target.value as Prefs['minSeverity'] })}>
          {SEVERITY_ORDER.map((s) => (
            <option key={s} value={s}>{s === 'critical' ? `仅${SEVERITY_INFO[s].zh}` : `${SEVERITY_INFO[s].zh}及以上`}</option>
          ))}
        </select>
      </label>
      <label style={{ flexDirection: 'row', alignItems: 'center', gap: 10 }}>
        <input type="checkbox" checked={quiet} onChange={(e) => setQuiet(e.target.checked)} style={{ width: 20, height: 20 }} />
        免打扰时段（北京时间） <span className={w.en}>Quiet hours — held until they end; critical alarms are never held</span>
      </label>
      {quiet && (
        <div style={{ display: 'flex', gap: 12 }}>
          <label style={{ flex: 1 }}>
            <span>开始 <span className={w.en}>From</span></span>
            <input className={w.input} type="time" value={v.quietStart ?? '22:00'} onChange={(e) => setV({ ...v, quietStart: e.target.value })} />
          </label>
          <label style={{ flex: 1 }}>
            <span>结束 <span className={w.en}>To</span></span>
            <input className={w.input} type="time" value={v.quietEnd ?? '07:00'} onChange={(e) => setV({ ...v, quietEnd: e.target.value })} />
            {errors.quietEnd && <span className={w.err}>{errors.quietEnd}</span>}
          </label>
        </div>
      )}
      <label>
        <span>手机号（短信） <span className={w.en}>Mobile</span></span>
        <input className={w.input} inputMode="tel" value={v.phone ?? ''} onChange={(e) => setV({ ...v, phone: e.target.value })} />
        {errors.phone && <span className={w.err}>{errors.phone}</span>}
      </label>
      <label>
        <span>电子邮箱 <span className={w.en}>E-mail</span></span>
        <input className={w.input} type="email" value={v.email ?? ''} onChange={(e) => setV({ ...v, email: e.target.value })} />
        {errors.email && <span className={w.err}>{errors.email}</span>}
      </label>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <button className={`${w.btn} ${w.primary}`} disabled={busy}>
          {busy ? '保存中…' : '保存 Save'}
        </button>
        <button type="button" className={w.btn} onClick={subscribe}>
          在本浏览器开启推送 Enable push
        </button>
        {msg && <span className={Object.keys(errors).length ? w.err : w.ok}>{msg}</span>}
        {push && <span className={w.dim}>{push}</span>}
      </div>
    </form>
  );
}
