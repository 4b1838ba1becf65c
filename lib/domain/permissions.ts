/**
 * What each role may DO (scope.ts decides WHERE). An action is allowed when the role has it here and the
 * target lies in the principal's scope. Tested as a matrix in tests/unit/auth/permissions.test.ts.
 */
import type { Role } from './vocabulary/index.ts';

export const ACTIONS = [
  'map.view',
  'site.view',
  'alarm.view',
  'alarm.ack',
  'alarm.note',
  'alarm.false',
  /** reset a latched alarm once its condition is gone (GB 14287), with a note */
  'alarm.reset',
  'hazard.view',
  'hazard.create',
  'hazard.assign',
  'hazard.rectify',
  'hazard.verify',
  'profile.edit',
  'device.command',
  'report.view',
  'report.export',
  'rollout.edit',
  'quarantine.view',
  'simulator.inject',
  'user.admin',
  'public.review',
  /** notification channel health, failed deliveries, retry (the notification workflow) */
  'notify.admin',
] as const;
export type Action = (typeof ACTIONS)[number];

const READ: Action[] = ['map.view', 'site.view', 'alarm.view', 'hazard.view', 'report.view', 'report.export'];
const SUPERVISE: Action[] = [...READ, 'alarm.ack', 'alarm.note', 'alarm.false', 'alarm.reset', 'hazard.create', 'hazard.assign', 'hazard.verify'];

export const ROLE_ACTIONS: Record<Role, ReadonlySet<Action>> = {
  leader: new Set(READ), // all, read-only
  committee: new Set([...SUPERVISE, 'rollout.edit', 'public.review']),
  fire: new Set([...SUPERVISE, 'rollout.edit', 'public.review', 'profile.edit']),
  regulator: new Set([...SUPERVISE, 'profile.edit']),
  county: new Set([...SUPERVISE, 'rollout.edit']),
  site_manager: new Set([...READ, 'alarm.ack', 'alarm.note', 'alarm.false', 'alarm.reset', 'hazard.create', 'hazard.rectify']),
  technician: new Set([...READ, 'alarm.ack', 'alarm.note', 'alarm.false', 'alarm.reset', 'hazard.create', 'hazard.rectify', 'hazard.verify', 'device.command']),
  admin: new Set(ACTIONS),
};

export function can(role: Role, action: Action): boolean {
  return ROLE_ACTIONS[role]?.has(action) ?? false;
}
