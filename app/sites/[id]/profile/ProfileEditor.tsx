'use client';
/**
 * The profile form of one layer (site or circuit): each threshold with its effective value and source, this layer's
 * own value (blank = inherit), the GB range beside it; a reason for the audit; the history below. Read-only when the
 * role may not edit. The server checks everything and answers per field in Chinese and English.
 */
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { FieldInfo, PersistenceFieldInfo, PersistenceKey, PersistenceType } from '../../../../server/profiles/fields.ts';
import type { ProfileView } from '../../../../server/profiles/view.ts';
import w from '../../../_components/alerts/work.module.css';
import { History } from './History.tsx';
import { insulationLabel, loadTypeLabel } from '../../../../lib/domain/vocabulary/index.ts';
import s from './profile.module.css';
import { api, ApiError, type ApiRes } from '../../../_lib/api/client.ts';

export interface FieldMeta {
  fields: FieldInfo[];
  persistenceFields: PersistenceFieldInfo[];
  persistenceTypes: { type: PersistenceType; zh: string; en: string }[];
}

type Issue = { path: string; message: string; messageEn?: string };
type Scalars = Record<string, string>;
type Pers = Record<string, Record<string, string>>;

const SRC = { default: ['默认', 'Default'], site: ['场所', 'Site'], circuit: ['回路', 'Circuit'] } as const;
export function SourcePill({ src }: { src: keyof typeof SRC }) {
  return (
    <span className={s.src} data-src={src} title={SRC[src][1]}>
      {src === 'default' ? '◇' : src === 'site' ? '▣' : '●'} {SRC[src][0]}
    </span>
  );
}


const str = (v: number | undefined) => (v === undefined ? '' : String(v));

function initial(view: ProfileView): { scalars: Scalars; pers: Pers } {
  const o = view.own?.override ?? {};
  const scalars: Scalars = {};
  for (const [k, v] of Object.entries(o)) if (k !== 'persistence' && typeof v === 'number') scalars[k] = String(v);
  const pers: Pers = {};
  for (const [t, e] of Object.entries(o.persistence ?? {})) pers[t] = Object.fromEntries(Object.entries(e ?? {}).map(([k, v]) => [k, str(v)]));
  return { scalars, pers };
}

/** what the form sends: numbers where they parse, the raw text where not (the server then names the field) */
const num = (t: string): number | string => (t.trim() !== '' && Number.isFinite(Number(t)) ? Number(t) : t.trim());

