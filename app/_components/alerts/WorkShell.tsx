/**
 * Frame of the working screens (alarms, hazards, records, settings): a dark top bar with the sections, the bell
 * and the live toaster. Server component; the bell and toaster are client islands.
 */
import type { Principal } from '../../../platform/scope.ts';
import { sectionsFor } from '../nav/sections.ts';
import { ROLE_INFO } from '../../../lib/domain/vocabulary/index.ts';
import { AlertCenterBell } from './AlertCenterBell.tsx';
import { AlarmToaster } from './AlarmToaster.tsx';
import w from './work.module.css';

export function WorkShell({ p, active, children }: { p: Principal; active: string; children: React.ReactNode }) {
  const { main, admin } = sectionsFor(p.role);
  const nav = [...main, { href: '/settings/notifications', zh: '通知设置', en: 'Notifications' }, { href: '/settings/tokens', zh: 'GIS 令牌', en: 'GIS tokens' }, ...admin];
  return (
    <div className={w.shell}>
      <header className={w.top}>
        <a className={w.brand} href="/map">
          <span className={w.logo} aria-hidden="true">⚡</span>
          <span className={w.brandText}>昌都市智慧式用电安全管理平台</span>
        </a>
        <nav className={w.nav} aria-label="主导航 Main">
          {nav.map((n) => (
            <a key={n.href} href={n.href} className={n.href === active ? w.navOn : undefined} aria-current={n.href === active ? 'page' : undefined}>
              {n.zh}
              <small>{n.en}</small>
            </a>
          ))}
        </nav>
        <div className={w.user}>
          <AlertCenterBell />
          <span className={w.who} title={ROLE_INFO[p.role].en}>
            {p.displayName}
            <small>{ROLE_INFO[p.role].zh}</small>
          </span>
        </div>
      </header>
      <main className={w.main}>{children}</main>
      <AlarmToaster />
    </div>
  );
}
