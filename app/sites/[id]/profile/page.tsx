/**
 * /sites/[id]/profile[?circuit=ID] — the site's detection profile: thresholds with their source
 * (默认/场所/回路), editable by the roles with profile.edit (server/profiles/write.ts), GB ranges, reason, history.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { ID_RE } from '../../../../lib/protocol/v1.ts';
import { AppError } from '../../../../server/http/errors.ts';
import { FIELDS, PERSISTENCE_FIELDS, PERSISTENCE_TYPE_NAME, PERSISTENCE_TYPES } from '../../../../server/profiles/fields.ts';
import { profileView } from '../../../../server/profiles/view.ts';
import { services } from '../../../../server/services.ts';
import { siteAccess } from '../../../../server/queries/visible-site.ts';
import { WorkShell } from '../../../_components/alerts/WorkShell.tsx';
import w from '../../../_components/alerts/work.module.css';
import { currentLang, currentPrincipal } from '../../../_lib/server-session.ts';
import { Forbidden } from '../Forbidden.tsx';
import { ProfileEditor, type FieldMeta } from './ProfileEditor.tsx';
import s from './profile.module.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '检测阈值配置 · 昌都市智慧式用电安全管理平台' };

const META: FieldMeta = {
  fields: FIELDS,
  persistenceFields: PERSISTENCE_FIELDS,
  persistenceTypes: PERSISTENCE_TYPES.map((type) => ({ type, ...PERSISTENCE_TYPE_NAME[type] })),
};

export default async function ProfilePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const sp = await searchParams;
  if (!ID_RE.test(id)) notFound();
  const circuitRaw = typeof sp.circuit === 'string' ? sp.circuit : '';
  const circuitId = /^[1-9]\d{0,9}$/.test(circuitRaw) ? Number(circuitRaw) : null;
  const here = `/sites/${id}/profile${circuitId ? `?circuit=${circuitId}` : ''}`;
  const p = await currentPrincipal();
  if (!p) redirect(`/login?next=${encodeURIComponent(here)}`);
  const { sql } = services();
  const access = await siteAccess(sql, p, id, { permission: 'site.view' });
  if (access.kind === 'not_found') notFound();
  if (access.kind === 'forbidden') return <Forbidden siteId={id} lang={await currentLang()} />;
  const view = await profileView(sql, p, id, circuitId).catch((e) => {
    if (e instanceof AppError && e.code === 'NOT_FOUND') notFound();
    throw e;
  });
  return (
    <WorkShell p={p} active="">
      <div className={s.head}>
        <div>
          <h1 className={w.h1}>
            检测阈值配置 <small>Detection profile</small>
          </h1>
          <div className={s.siteName}>
            {view.site.nameZh}
            <small>
              {view.site.nameEn} · {view.site.categoryZh} {view.site.categoryEn}
            </small>
          </div>
        </div>
        <Link className={w.btn} href={`/sites/${encodeURIComponent(id)}`}>
          ← 返回场所三维 <small>Back to the site</small>
        </Link>
      </div>
      <ProfileEditor key={circuitId ?? 'site'} initialView={view} meta={META} />
    </WorkShell>
  );
}