export function ProfileEditor({ initialView, meta }: { initialView: ProfileView; meta: FieldMeta }) {
  const router = useRouter();
  const [view, setView] = useState(initialView);
  const [{ scalars, pers }, setForm] = useState(() => initial(initialView));
  const [reason, setReason] = useState('');
  const [issues, setIssues] = useState<Issue[]>([]);
  const [msg, setMsg] = useState<{ ok: boolean; zh: string; en?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const ro = !view.canEdit;
  const eff = view.effective.values ?? view.effective.defaults;
  const byPath = new Map(issues.map((i) => [i.path, i]));
  const siteOv = view.layer === 'circuit' ? view.siteOverride : null;

  const inherited = (k: string): number | undefined => {
    const fromSite = siteOv?.[k as keyof typeof siteOv];
    return typeof fromSite === 'number' ? fromSite : (view.effective.defaults[k as keyof typeof view.effective.defaults] as number);
  };
  const inheritedP = (t: PersistenceType, k: PersistenceKey) => siteOv?.persistence?.[t]?.[k] ?? view.effective.defaults.persistence[t][k];

  async function send(clear: boolean) {
    setBusy(true);
    setMsg(null);
    setIssues([]);
    let override: Record<string, unknown> | null = null;
    if (!clear) {
      override = {};
      for (const [k, v] of Object.entries(scalars)) if (v.trim() !== '') override[k] = num(v);
      const p: Record<string, Record<string, number | string>> = {};
      for (const [t, e] of Object.entries(pers)) {
        const x = Object.fromEntries(Object.entries(e).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, num(v)]));
        if (Object.keys(x).length) p[t] = x;
      }
      if (Object.keys(p).length) override.persistence = p;
    }
    let j: ApiRes<'PUT /api/sites/:id/profile'>;
    try {
      j = await api('PUT /api/sites/:id/profile', { params: { id: view.site.id }, body: { circuitId: view.circuit?.id ?? null, override, reason, expectedRev: view.own?.rev ?? null } });
    } catch (err) {
      const e = err instanceof ApiError && err.status > 0 ? err : null;
      setIssues((e?.details ?? []) as Issue[]);
      return setMsg({ ok: false, zh: e?.message ?? '保存失败，请检查网络', en: e?.messageEn });
    } finally {
      setBusy(false);
    }
    setView(j.view);
    setForm(initial(j.view));
    setReason('');
    setMsg(j.changed ? { ok: true, zh: '已保存，检测将在数秒内按新阈值判定', en: 'Saved; detection applies it within seconds' } : { ok: true, zh: '没有改动', en: 'Nothing changed' });
  }

  const setScalar = (k: string, v: string) => setForm((f) => ({ ...f, scalars: { ...f.scalars, [k]: v } }));
  const setP = (t: string, k: string, v: string) => setForm((f) => ({ ...f, pers: { ...f.pers, [t]: { ...f.pers[t], [k]: v } } }));

  return (
    <>
      <div className={s.layerBar}>
        <label>
          <span>
            配置层级 <small className={w.en}>Layer</small>
          </span>
          <select
            className={w.input}
            value={view.circuit?.id ?? ''}
            data-testid="profile-layer"
            onChange={(e) => router.push(`/sites/${encodeURIComponent(view.site.id)}/profile${e.target.value ? `?circuit=${e.target.value}` : ''}`)}
          >
            <option value="">整个场所（全部回路） · Whole site</option>
            {view.circuits.map((c) => (
              <option key={c.id} value={c.id}>
                {c.hasOverride ? '● ' : ''}
                {c.nameZh} · {c.device}/{c.ch}
              </option>
            ))}
          </select>
        </label>
        <p className={s.layerNote}>
          {view.layer === 'site'
            ? `默认值按场所类别（${view.site.categoryZh}）确定；场所层对本场所全部回路生效，回路层可再单独覆盖。各回路还按负载类型和绝缘允许温度调整。`
            : `回路 ${view.circuit!.device}/${view.circuit!.ch}：${insulationLabel(view.circuit!.insulation)} 绝缘，允许 ${view.circuit!.maxConductorC} °C，${loadTypeLabel(view.circuit!.loadType)}负载。空白表示继承场所层或默认值。`}
          <br />
          <span className={w.en}>
            {view.layer === 'site' ? 'Site layer: applies to every circuit of the site; a circuit layer may override it.' : 'Circuit layer: blank fields inherit from the site layer or the defaults.'}
          </span>
        </p>
      </div>

      {ro && (
        <p className={s.readonly} data-testid="profile-readonly">
          您的角色只能查看检测阈值；如需调整，请联系行业主管部门、消防部门或系统管理员。{' '}
          <span className={w.en}>Read-only for your role; the supervising department, the fire department or an administrator may change it.</span>
        </p>
      )}
      {view.effective.issues.length > 0 && (
        <div className={s.summary} role="alert">
          当前保存的设置对此回路无效，检测暂按上一层/默认值判定：{view.effective.issues[0].message}
        </div>
      )}

      <form
        noValidate
        aria-label="检测阈值 Detection thresholds"
        onSubmit={(e) => {
          e.preventDefault();
          void send(false);
        }}
      >
        <div className={s.grid}>
          {meta.fields.map((f) => {
            const err = byPath.get(f.key);
            const src = view.effective.sources.fields[f.key];
            return (
              <div key={f.key} className={s.field} data-invalid={err ? '1' : '0'} data-testid={`field-${f.key}`}>
                <label htmlFor={`f-${f.key}`}>
                  {f.zh}
                  <small>{f.en}</small>
                </label>
                <div className={s.inputRow}>
                  <input
                    id={`f-${f.key}`}
                    className={w.input}
                    type="text"
                    inputMode="decimal"
                    autoComplete="off"
                    value={scalars[f.key] ?? ''}
                    placeholder={`继承 ${inherited(f.key)}`}
                    disabled={ro || busy}
                    aria-invalid={err ? true : undefined}
                    aria-describedby={`r-${f.key}${err ? ` e-${f.key}` : ''}`}
                    onChange={(e) => setScalar(f.key, e.target.value)}
                  />
                  <span className={s.unit}>{f.unit}</span>
                </div>
                <div className={s.eff}>
                  生效 <span className={w.en}>Effective</span> <b data-testid={`eff-${f.key}`}>{eff[f.key]}</b> <SourcePill src={src} />
                </div>
                <div id={`r-${f.key}`} className={s.range}>
                  GB 范围 {f.min}–{f.max} {f.unit} · {f.basisZh}
                  <br />
                  <span lang="en">{f.basisEn}</span>
                </div>
                {err && (
                  <div id={`e-${f.key}`} className={w.err} data-testid={`err-${f.key}`}>
                    {err.message}
                    {err.messageEn && <span lang="en"> · {err.messageEn}</span>}
                  </div>
                )}
              </div>
            );
          })}
        </div>

        <details className={s.details}>
          <summary>
            持续判定（M/N 确认与恢复） <span className={w.en}>Persistence: raise when M of the last N samples agree; clear after calm samples</span>
          </summary>
          <div className={w.tableWrap}>
            <table className={w.table}>
              <thead>
                <tr>
                  <th scope="col">报警类型 Type</th>
                  {meta.persistenceFields.map((pf) => (
                    <th key={pf.key} scope="col">
                      {pf.zh} <span className={w.en}>{pf.en} · {pf.min}–{pf.max}</span>
                    </th>
                  ))}
                  <th scope="col">生效 Effective</th>
                </tr>
              </thead>
              <tbody>
                {meta.persistenceTypes.map(({ type, zh, en }) => (
                  <tr key={type}>
                    <th scope="row">
                      {zh} <span className={w.en}>{en}</span>
                    </th>
                    {meta.persistenceFields.map((pf) => {
                      const path = `persistence.${type}.${pf.key}`;
                      const err = byPath.get(path) ?? byPath.get(`persistence.${type}`);
                      return (
                        <td key={pf.key}>
                          <input
                            className={`${w.input} ${s.pInput}`}
                            type="text"
                            inputMode="numeric"
                            aria-label={`${zh} ${pf.zh}`}
                            aria-invalid={err ? true : undefined}
                            value={pers[type]?.[pf.key] ?? ''}
                            placeholder={String(inheritedP(type, pf.key))}
                            disabled={ro || busy}
                            onChange={(e) => setP(type, pf.key, e.target.value)}
                          />
                          {err && byPath.get(path) && <div className={w.err}>{err.message}</div>}
                        </td>
                      );
                    })}
                    <td className={w.num}>
                      {eff.persistence[type].m}/{eff.persistence[type].n} · {eff.persistence[type].clear}{' '}
                      <SourcePill src={mostSpecific(Object.values(view.effective.sources.persistence[type]))} />
                      {byPath.get(`persistence.${type}`) && <div className={w.err}>{byPath.get(`persistence.${type}`)!.message}</div>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>

        {!ro && (
          <>
            <label className={s.reason}>
              <span>
                修改原因（记入审计日志，必填） <span className={w.en}>Reason for the audit log (required)</span>
              </span>
              <textarea
                className={w.textarea}
                value={reason}
                maxLength={500}
                required
                aria-invalid={byPath.has('reason') || undefined}
                data-testid="profile-reason"
                onChange={(e) => setReason(e.target.value)}
                placeholder="例：木结构殿堂，按文物局要求收紧剩余电流设定值"
              />
            </label>
            {byPath.get('reason') && <div className={w.err}>{byPath.get('reason')!.message}</div>}
          </>
        )}

        {msg && (
          <div className={msg.ok ? w.ok : s.summary} role={msg.ok ? 'status' : 'alert'} data-testid={msg.ok ? 'profile-saved' : 'profile-error'}>
            {msg.zh}
            {msg.en && <span lang="en"> · {msg.en}</span>}
            {!msg.ok && issues.length > 1 && (
              <ul>
                {issues.map((i) => (
                  <li key={i.path}>{i.message}</li>
                ))}
              </ul>
            )}
          </div>
        )}

        <div className={s.actions}>
          {!ro && (
            <button type="submit" className={`${w.btn} ${w.primary}`} disabled={busy} data-testid="profile-save">
              {busy ? '保存中…' : '保存'} <small>Save</small>
            </button>
          )}
          {!ro && view.own && (
            <button type="button" className={`${w.btn} ${w.danger}`} disabled={busy} onClick={() => void send(true)} data-testid="profile-clear">
              清除本层设置 <small>Clear this layer</small>
            </button>
          )}
          <a
            className={w.btn}
            href={`/api/sites/${encodeURIComponent(view.site.id)}/profile/overrides`}
            download
            title="用于离线回放：npm run detect -- … --overrides 文件 / for the replay CLI's --overrides"
          >
            导出 JSON <small>Export overrides</small>
          </a>
          {view.own && (
            <span className={w.dim}>
              本层由 {view.own.by ?? '—'} 设置 · <span className={w.en}>set by {view.own.by ?? '—'}</span>
            </span>
          )}
        </div>
      </form>

      <History entries={view.history} meta={meta} />
    </>
  );
}

function mostSpecific(srcs: ('default' | 'site' | 'circuit')[]): 'default' | 'site' | 'circuit' {
  return srcs.includes('circuit') ? 'circuit' : srcs.includes('site') ? 'site' : 'default';
}
