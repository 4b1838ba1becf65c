/** /hazards/new — report a hazard by hand (inspection finding or photo report); built for a phone. */
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { services } from '../../../server/services.ts';
import { can } from '../../../lib/domain/permissions.ts';
import { sitesForPicker } from '../../../server/workflow/access.ts';
import { currentPrincipal } from '../../_lib/server-session.ts';
import { WorkShell } from '../../_components/alerts/WorkShell.tsx';
import w from '../../_components/alerts/work.module.css';
import { HazardForm } from './HazardForm.tsx';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '上报隐患 · 昌都市智慧式用电安全管理平台' };

export default async function NewHazardPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const p = await currentPrincipal();
  if (!p) redirect('/login?next=/hazards/new');
  if (!can(p.role, 'hazard.create')) redirect('/hazards');
  const sites = await sitesForPicker(services().sql, p);
  const sp = await searchParams;
  return (
    <WorkShell p={p} active="/hazards">
      <h1 className={w.h1}>
        上报隐患 <small>Report a hazard</small>
      </h1>
      <div style={{ maxWidth: 640 }}>
        <HazardForm sites={sites} defaultSite={sp.site && sites.some((s) => s.id === sp.site) ? sp.site : sites.length === 1 ? sites[0].id : ''} />
      </div>
    </WorkShell>
  );
}
