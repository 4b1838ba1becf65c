/** /admin/public-reports — staff review queue of residents' hazard reports (permission 'public.review'). */
import type { Metadata } from 'next';
import { requireReviewer } from '@/server/public/admin-auth.ts';
import { ReviewQueue } from './ReviewQueue.tsx';
import a from './admin.module.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '群众隐患举报审核 · Public reports' };

export default async function PublicReportsAdmin() {
  const me = await requireReviewer('/admin/public-reports');
  return (
    <main className={a.page}>
      <header className={a.head}>
        <h1>群众隐患举报审核 <small>Public hazard reports</small></h1>
        <nav>
          <a href="/admin/public-reports/cases">典型案例编辑 Cases</a> · <a href="/public/zh">公众页面 Public pages</a> · {me.displayName}
        </nav>
      </header>
      <ReviewQueue />
    </main>
  );
}
