/** The refusal page (403): the site is in the user's scope, but their role may not open it. Out-of-scope sites get not-found.tsx. */
import Link from 'next/link';
import type { Lang } from '../../../lib/i18n/portal.ts';
import s from './twin.module.css';

export function Forbidden({ siteId, lang }: { siteId: string; lang: Lang }) {
  return (
    <main className={s.refusal} role="alert" data-testid="twin-forbidden">
      <div className={s.refusalCode}>403</div>
      <h1>无权查看该场所</h1>
      <p lang="en">You are not allowed to view this site.</p>
      <p>
        {lang === 'en'
          ? `Your role may not open site ${siteId}. Ask your administrator if you need access.`
          : `您的角色无权查看场所 ${siteId}。如需查看，请联系系统管理员开通权限。`}
      </p>
      <Link href="/map" className={s.primaryBtn}>
        ← 返回地图 / Back to map
      </Link>
    </main>
  );
}
