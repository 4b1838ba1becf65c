'use client';
/** The simulator page's form (site → device → channel → kind, severity, accelerate) and recent injections. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../../_lib/api/client.ts';
import type { Injectable } from '../../../lib/events/sim-control.ts';
import { GROUPS, KINDS, KIND_BY_ID, type KindInfo } from './kinds.ts';
import { alarmTypeLabel } from '../../../lib/domain/vocabulary/index.ts';
import s from './simulator.module.css';

interface Site {
  id: string;
  name: string;
  category: string;
  devices: number;
}
interface Channel {
  ch: number;
  name: string;
  phases: number;
  ratedCurrentA: number;
  loadType: string;
}
interface Device {
  id: string;
  model: string;
  caps: { voltage: boolean; arc: boolean };
  channels: Channel[];
}
interface Truth {
  id: string;
  device: string;
  ch: number | null;
  kind: string;
  class: string;
  severity: number;
  accelerate: number;
  onsetMs: number;
  dangerMs: number | null;
  endMs: number | null;
  clearedMs: number | null;
  expectedAlarm: string | null;
  siteName: string;
}

const fmt = (ms: number | null) => (ms == null ? '—' : new Date(Number(ms)).toLocaleString('zh-CN', { hour12: false }));
const ACCEL = [1, 60, 600, 3600, 20000];

export function SimulatorPanel() {
  const [q, setQ] = useState('');
  const [sites, setSites] = useState<Site[]>([]);
  const [site, setSite] = useState('');
  const [devices, setDevices] = useState<Device[]>([]);
  const [device, setDevice] = useState('');
  const [ch, setCh] = useState('');
  const [kind, setKind] = useState<Injectable>('loose_connection');
  const [severity, setSeverity] = useState('1');
  const [accelerate, setAccelerate] = useState('600');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [truth, setTruth] = useState<Truth[]>([]);

  useEffect(() => {
    const t = setTimeout(
      () =>
        api('GET /api/admin/simulator/devices', { query: { q } }).then(
          (r) => setSites(r.sites ?? []),
          () => setSites([]),
        ),
      250,
    );
    return () => clearTimeout(t);
  }, [q]);
  useEffect(() => {
    setDevices([]);
    setDevice('');
    setCh('');
    if (site)
      api('GET /api/admin/simulator/devices', { query: { site } }).then(
        (r) => setDevices(r.devices ?? []),
        () => {},
      );
  }, [site]);
  const loadTruth = useCallback(
    () =>
      api('GET /api/admin/simulator/truth').then(
        (r) => setTruth(r.items as unknown as Truth[]),
        () => {},
      ),
    [],
  );
  useEffect(() => {
    loadTruth();
    const t = setInterval(loadTruth, 5000);
    return () => clearInterval(t);
  }, [loadTruth]);

  const dev = devices.find((d) => d.id === device);
  const chan = dev?.channels.find((c) => String(c.ch) === ch);
  const info = KIND_BY_ID.get(kind as KindInfo['kind'])!;

  const errors = useMemo(() => {
    const e: Record<string, string> = {};
    if (!site) e.site = '请选择单位';
    if (!dev) e.device = '请选择设备';
    if (!info.device && !chan) e.ch = '请选择回路';
    if (chan && info.threePhase && chan.phases !== 3) e.kind = '该故障只发生在三相回路';
    if (dev && info.needs === 'voltage' && !dev.caps.voltage) e.kind = '该设备不测电压，无法观测此故障';
    if (dev && info.needs === 'arc' && !dev.caps.arc) e.kind = '该设备不计电弧，无法观测此故障';
    const sv = Number(severity);
    if (severity === '' || !(sv >= 0 && sv <= 1)) e.severity = '严重程度为 0–1';
    const ac = Number(accelerate);
    if (accelerate === '' || !(ac >= 1 && ac <= 100000)) e.accelerate = '加速倍数为 1–100000';
    return e;
  }, [site, dev, chan, info, severity, accelerate]);
  const show = (k: string) =>
    touched && errors[k] ? (
      <span className={s.err} role="alert">
        {errors[k]}
      </span>
    ) : null;

  async function send(op: 'inject' | 'clear') {
    setTouched(true);
    if (op === 'inject' && Object.keys(errors).length) return;
    if (op === 'clear' && !dev) return;
    setBusy(true);
    setMsg(null);
    try {
      const body = {
        op,
        device,
        kind,
        ch: info.device && op === 'inject' ? undefined : chan?.ch,
        severity: Number(severity),
        accelerate: Number(accelerate),
      };
      await api('POST /api/admin/simulator/inject', { body });
      setMsg({
        ok: true,
        text:
          op === 'inject'
            ? `已注入「${info.zh}」：${device}${body.ch ? ` 回路 ${body.ch}` : ''}`
            : `已清除 ${device}${body.ch ? ` 回路 ${body.ch}` : ''} 的注入`,
      });
      setTimeout(loadTruth, 800);
    } catch (e) {
      setMsg({ ok: false, text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={s.layout}>
      <form
        className={s.card}
        onSubmit={(e) => {
          e.preventDefault();
          void send('inject');
        }}
        noValidate
      >
        <h2>
          注入 <small className={s.muted}>Inject</small>
        </h2>
        <label className={s.field}>
          <span>
            查找单位 <small>Search site</small>
          </span>
          <input value={q} onChange={(e) => setQ(e.target.value)} placeholder="名称或编号" />
        </label>
        <label className={s.field}>
          <span>
            单位 <small>Site</small>
          </span>
          <select value={site} onChange={(e) => setSite(e.target.value)} aria-invalid={touched && !!errors.site}>
            <option value="">— 请选择 —</option>
            {sites.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}（{x.id}，{x.devices} 台）
              </option>
            ))}
          </select>
          {show('site')}
        </label>
        <div className={s.row}>
          <label className={s.field}>
            <span>
              设备 <small>Device</small>
            </span>
            <select
              value={device}
              onChange={(e) => {
                setDevice(e.target.value);
                setCh('');
              }}
              aria-invalid={touched && !!errors.device}
            >
              <option value="">— 请选择 —</option>
              {devices.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.id}
                </option>
              ))}
            </select>
            {show('device')}
          </label>
          <label className={s.field}>
            <span>
              回路 <small>Channel</small>
            </span>
            <select value={ch} onChange={(e) => setCh(e.target.value)} disabled={info.device} aria-invalid={touched && !!errors.ch}>
              <option value="">{info.device ? '整台设备' : '— 请选择 —'}</option>
              {dev?.channels.map((c) => (
                <option key={c.ch} value={c.ch}>
                  {c.ch} · {c.name}（{c.phases === 3 ? '三相' : '单相'} {c.ratedCurrentA} A）
                </option>
              ))}
            </select>
            {show('ch')}
          </label>
        </div>
        <label className={s.field}>
          <span>
            注入类型 <small>Kind</small>
          </span>
          <select value={kind} onChange={(e) => setKind(e.target.value as Injectable)} aria-invalid={touched && !!errors.kind}>
            {(Object.keys(GROUPS) as KindInfo['group'][]).map((g) => (
              <optgroup key={g} label={GROUPS[g]}>
                {KINDS.filter((k) => k.group === g).map((k) => (
                  <option key={k.kind} value={k.kind}>
                    {k.zh} · {k.en}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          {show('kind')}
        </label>
        <div className={s.row}>
          <label className={s.field}>
            <span>
              严重程度 0–1 <small>Severity</small>
            </span>
            <input
              type="number"
              min={0}
              max={1}
              step={0.1}
              value={severity}
              onChange={(e) => setSeverity(e.target.value)}
              aria-invalid={touched && !!errors.severity}
            />
            {show('severity')}
          </label>
          <label className={s.field}>
            <span>
              加速倍数 <small>Accelerate ×</small>
            </span>
            <input
              type="number"
              min={1}
              max={100000}
              list="sim-accel"
              value={accelerate}
              onChange={(e) => setAccelerate(e.target.value)}
              aria-invalid={touched && !!errors.accelerate}
            />
            <datalist id="sim-accel">
              {ACCEL.map((a) => (
                <option key={a} value={a} />
              ))}
            </datalist>
            {show('accelerate')}
          </label>
        </div>
        <div className={s.actions}>
          <button type="submit" className={s.primary} disabled={busy}>
            注入故障
          </button>
          <button type="button" className={s.secondary} disabled={busy || !dev} onClick={() => void send('clear')}>
            清除注入
          </button>
        </div>
        {msg && (
          <p className={msg.ok ? s.ok : s.err} role="status">
            {msg.text}
          </p>
        )}
      </form>

      <section className={s.card} aria-live="polite">
        <h2>
          最近注入与真实结果 <small className={s.muted}>Recent injections · ground truth</small>
        </h2>
        {truth.length === 0 ? (
          <p className={s.muted}>暂无注入记录</p>
        ) : (
          <table className={s.table}>
            <thead>
              <tr>
                <th>类型</th>
                <th>单位 / 设备 / 回路</th>
                <th>开始</th>
                <th>达到危险</th>
                <th>应报警</th>
                <th>严重/加速</th>
              </tr>
            </thead>
            <tbody>
              {truth.map((t) => {
                const k = KIND_BY_ID.get(t.kind as KindInfo['kind']);
                return (
                  <tr key={t.id}>
                    <td>
                      <span className={`${s.tag} ${s[t.class] ?? ''}`}>{k?.zh ?? t.kind}</span>
                      {t.clearedMs ? <div className={s.muted}>已清除 {fmt(t.clearedMs)}</div> : null}
                    </td>
                    <td>
                      {t.siteName}
                      <div className={s.muted}>
                        {t.device}
                        {t.ch ? ` / ${t.ch}` : ''}
                      </div>
                    </td>
                    <td>{fmt(t.onsetMs)}</td>
                    <td>
                      {t.class !== 'fault' ? (
                        <span className={s.muted}>不适用</span>
                      ) : t.dangerMs ? (
                        fmt(t.dangerMs)
                      ) : (
                        <span className={s.muted}>预计不会</span>
                      )}
                    </td>
                    <td>{t.expectedAlarm ? alarmTypeLabel(t.expectedAlarm) : <span className={s.muted}>不应报警</span>}</td>
                    <td>
                      {t.severity} / ×{t.accelerate}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
