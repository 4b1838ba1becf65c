/** /rollout/sites/:id — a site's rollout: edit form (state, dates, installation conditions, provider) and its audited history. */
import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { services } from '../../../../server/services.ts';
import { can } from '../../../../lib/domain/permissions.ts';
import { visibleSite } from '../../../../server/queries/visible-site.ts';
import { loadRolloutFacts, rolloutHistory } from '../../../../server/rollout/transition.ts';
import { serviceProviders } from '../../../../server/rollout/sites.ts';
import { categoryLabel, rolloutLabel } from '../../../../lib/domain/vocabulary/index.ts';
import { bjTime } from '../../../../lib/domain/reports/format.ts';
import { currentPrincipal } from '../../../_lib/server-session.ts';
import w from '../../../_components/alerts/work.module.css';
import { GovShell } from '../../../reports/_ui/GovShell.tsx';
import { RolloutForm } from './RolloutForm.tsx';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '推广进度 · 昌都市智慧式用电安全管理平台' };

export default async function RolloutSitePage({ params }: { params: Promise<{ id: string }> }) {
  const p = await currentPrincipal();
  const { id } = await params;
  if (!p) redirect(`/login?next=/rollout/sites/${encodeURIComponent(id)}`);
  const { sql } = services();
  // missing and out-of-scope sites alike: 404
  const site = await visibleSite(sql, p, decodeURIComponent(id));
  const s = site && (await loadRolloutFacts(sql, site.id));
  if (!s) notFound();
  const [history, providers] = await Promise.all([rolloutHistory(sql, s.id), serviceProviders(sql, p)]);
  return (
    <GovShell p={p} active="/rollout/sites">
      <h1 className={w.h1}>
        {s.nameZh} <small>{s.id} · {categoryLabel(s.category)} · 当前 {rolloutLabel(s.state)}</small>
      </h1>
      <div className={w.grid2}>
        <section className={w.card}>
          <h2>推广进度 Rollout</h2>
          <RolloutForm facts={s} providers={providers} editable={can(p.role, 'rollout.edit')} />
        </section>
        <section className={w.card}>
          <h2>变更记录 History</h2>
          {history.length === 0 ? (
            <p className={w.dim}>暂无变更记录（初始数据）。</p>
          ) : (
            <ul className={w.timeline}>
              {history.map((h) => (
                <li key={h.id}>
                  <b>{rolloutLabel(h.fromState)} → {rolloutLabel(h.toState)}</b>
                  {h.backwards && <span className={w.err}> 回退</span>} · {h.username} · {bjTime(h.at)}
                  {h.reason && <div>原因：{h.reason}</div>}
                  <div className={w.dim}>{Object.entries(h.changes).map(([k, v]) => `${k}: ${v.from ?? '—'} → ${v.to ?? '—'}`).join('；')}</div>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </GovShell>
  );
}
