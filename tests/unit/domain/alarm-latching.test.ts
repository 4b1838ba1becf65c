/** Latching in replay (docs/telemetry-v1.md alarm record): 报警/危急 hazards gain recoveredAt, never clearedAt. */
import { describe, expect, it } from 'vitest';
import type { AlarmRecord } from '../../../lib/protocol/v1.ts';
import { Latch, latches } from '../../../lib/domain/alarm-latching.ts';

const rec = (o: Partial<AlarmRecord & { reasonZh: string }>): AlarmRecord & { reasonZh: string } => ({
  device: 'D1', ch: 1, type: 'overtemperature', severity: 'alarm', openedAt: 1000, clearedAt: null, value: 80, threshold: 70,
  reason: 'hot', reasonZh: '超温', ...o,
});

describe('latching rule', () => {
  it('holds hazards of 报警/危急, lets warnings and equipment faults clear', () => {
    expect(latches('overtemperature', 'alarm')).toBe(true);
    expect(latches('arc_fault', 'critical')).toBe(true);
    expect(latches('overload', 'warning')).toBe(false);
    expect(latches('sensor_fault', 'alarm')).toBe(false);
    expect(latches('device_offline', 'critical')).toBe(false);
  });
});

describe('Latch', () => {
  it('turns the clear of an alarm into recoveredAt and keeps it active', () => {
    const l = new Latch();
    expect(l.apply(rec({}))).toEqual(rec({}));
    const r = l.apply(rec({ clearedAt: 5000, reason: 'cleared; it was: hot', reasonZh: '已恢复；此前：超温' }));
    expect(r).toMatchObject({ openedAt: 1000, clearedAt: null, recoveredAt: 5000, severity: 'alarm' });
    expect(r.reason).toBe('recovered, awaiting reset; it was: hot');
    expect(r.reasonZh).toBe('已恢复待复位；此前：超温');
  });

  it('a warning clears itself; escalated to alarm it latches', () => {
    const l = new Latch();
    l.apply(rec({ severity: 'warning' }));
    expect(l.apply(rec({ severity: 'warning', clearedAt: 2000 }))).toMatchObject({ clearedAt: 2000 });
    l.apply(rec({ openedAt: 3000, severity: 'warning' }));
    l.apply(rec({ openedAt: 3000, severity: 'alarm' }));
    expect(l.apply(rec({ openedAt: 3000, severity: 'alarm', clearedAt: 4000 }))).toMatchObject({ clearedAt: null, recoveredAt: 4000 });
  });

  it('a condition that returns before a reset is the same alarm again, never milder', () => {
    const l = new Latch();
    l.apply(rec({ severity: 'critical' }));
    l.apply(rec({ severity: 'critical', clearedAt: 2000 }));
    const again = l.apply(rec({ openedAt: 9000, severity: 'warning' }));
    expect(again).toMatchObject({ openedAt: 1000, severity: 'critical', recoveredAt: null, clearedAt: null });
  });

  it('sensor faults and offline devices clear themselves', () => {
    const l = new Latch();
    l.apply(rec({ type: 'sensor_fault', severity: 'alarm' }));
    expect(l.apply(rec({ type: 'sensor_fault', severity: 'alarm', clearedAt: 2000 }))).toMatchObject({ clearedAt: 2000 });
    expect(l.apply(rec({ type: 'device_offline', ch: undefined, clearedAt: 3000 }))).toMatchObject({ clearedAt: 3000 });
  });

  it('after a reset a new occurrence is a new alarm', () => {
    const l = new Latch();
    l.apply(rec({}));
    l.apply(rec({ clearedAt: 2000 }));
    l.reset('D1', 1, 'overtemperature');
    expect(l.apply(rec({ openedAt: 7000 }))).toMatchObject({ openedAt: 7000 });
  });
});
