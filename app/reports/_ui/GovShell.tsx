/** Frame of the rollout, supervision and report screens: the shared WorkShell plus this area's sub-navigation. */
import type { Principal } from '../../../platform/scope.ts';
import { WorkShell } from '../../_components/alerts/WorkShell.tsx';
import g from './gov.module.css';

const SUB = [
  { href: '/rollout', zh: '推广覆盖', en: 'Coverage' },
  { href: '/rollout/plan', zh: '阶段与试点', en: 'Plan & pilots' },
  { href: '/rollout/sites', zh: '推广单位', en: 'Sites' },
  { href: '/rollout/inspections', zh: '消防检查', en: 'Inspections' },
  { href: '/supervision', zh: '监管看板', en: 'Supervision' },
  { href: '/reports', zh: '报告', en: 'Reports' },
];

export function GovShell({ p, active, children }: { p: Principal; active: string; children: React.ReactNode }) {
  return (
    <WorkShell p={p} active={active}>
      <nav className={g.subnav} aria-label="推广、监管与报告 Rollout, supervision and reports">
        {SUB.map((s) => (
          <a key={s.href} href={s.href} className={s.href === active ? g.subnavOn : undefined} aria-current={s.href === active ? 'page' : undefined}>
            {s.zh}
            <small>{s.en}</small>
          </a>
        ))}
      </nav>
      {children}
    </WorkShell>
  );
}
