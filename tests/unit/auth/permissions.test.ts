import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../lib/domain/vocabulary/index.ts';
import { ACTIONS, can, type Action } from '../../../lib/domain/permissions.ts';

// The expected matrix, written out independently of ROLE_ACTIONS so a change to either is a visible decision.
const Y = true;
const _ = false;
// prettier-ignore
const MATRIX: Record<Action, Record<Role, boolean>> = {
  //                 leader committee fire regulator county site_manager technician admin
  'map.view':        { leader: Y, committee: Y, fire: Y, regulator: Y, county: Y, site_manager: Y, technician: Y, admin: Y },
  'site.view':       { leader: Y, committee: Y, fire: Y, regulator: Y, county: Y, site_manager: Y, technician: Y, admin: Y },
  'alarm.view':      { leader: Y, committee: Y, fire: Y, regulator: Y, county: Y, site_manager: Y, technician: Y, admin: Y },
  'alarm.ack':       { leader: _, committee: Y, fire: Y, regulator: Y, county: Y, site_manager: Y, technician: Y, admin: Y },
  'alarm.note':      { leader: _, committee: Y, fire: Y, regulator: Y, county: Y, site_manager: Y, technician: Y, admin: Y },
  'alarm.false':     { leader: _, committee: Y, fire: Y, regulator: Y, county: Y, site_manager: Y, technician: Y, admin: Y },
  'alarm.reset':     { leader: _, committee: Y, fire: Y, regulator: Y, county: Y, site_manager: Y, technician: Y, admin: Y },
  'hazard.view':     { leader: Y, committee: Y, fire: Y, regulator: Y, county: Y, site_manager: Y, technician: Y, admin: Y },
  'hazard.create':   { leader: _, committee: Y, fire: Y, regulator: Y, county: Y, site_manager: Y, technician: Y, admin: Y },
  'hazard.assign':   { leader: _, committee: Y, fire: Y, regulator: Y, county: Y, site_manager: _, technician: _, admin: Y },
  'hazard.rectify':  { leader: _, committee: _, fire: _, regulator: _, county: _, site_manager: Y, technician: Y, admin: Y },
  'hazard.verify':   { leader: _, committee: Y, fire: Y, regulator: Y, county: Y, site_manager: _, technician: Y, admin: Y },
  'profile.edit':    { leader: _, committee: _, fire: Y, regulator: Y, county: _, site_manager: _, technician: _, admin: Y },
  'device.command':  { leader: _, committee: _, fire: _, regulator: _, county: _, site_manager: _, technician: Y, admin: Y },
  'report.view':     { leader: Y, committee: Y, fire: Y, regulator: Y, county: Y, site_manager: Y, technician: Y, admin: Y },
  'report.export':   { leader: Y, committee: Y, fire: Y, regulator: Y, county: Y, site_manager: Y, technician: Y, admin: Y },
  'rollout.edit':    { leader: _, committee: Y, fire: Y, regulator: _, county: Y, site_manager: _, technician: _, admin: Y },
  'quarantine.view': { leader: _, committee: _, fire: _, regulator: _, county: _, site_manager: _, technician: _, admin: Y },
  'simulator.inject':{ leader: _, committee: _, fire: _, regulator: _, county: _, site_manager: _, technician: _, admin: Y },
  'user.admin':      { leader: _, committee: _, fire: _, regulator: _, county: _, site_manager: _, technician: _, admin: Y },
  'public.review':   { leader: _, committee: Y, fire: Y, regulator: _, county: _, site_manager: _, technician: _, admin: Y },
  'notify.admin':    { leader: _, committee: _, fire: _, regulator: _, county: _, site_manager: _, technician: _, admin: Y },
};

describe('permissions matrix', () => {
  it('lists every action', () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...ACTIONS].sort());
  });
  for (const action of ACTIONS)
    for (const role of ROLES)
      it(`${role} × ${action}`, () => {
        expect(MATRIX[action], `action ${action} missing from the expected matrix`).toBeDefined();
        expect(can(role, action)).toBe(MATRIX[action][role]);
      });
  it('the city leader is read-only', () => {
    const writes = ACTIONS.filter((a) => !a.endsWith('.view') && a !== 'report.export');
    for (const a of writes) expect(can('leader', a)).toBe(false);
  });
  it('unknown roles may do nothing', () => {
    expect(can('nobody' as Role, 'map.view')).toBe(false);
  });
});
