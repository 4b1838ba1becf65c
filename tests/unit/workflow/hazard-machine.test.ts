import { describe, expect, it } from 'vitest';
import { can } from '../../../lib/domain/permissions.ts';
import { ROLES, type Role } from '../../../lib/domain/vocabulary/index.ts';
import { availableCommands, decide, isOverdue, type HazardCommand, type HazardState } from '../../../lib/domain/workflow/hazard-machine.ts';

const actor = (role: Role, userId = 1) => ({ userId, role, can: (a: Parameters<typeof can>[1]) => can(role, a) });
const facts = (state: HazardState, o: { assigneeId?: number | null; rectifiedBy?: number | null } = {}) => ({ state, assigneeId: o.assigneeId ?? null, rectifiedBy: o.rectifiedBy ?? null });

describe('hazard state machine', () => {
  it('walks the happy path reported → assigned → rectifying → submitted → verified → closed', () => {
    const steps: [HazardCommand, HazardState, Role][] = [
      ['assign', 'reported', 'county'],
      ['start', 'assigned', 'site_manager'],
      ['submit', 'rectifying', 'site_manager'],
      ['verify', 'submitted', 'regulator'],
      ['close', 'verified', 'regulator'],
    ];
    const to = steps.map(([c, s, r]) => decide(c, facts(s, { rectifiedBy: 7 }), actor(r)));
    expect(to.map((d) => (d.ok ? d.to : d.reason))).toEqual(['assigned', 'rectifying', 'submitted', 'verified', 'closed']);
  });

  it('never lets the person who rectified verify, return or close', () => {
    for (const c of ['verify', 'return'] as const) {
      const d = decide(c, facts('submitted', { rectifiedBy: 5 }), actor('technician', 5));
      expect(d).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(decide('close', facts('verified', { rectifiedBy: 5 }), actor('admin', 5))).toMatchObject({ ok: false });
    expect(decide('verify', facts('submitted', { rectifiedBy: 5 }), actor('technician', 6))).toMatchObject({ ok: true, to: 'verified' });
  });

  it('only the assignee rectifies an assigned order', () => {
    expect(decide('submit', facts('assigned', { assigneeId: 3 }), actor('site_manager', 4))).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(decide('submit', facts('assigned', { assigneeId: 3 }), actor('site_manager', 3))).toMatchObject({ ok: true });
  });

  it('refuses commands from the wrong state with CONFLICT', () => {
    expect(decide('close', facts('submitted'), actor('regulator'))).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(decide('verify', facts('closed'), actor('regulator'))).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('a returned order can be redone and resubmitted', () => {
    expect(decide('return', facts('submitted', { rectifiedBy: 2 }), actor('regulator', 9))).toMatchObject({ ok: true, to: 'returned' });
    expect(decide('submit', facts('returned', { assigneeId: 2 }), actor('site_manager', 2))).toMatchObject({ ok: true, to: 'submitted' });
  });

  it('role matrix: who may take each command at all (permissions.ts)', () => {
    const matrix = Object.fromEntries(
      ROLES.map((r) => [r, (['assign', 'submit', 'verify'] as HazardCommand[]).filter((c) => decide(c, facts(c === 'assign' ? 'reported' : c === 'submit' ? 'rectifying' : 'submitted'), actor(r, 99)).ok)]),
    );
    expect(matrix).toEqual({
      leader: [],
      committee: ['assign', 'verify'],
      fire: ['assign', 'verify'],
      regulator: ['assign', 'verify'],
      county: ['assign', 'verify'],
      site_manager: ['submit'],
      technician: ['submit', 'verify'],
      admin: ['assign', 'submit', 'verify'],
    });
  });

  it('offers only commands that would succeed', () => {
    expect(availableCommands(facts('submitted', { rectifiedBy: 1 }), actor('regulator', 1))).toEqual([]);
    expect(availableCommands(facts('submitted', { rectifiedBy: 2 }), actor('regulator', 1))).toEqual(['verify', 'return']);
  });

  it('overdue means open and past the deadline', () => {
    const now = new Date('2026-01-02T00:00:00Z');
    expect(isOverdue({ state: 'rectifying', deadline: new Date('2026-01-01T00:00:00Z') }, now)).toBe(true);
    expect(isOverdue({ state: 'closed', deadline: new Date('2026-01-01T00:00:00Z') }, now)).toBe(false);
    expect(isOverdue({ state: 'reported', deadline: null }, now)).toBe(false);
  });
});
