/** The refusal page: the site exists but lies outside the signed-in user's scope. */
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
          ? `Site ${siteId} is outside your area of responsibility. Ask your administrator if you need access.`
          : `场所 ${siteId} 不在您的管辖范围内。如需查看，请联系系统管理员开通权限。`}
      </p>
      <Link href="/map" className={s.primaryBtn}>
        ← 返回地图 / Back to map
      </Link>
    </main>
  );
}
