import { describe, expect, it } from 'vitest';
import { explainText, gradeOf, siteScore, WEIGHTS, type ScoreInputs } from '../../../server/supervision/score.ts';

const clean: ScoreInputs = {
  openCritical: 0, openAlarm: 0, openWarning: 0, overdueOpen: 0, alarmsWarning: 0, alarmsAlarm: 0, alarmsCritical: 0,
  windowDays: 30, meanAckHours: null, dueHazards: 0, lateHazards: 0, devices: 8, devicesOnline: 8,
};
const term = (s: ReturnType<typeof siteScore>, k: string) => s.terms.find((t) => t.key === k)!.penalty;

describe('site safety score (SCORE.md)', () => {
  it('is 100 for a quiet, healthy site', () => {
    const s = siteScore(clean);
    expect(s.score).toBe(100);
    expect(s.grade).toBe('good');
    expect(s.terms.every((t) => t.penalty === 0)).toBe(true);
  });
  it('matches the worked example in SCORE.md (77, 良)', () => {
    const s = siteScore({ ...clean, openAlarm: 1, overdueOpen: 1, alarmsWarning: 2, alarmsAlarm: 1, meanAckHours: 3, dueHazards: 2, lateHazards: 1 });
    expect(term(s, 'hazards')).toBe(11);
    expect(term(s, 'alarms')).toBe(2.5);
    expect(term(s, 'response')).toBe(1.6);
    expect(term(s, 'rectification')).toBe(7.5);
    expect(term(s, 'devices')).toBe(0);
    expect(s.score).toBe(77);
    expect(s.grade).toBe('fair');
  });
  it('caps each term and never goes below 0', () => {
    const s = siteScore({ ...clean, openCritical: 9, overdueOpen: 9, alarmsCritical: 500, meanAckHours: 100, dueHazards: 3, lateHazards: 3, devicesOnline: 0 });
    for (const t of s.terms) expect(t.penalty).toBe(t.max);
    expect(s.terms.reduce((a, t) => a + t.max, 0)).toBe(100);
    expect(s.score).toBe(0);
    expect(s.grade).toBe('risk');
  });
  it('scales alarm load to 30 days', () => {
    const month = siteScore({ ...clean, alarmsAlarm: 4 });
    const year = siteScore({ ...clean, alarmsAlarm: 4 * 12, windowDays: 360 });
    expect(term(month, 'alarms')).toBe(term(year, 'alarms'));
    expect(term(month, 'alarms')).toBe(WEIGHTS.alarms.perPoint * 3 * 4);
  });
  it('does not charge fast responses (≤ 0.5 h) and charges fully at 24 h', () => {
    expect(term(siteScore({ ...clean, meanAckHours: 0.4 }), 'response')).toBe(0);
    expect(term(siteScore({ ...clean, meanAckHours: 24 }), 'response')).toBe(15);
  });
  it('grades at the documented thresholds', () => {
    expect([90, 89, 75, 74, 60, 59].map(gradeOf)).toEqual(['good', 'fair', 'fair', 'attention', 'attention', 'risk']);
  });
  it('explains every term in text', () => {
    const txt = explainText(siteScore({ ...clean, openCritical: 1 }));
    expect(txt).toContain('安全评分 90 = 100');
    expect(txt.split('\n')).toHaveLength(6);
    expect(txt).toContain('危急 1');
  });
});
