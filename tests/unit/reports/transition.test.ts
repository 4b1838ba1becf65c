import { describe, expect, it } from 'vitest';
import { decideRollout, type RolloutFacts } from '../../../lib/domain/rollout/transition.ts';

const planned: RolloutFacts = { state: 'planned', plannedAt: '2019-01-10', surveyedAt: null, installedAt: null, commissionedAt: null, inServiceAt: null, powerOk: true, networkOk: true, serviceProvider: '' };
const inService: RolloutFacts = { state: 'in_service', plannedAt: '2019-01-10', surveyedAt: '2019-02-01', installedAt: '2019-03-01', commissionedAt: '2019-03-10', inServiceAt: '2019-03-20', powerOk: true, networkOk: true, serviceProvider: '昌都甲公司' };
const base = { powerOk: true, networkOk: true, serviceProvider: '昌都甲公司' };
const today = '2026-11-28';

describe('site rollout transitions', () => {
  it('moves forward with dates in order', () => {
    const d = decideRollout(planned, { ...base, state: 'surveyed', dates: { surveyed: '2019-02-01' } }, today);
    expect(d.ok && d.next.state).toBe('surveyed');
    expect(d.ok && d.backwards).toBe(false);
  });
  it('may skip states forward but needs every reached date', () => {
    const d = decideRollout(planned, { ...base, state: 'installed', dates: { surveyed: '2019-02-01' } }, today);
    expect(d.ok).toBe(false);
    expect(!d.ok && d.field).toBe('dates.installed');
    const ok = decideRollout(planned, { ...base, state: 'installed', dates: { surveyed: '2019-02-01', installed: '2019-02-20' } }, today);
    expect(ok.ok).toBe(true);
  });
  it('refuses dates out of order or in the future', () => {
    expect(decideRollout(planned, { ...base, state: 'surveyed', dates: { surveyed: '2018-12-01' } }, today).ok).toBe(false);
    expect(decideRollout(planned, { ...base, state: 'surveyed', dates: { surveyed: '2027-01-01' } }, today).ok).toBe(false);
  });
  it('refuses moving back without a reason, and clears later dates with one', () => {
    const no = decideRollout(inService, { ...base, state: 'installed', dates: {} }, today);
    expect(!no.ok && no.field).toBe('reason');
    const yes = decideRollout(inService, { ...base, state: 'installed', dates: {}, reason: '设备拆除检修' }, today);
    expect(yes.ok).toBe(true);
    if (yes.ok) {
      expect(yes.backwards).toBe(true);
      expect([yes.next.commissionedAt, yes.next.inServiceAt]).toEqual([null, null]);
      expect(yes.changed).toEqual(expect.arrayContaining(['state', 'commissionedAt', 'inServiceAt']));
    }
  });
  it('needs power and network to install (通电、通网)', () => {
    const d = decideRollout(planned, { ...base, networkOk: false, state: 'installed', dates: { surveyed: '2019-02-01', installed: '2019-02-20' } }, today);
    expect(!d.ok && d.field).toBe('state');
    expect(decideRollout(planned, { ...base, networkOk: false, state: 'surveyed', dates: { surveyed: '2019-02-01' } }, today).ok).toBe(true);
  });
  it('needs a service provider from survey on', () => {
    const d = decideRollout(planned, { ...base, serviceProvider: ' ', state: 'surveyed', dates: { surveyed: '2019-02-01' } }, today);
    expect(!d.ok && d.field).toBe('serviceProvider');
  });
});
