/**
 * What /sites/[id] and its sub-pages show for a site that does not exist or lies outside the user's scope: one
 * page for both (HTTP 404), so the portal never tells which (server/queries/visible-site.ts).
 */
import Link from 'next/link';
import s from './twin.module.css';

export default function SiteNotFound() {
  return (
    <main className={s.refusal} role="alert" data-testid="twin-not-found">
      <div className={s.refusalCode}>404</div>
      <h1>未找到该场所</h1>
      <p lang="en">Site not found.</p>
      <p>该场所不存在，或不在您的管辖范围内。如需查看，请联系系统管理员。</p>
      <p lang="en">It does not exist, or it is outside your area of responsibility.</p>
      <Link href="/map" className={s.primaryBtn}>
        ← 返回地图 / Back to map
      </Link>
    </main>
  );
}
