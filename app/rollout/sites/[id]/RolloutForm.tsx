'use client';
/** The site rollout edit form: state with its dates, installation conditions, provider; a reason when moving back. */
import { useState } from 'react';
import { ROLLOUT_INFO, ROLLOUT_STATES, type RolloutState } from '../../../../lib/domain/vocabulary/index.ts';
import w from '../../../_components/alerts/work.module.css';
import g from '../../../reports/_ui/gov.module.css';
import { api, ApiError } from '../../../_lib/api/client.ts';

type Facts = { id: string; state: string; plannedAt: string | null; surveyedAt: string | null; installedAt: string | null; commissionedAt: string | null; inServiceAt: string | null; powerOk: boolean; networkOk: boolean; serviceProvider: string };
const FIELD: Record<RolloutState, keyof Facts> = { planned: 'plannedAt', surveyed: 'surveyedAt', installed: 'installedAt', commissioned: 'commissionedAt', in_service: 'inServiceAt' };

export function RolloutForm({ facts, providers, editable }: { facts: Facts; providers: string[]; editable: boolean }) {
  const [state, setState] = useState(facts.state as RolloutState);
  const [dates, setDates] = useState<Record<string, string>>(Object.fromEntries(ROLLOUT_STATES.map((s) => [s, (facts[FIELD[s]] as string | null) ?? ''])));
  const [power, setPower] = useState(facts.powerOk);
  const [net, setNet] = useState(facts.networkOk);
  const [provider, setProvider] = useState(facts.serviceProvider);
  const [reason, setReason] = useState('');
  const [msg, setMsg] = useState<{ ok: boolean; text: string; field?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const idx = ROLLOUT_STATES.indexOf(state);
  const backwards = idx < ROLLOUT_STATES.indexOf(facts.state as RolloutState);
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setMsg(null);
    const body = {
      state, powerOk: power, networkOk: net, serviceProvider: provider, reason: reason || undefined,
      dates: Object.fromEntries(ROLLOUT_STATES.map((s, i) => [s, i <= idx ? dates[s] || null : null])),
    };
    try {
      const j = await api('PATCH /api/rollout/sites/:id', { params: { id: facts.id }, body });
      setMsg({ ok: true, text: j.changed.length ? '已保存并记录。Saved.' : '没有变化。Nothing changed.' });
      if (j.changed.length) setTimeout(() => location.reload(), 600);
    } catch (err) {
      setMsg(err instanceof ApiError ? { ok: false, text: err.message, field: err.details?.[0]?.path } : { ok: false, text: '保存失败' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={w.form} onSubmit={save}>
      <label>
        进度 State
        <select className={w.input} value={state} onChange={(e) => setState(e.target.value as RolloutState)} disabled={!editable} name="state">
          {ROLLOUT_STATES.map((s) => (
            <option key={s} value={s}>{ROLLOUT_INFO[s].zh} {ROLLOUT_INFO[s].en}</option>
          ))}
        </select>
      </label>
      <div className={g.formGrid}>
        {ROLLOUT_STATES.map((s, i) => (
          <label key={s} style={{ opacity: i <= idx ? 1 : 0.4 }}>
            {ROLLOUT_INFO[s].zh}日期
            <input type="date" name={`date-${s}`} value={i <= idx ? dates[s] : ''} max={today} disabled={!editable || i > idx} onChange={(e) => setDates({ ...dates, [s]: e.target.value })} required={i <= idx} />
            {msg?.field === `dates.${s}` && <span className={g.fieldErr}>{msg.text}</span>}
          </label>
        ))}
      </div>
      <div style={{ display: 'flex', gap: 20 }}>
        <label className={g.check}><input type="checkbox" checked={power} onChange={(e) => setPower(e.target.checked)} disabled={!editable} name="powerOk" /> 具备通电条件 Power</label>
        <label className={g.check}><input type="checkbox" checked={net} onChange={(e) => setNet(e.target.checked)} disabled={!editable} name="networkOk" /> 具备通网条件 Network</label>
      </div>
      <label>
        技术服务单位 Service provider
        <input className={w.input} list="providers" value={provider} onChange={(e) => setProvider(e.target.value)} disabled={!editable} name="serviceProvider" maxLength={100} />
        <datalist id="providers">{providers.map((x) => <option key={x} value={x} />)}</datalist>
        {msg?.field === 'serviceProvider' && <span className={g.fieldErr}>{msg.text}</span>}
      </label>
      {backwards && (
        <label>
          回退原因（必填）Reason for moving back
          <textarea className={w.textarea} value={reason} onChange={(e) => setReason(e.target.value)} required minLength={4} name="reason" placeholder="例如：设备拆除检修、重新勘察" />
        </label>
      )}
      {editable ? (
        <div>
          <button className={`${w.btn} ${w.primary}`} disabled={busy} type="submit">{busy ? '保存中…' : '保存 Save'}</button>
        </div>
      ) : (
        <p className={w.dim}>只读：修改推广进度需要“推广管理”权限。</p>
      )}
      {msg && !msg.field?.startsWith('dates.') && msg.field !== 'serviceProvider' && <p className={msg.ok ? w.ok : w.err} role="status">{msg.text}</p>}
    </form>
  );
}
