import { describe, expect, it } from 'vitest';
import { backoffMs } from '../../../lib/domain/workflow/backoff.ts';
import { holdUntil, inQuietHours, quietEndsAt, formatBeijing, durationZh } from '../../../lib/domain/workflow/quiet-hours.ts';
import { planDeliveries, type Recipient } from '../../../lib/domain/workflow/plan.ts';
import { audienceForLevel, dueLevel, sectorDepartments } from '../../../lib/domain/workflow/escalation.ts';
import { signBody, verifySignature } from '../../../platform/notify/signature.ts';
import { latestPeriod } from '../../../lib/domain/workflow/period.ts';
import { deadlineFor } from '../../../lib/domain/workflow/deadlines.ts';

const r = (o: Partial<Recipient> = {}): Recipient => ({ userId: 1, channels: ['portal', 'webhook', 'email', 'push'], minSeverity: 'warning', quietStart: null, quietEnd: null, email: 'a@b.c', hasPush: true, ...o });
const all = { portal: true, webhook: true, email: true, push: true };
const bj = (hm: string) => new Date(`2026-03-01T${hm}:00+08:00`);

describe('backoff', () => {
  it('grows exponentially, is capped, and is jittered within [exp/2, exp]', () => {
    const o = { baseMs: 1000, maxMs: 60_000 };
    expect([1, 2, 3, 4].map((a) => backoffMs(a, o, 1))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(3, o, 0)).toBe(2000);
    expect(backoffMs(20, o, 1)).toBe(60_000);
  });
});

describe('quiet hours (Beijing time)', () => {
  it('handles windows across midnight', () => {
    expect(inQuietHours(bj('23:30'), '22:00', '07:00')).toBe(true);
    expect(inQuietHours(bj('06:59'), '22:00', '07:00')).toBe(true);
    expect(inQuietHours(bj('07:00'), '22:00', '07:00')).toBe(false);
    expect(inQuietHours(bj('13:00'), '12:00', '14:00')).toBe(true);
    expect(formatBeijing(quietEndsAt(bj('23:30'), '07:00'))).toBe('2026-03-02 07:00');
  });
  it('never holds critical alarms or the portal inbox', () => {
    const q = { start: '22:00', end: '07:00' };
    expect(holdUntil(bj('23:00'), 'critical', 'webhook', q)).toBeNull();
    expect(holdUntil(bj('23:00'), 'alarm', 'portal', q)).toBeNull();
    expect(formatBeijing(holdUntil(bj('23:00'), 'alarm', 'webhook', q))).toBe('2026-03-02 07:00');
  });
});

describe('fan-out plan', () => {
  const ev = { id: 10, kind: 'alarm', change: 'opened', severity: 'alarm' };
  it('one row per channel with stable idempotency keys; portal always', () => {
    const rows = planDeliveries(ev, [r()], all, bj('10:00'));
    expect(rows.map((x) => x.channel)).toEqual(['portal', 'webhook', 'email', 'push']);
    expect(rows[1].idempotencyKey).toBe('esms-10-1-webhook');
  });
  it('respects channel choice, configuration, contact details and minimum severity, but critical overrides the minimum', () => {
    expect(planDeliveries(ev, [r({ channels: ['portal'] })], all, bj('10:00')).map((x) => x.channel)).toEqual(['portal']);
    expect(planDeliveries(ev, [r({ email: null, hasPush: false })], { ...all, webhook: false }, bj('10:00')).map((x) => x.channel)).toEqual(['portal']);
    expect(planDeliveries(ev, [r({ minSeverity: 'critical' })], all, bj('10:00')).map((x) => x.channel)).toEqual(['portal']);
    expect(planDeliveries({ ...ev, severity: 'critical' }, [r({ minSeverity: 'critical' })], all, bj('10:00'))).toHaveLength(4);
  });
  it('quiet hours delay non-critical external deliveries, never critical ones', () => {
    const night = bj('23:00');
    const q = r({ quietStart: '22:00', quietEnd: '07:00' });
    const rows = planDeliveries(ev, [q], all, night);
    expect(rows.find((x) => x.channel === 'portal')!.nextAttemptAt).toEqual(night);
    expect(formatBeijing(rows.find((x) => x.channel === 'webhook')!.nextAttemptAt)).toBe('2026-03-02 07:00');
    expect(planDeliveries({ ...ev, severity: 'critical' }, [q], all, night).every((x) => x.nextAttemptAt === night)).toBe(true);
  });
  it('cleared alarms only reach the inbox; duplicate recipients are merged', () => {
    expect(planDeliveries({ ...ev, change: 'cleared' }, [r(), r()], all, bj('10:00')).map((x) => x.channel)).toEqual(['portal']);
  });
});

describe('escalation', () => {
  const site = { id: 'S1', category: 'temple', countyAdcode: 540302 };
  it('levels: site staff → county office → sector regulator → fire', () => {
    expect(audienceForLevel(0, site)).toEqual({ kind: 'site_staff', siteId: 'S1' });
    expect(audienceForLevel(1, site)).toEqual({ kind: 'county', adcode: 540302 });
    expect(audienceForLevel(2, site)).toEqual({ kind: 'departments', role: 'regulator', departmentIds: ['religion'] });
    expect(audienceForLevel(3, site)).toEqual({ kind: 'role', role: 'fire' });
    expect(sectorDepartments('relic')).toEqual(['culture']);
  });
  it('one level per period, capped at 3', () => {
    expect([0, 599, 600, 1250, 99999].map((s) => dueLevel(s * 1000, 600_000))).toEqual([0, 0, 1, 2, 3]);
  });
});

describe('webhook signature', () => {
  it('verifies, rejects tampering and stale timestamps', () => {
    const now = Date.now();
    const sig = signBody('secret-secret-123', now, '{"a":1}');
    expect(verifySignature('secret-secret-123', now, '{"a":1}', sig, now)).toBe(true);
    expect(verifySignature('secret-secret-123', now, '{"a":2}', sig, now)).toBe(false);
    expect(verifySignature('secret-secret-123', now, '{"a":1}', sig, now + 10 * 60_000)).toBe(false);
  });
});

describe('periods and deadlines', () => {
  it('daily digests end at the Beijing hour', () => {
    const p = latestPeriod(bj('09:15'), 8, 0);
    expect([formatBeijing(p.start), formatBeijing(p.end)]).toEqual(['2026-02-28 08:00', '2026-03-01 08:00']);
    expect(formatBeijing(latestPeriod(bj('07:59'), 8, 0).end)).toBe('2026-02-28 08:00');
    expect(latestPeriod(new Date(125_000), 8, 1).end.getTime()).toBe(120_000);
  });
  it('deadline by severity: 24 h / 72 h / 7 d', () => {
    const t = new Date('2026-01-01T00:00:00Z');
    expect(['critical', 'alarm', 'warning'].map((s) => (deadlineFor(s as 'alarm', t).getTime() - t.getTime()) / 3600_000)).toEqual([24, 72, 168]);
    expect(durationZh(200 * 60_000)).toBe('3 小时 20 分');
  });
});
