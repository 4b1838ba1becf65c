/** /hazards/[id] — a work order: facts, deadline, files, the actions this user may take, and the audited history. */
import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { services } from '../../../server/services.ts';
import { AppError } from '../../../server/http/errors.ts';
import { getHazard } from '../../../server/workflow/hazards/read.ts';
import { HAZARD_STATE_INFO, hazardActionZh, isOverdue, type HazardState } from '../../../lib/domain/workflow/hazard-machine.ts';
import { currentPrincipal } from '../../_lib/server-session.ts';
import { WorkShell } from '../../_components/alerts/WorkShell.tsx';
import { fmt, HazardStatePill, since, SevPill } from '../../_components/alerts/ui.tsx';
import w from '../../_components/alerts/work.module.css';
import { HazardActions } from './HazardActions.tsx';
import { hazardSourceLabel, TONES } from '../../../lib/domain/vocabulary/index.ts';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '隐患整改单 · 昌都市智慧式用电安全管理平台' };


export default async function HazardPage({ params }: { params: Promise<{ id: string }> }) {
  const p = await currentPrincipal();
  const { id } = await params;
  if (!p) redirect(`/login?next=/hazards/${encodeURIComponent(id)}`);
  if (!/^\d{1,15}$/.test(id)) notFound();
  const d = await getHazard(services().sql, p, Number(id)).catch((e) => {
    if (e instanceof AppError && e.code === 'NOT_FOUND') return null;
    throw e;
  });
  if (!d) notFound();
  const h = d.hazard;
  const overdue = isOverdue(h, new Date());
  const files = (stage: string) => d.attachments.filter((a) => a.stage === stage);
  const Files = ({ stage }: { stage: string }) =>
    files(stage).length ? (
      <div className={w.thumbs}>
        {files(stage).map((a) =>
          a.mime.startsWith('image/') ? (
            <a key={a.id} href={`/api/hazards/${h.id}/attachments/${a.id}`} target="_blank" rel="noreferrer">
              <img src={`/api/hazards/${h.id}/attachments/${a.id}`} alt={a.filename} loading="lazy" />
            </a>
          ) : (
            <a key={a.id} className={w.btn} href={`/api/hazards/${h.id}/attachments/${a.id}`}>
              📄 {a.filename}
            </a>
          ),
        )}
      </div>
    ) : (
      <span className={w.dim}>无</span>
    );
  return (
    <WorkShell p={p} active="/hazards">
      <h1 className={w.h1}>
        <SevPill s={h.severity} /> 隐患 #{h.id} · {h.title}
        <span data-testid="hazard-state">
          <HazardStatePill s={h.state} overdue={overdue} />
        </span>
      </h1>
      <div className={w.grid2}>
        <div>
          <section className={w.card}>
            <h2>隐患信息 Details</h2>
            <dl className={w.dl}>
              <dt>场所</dt>
              <dd>{h.siteName}</dd>
              <dt>来源</dt>
              <dd>
                {hazardSourceLabel(h.source)}
                {h.alarmId && (
                  <>
                    {' '}
                    · <a href={`/alarms/${h.alarmId}`}>报警 #{h.alarmId}</a>
                  </>
                )}
              </dd>
              {h.location && (
                <>
                  <dt>位置</dt>
                  <dd>{h.location}</dd>
                </>
              )}
              <dt>描述</dt>
              <dd style={{ whiteSpace: 'pre-wrap' }}>{h.description || '—'}</dd>
              <dt>责任人</dt>
              <dd>{h.assigneeName ?? <span className={w.dim}>未指定</span>}</dd>
              <dt>整改期限</dt>
              <dd className={w.num} style={{ color: overdue ? TONES.bad : undefined }}>
                {fmt(h.deadline)} {overdue ? `（已超期 ${since(h.deadline!).replace('前', '')}）` : ''}
              </dd>
              <dt>上报</dt>
              <dd>
                {h.createdByName} · {fmt(h.createdAt)}
              </dd>
              <dt>现场照片</dt>
              <dd>
                <Files stage="report" />
              </dd>
            </dl>
          </section>
          {(h.rectification || h.returnReason || files('rectification').length > 0) && (
            <section className={w.card}>
              <h2>整改情况 Rectification</h2>
              <dl className={w.dl}>
                {h.returnReason && (
                  <>
                    <dt>退回原因</dt>
                    <dd className={w.err}>{h.returnReason}</dd>
                  </>
                )}
                <dt>整改说明</dt>
                <dd style={{ whiteSpace: 'pre-wrap' }}>{h.rectification || '—'}</dd>
                <dt>整改人</dt>
                <dd>{h.rectifiedByName ? `${h.rectifiedByName} · ${fmt(h.submittedAt)}` : '—'}</dd>
                <dt>验收</dt>
                <dd>{h.verifiedByName ? `${h.verifiedByName} · ${fmt(h.verifiedAt)}` : '—'}</dd>
                <dt>整改照片</dt>
                <dd>
                  <Files stage="rectification" />
                </dd>
              </dl>
            </section>
          )}
        </div>
        <div className={w.side}>
          <HazardActions id={h.id} commands={d.commands} assignable={d.assignable} assigneeId={h.assigneeId} />
          <section className={w.card}>
            <h2>处理记录 History</h2>
            <ol className={w.timeline} data-testid="hazard-history">
              {d.events.map((e) => (
                <li key={e.id}>
                  <b>{hazardActionZh(e.action)}</b>
                  {e.toState && <> → {HAZARD_STATE_INFO[e.toState as HazardState]?.zh ?? e.toState}</>} · {e.username ?? '系统'}
                  <div className={w.dim}>
                    {fmt(e.at)}
                    {e.ip ? ` · ${e.ip}` : ''}
                  </div>
                  {typeof e.detail.text === 'string' && <div>{e.detail.text}</div>}
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>
    </WorkShell>
  );
}
