/** /sites/[id]/plan — the site as a plain list (buildings, floors, circuits): a text alternative to the 3D twin. */
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { ID_RE } from '../../../../lib/protocol/v1.ts';
import { currentLang, currentPrincipal } from '../../../_lib/server-session.ts';
import { services } from '../../../../server/services.ts';
import { siteAccess } from '../../../../server/queries/visible-site.ts';
import { siteBuildingList } from '../../../../server/twin/building-list.ts';
import { Forbidden } from '../Forbidden.tsx';
import { tw, type TwinWord } from '../words.ts';
import s from '../twin.module.css';

export const dynamic = 'force-dynamic';

export default async function PlanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!ID_RE.test(id)) notFound();
  const principal = await currentPrincipal();
  if (!principal) redirect(`/login?next=${encodeURIComponent(`/sites/${id}/plan`)}`);
  const lang = await currentLang();
  const { sql } = services();
  const access = await siteAccess(sql, principal, id, { permission: 'site.view' });
  if (access.kind === 'not_found') notFound();
  if (access.kind === 'forbidden') return <Forbidden siteId={id} lang={lang} />;
  const rows = await siteBuildingList(sql, principal.scope, id);
  const t = (k: TwinWord) => tw(lang, k);
  return (
    <main className={s.refusal} style={{ textAlign: 'left', maxWidth: 760 }} data-testid="twin-plan">
      <Link href={`/sites/${id}`} className={s.primaryBtn} data-testid="twin-plan-3d">
        {t('view3d')}
      </Link>
      <h1>{t('planTitle')}</h1>
      <table className={s.values}>
        <thead>
          <tr>
            <th>{t('building')}</th>
            <th>{t('floorCount')}</th>
            <th>{t('circuitsCol')}</th>
            <th>{t('inAlarm')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th>{lang === 'en' ? r.nameEn : r.nameZh}</th>
              <td>{r.floors}</td>
              <td>{r.circuits}</td>
              <td>{r.alarming}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
