'use client';
/** One editable target (PUT /api/rollout/targets on change). */
import { useState } from 'react';
import g from '../../reports/_ui/gov.module.css';
import type { SiteCategory } from '../../../lib/protocol/v1.ts';
import { api } from '../../_lib/api/client.ts';

export function TargetInput({ county, category, value, derived, editable }: { county: number; category: SiteCategory; value: number; derived: boolean; editable: boolean }) {
  const [v, setV] = useState(String(value));
  const [state, setState] = useState<'idle' | 'saved' | 'error'>('idle');
  if (!editable) return <span>{value}{derived ? '' : ' *'}</span>;
  async function save() {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0 || n === value) return;
    const ok = await api('PUT /api/rollout/targets', { body: { county, category, target: n, note: '页面调整' } }).then(() => true, () => false);
    setState(ok ? 'saved' : 'error');
  }
  return (
    <span className={g.inlineForm} style={{ padding: '3px 6px' }}>
      <input type="number" min={0} value={v} onChange={(e) => setV(e.target.value)} onBlur={save} aria-label={`${county} ${category} 目标`} style={{ width: 58 }} />
      {state === 'saved' ? <span className={g.good}>✓</span> : state === 'error' ? <span className={g.bad}>✗</span> : derived ? null : <span className={g.muted} title="已人工调整">*</span>}
    </span>
  );
}
