/** /settings/notifications — my channels, minimum severity, quiet hours (never for critical) and contact details. */
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { services } from '../../../server/services.ts';
import { getPrefs } from '../../../server/workflow/prefs.ts';
import { currentPrincipal } from '../../_lib/server-session.ts';
import { WorkShell } from '../../_components/alerts/WorkShell.tsx';
import w from '../../_components/alerts/work.module.css';
import { PrefsForm } from './PrefsForm.tsx';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '通知设置 · 昌都市智慧式用电安全管理平台' };

export default async function NotificationSettingsPage() {
  const p = await currentPrincipal();
  if (!p) redirect('/login?next=/settings/notifications');
  const prefs = await getPrefs(services().sql, p);
  return (
    <WorkShell p={p} active="/settings/notifications">
      <h1 className={w.h1}>
        通知设置 <small>Notification settings</small>
      </h1>
      <div style={{ maxWidth: 640 }}>
        <PrefsForm initial={prefs} />
      </div>
    </WorkShell>
  );
}
