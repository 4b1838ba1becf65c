/** /admin/public-reports/cases — editor for typical cases: draft → reviewed → published (per language). */
import type { Metadata } from 'next';
import { requireReviewer } from '@/server/public/admin-auth.ts';
import { CaseEditor } from './CaseEditor.tsx';
import a from '../admin.module.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '典型案例编辑 · Public cases' };

export default async function CasesAdmin() {
  const me = await requireReviewer('/admin/public-reports/cases');
  return (
    <main className={a.page}>
      <header className={a.head}>
        <h1>典型案例编辑 <small>Typical cases · 只发布经审核的匿名案例</small></h1>
        <nav>
          <a href="/admin/public-reports">举报审核 Reports</a> · <a href="/public/zh/cases">公开页面</a> · {me.displayName}
        </nav>
      </header>
      <CaseEditor />
    </main>
  );
}
