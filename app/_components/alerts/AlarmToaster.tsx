'use client';
/**
 * Live toasts for personal notifications, with a sound. Critical ones stay until dismissed; others fade after
 * 15 s. Include once per page (e.g. in a layout). Colour is never alone: icon + 预警/报警/危急 label.
 */
import { useEffect, useState } from 'react';
import type { NotificationPayload } from '../../../lib/events/realtime.ts';
import { playAlertSound, subscribeNotifications } from './bus.ts';
import { SEVERITY_INFO, TONES } from '../../../lib/domain/vocabulary/index.ts';
import s from './alerts.module.css';

/** Good news (a cleared alarm) and digests are shown calmly: green, no pulse, fades like the rest. */
const CALM = TONES.good;
const calm = (n: NotificationPayload) => n.change === 'cleared' || n.kind === 'digest';

interface Toast extends NotificationPayload {
  shownAt: number;
}

export function AlarmToaster({ sound = true }: { sound?: boolean }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  useEffect(
    () =>
      subscribeNotifications((n) => {
        setToasts((t) => [{ ...n, shownAt: Date.now() }, ...t.filter((x) => x.id !== n.id)].slice(0, 5));
        if (sound && n.kind !== 'digest' && n.change !== 'cleared') playAlertSound(n.severity);
        // the latency probe used by the e2e test and the alert-latency measurement
        (window as unknown as { __esmsToastLatency?: number[] }).__esmsToastLatency?.push(Date.now() - n.eventAt);
      }),
    [sound],
  );
  useEffect(() => {
    const t = setInterval(() => setToasts((xs) => xs.filter((x) => (x.severity === 'critical' && !calm(x)) || Date.now() - x.shownAt < 15_000)), 1000);
    return () => clearInterval(t);
  }, []);
  if (!toasts.length) return null;
  return (
    <div className={s.toasts} role="region" aria-label="实时告警 Live alerts" aria-live="assertive">
      {toasts.map((t) => (
        <div key={t.id} className={`${s.toast} ${t.severity === 'critical' && !calm(t) ? s.pulse : ''}`} style={{ borderLeftColor: calm(t) ? CALM : SEVERITY_INFO[t.severity].colour }} data-testid="alarm-toast">
          <div className={s.toastHead}>
            <span className={s.sev} style={{ color: calm(t) ? CALM : SEVERITY_INFO[t.severity].colour }}>
              {calm(t) ? (t.kind === 'digest' ? '▤ 抄告' : '✓ 已解除') : `${SEVERITY_INFO[t.severity].icon} ${SEVERITY_INFO[t.severity].zh}`}
            </span>
            <button className={s.close} onClick={() => setToasts((xs) => xs.filter((x) => x.id !== t.id))} aria-label="关闭 Close">
              ×
            </button>
          </div>
          <a className={s.toastTitle} href={t.url}>
            {t.title}
          </a>
          <div className={s.toastBody}>{t.body.split('\n').slice(0, 2).join(' · ')}</div>
          <a className={s.toastAction} href={t.url}>
            {t.kind === 'hazard' ? '查看隐患 View' : t.kind === 'digest' ? '查看简报 Read' : calm(t) ? '查看 View' : '立即处置 Handle'}
          </a>
        </div>
      ))}
    </div>
  );
}
