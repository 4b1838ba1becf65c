import { describe, expect, it } from 'vitest';
import { parseInjectSpec, parseSimArgs, parseStart } from '../../../workers/simulator/config.ts';
import { EventLatch } from '../../../workers/simulator/events.ts';
import { registry } from './fixture.ts';

const env = { SIM_SPEED: 1, REPORT_INTERVAL_S: 60, SEED: 20181, MQTT_PORT: 1884 };

describe('CLI', () => {
  it('takes env defaults and flag overrides', () => {
    const c = parseSimArgs([], env, 1000);
    expect(c).toMatchObject({
      speed: 1,
      intervalS: 60,
      seed: 20181,
      sites: null,
      once: false,
      startMs: 1000,
      mqttUrl: 'mqtt://127.0.0.1:1884',
    });
    const d = parseSimArgs(
      [
        '--speed',
        '60',
        '--interval',
        '5',
        '--sites',
        '3',
        '--inject',
        'KR-1/2:loose_connection:0.5:1000',
        '--inject',
        'KR-2:offline',
        '--dropout-rate',
        '0.05',
        '--duplicates-rate',
        '0.02',
        '--once',
        '--backfill-days',
        '2',
        '--start=-2h',
      ],
      env,
      10_000_000,
    );
    expect(d).toMatchObject({
      speed: 60,
      intervalS: 5,
      sites: 3,
      once: true,
      dropoutRate: 0.05,
      duplicatesRate: 0.02,
      backfillDays: 2,
      startMs: 10_000_000 - 7_200_000,
    });
    expect(d.inject).toEqual([
      { device: 'KR-1', ch: 2, kind: 'loose_connection', severity: 0.5, accelerate: 1000 },
      { device: 'KR-2', ch: undefined, kind: 'offline', severity: 1, accelerate: 1 },
    ]);
  });

  it('rejects bad values with a reason', () => {
    expect(() => parseSimArgs(['--speed', '0'], env)).toThrow(/speed/);
    expect(() => parseInjectSpec('KR-1/3:meltdown')).toThrow(/unknown kind/);
    expect(() => parseInjectSpec('KR-1/17:overload')).toThrow(/channel/);
    expect(() => parseInjectSpec('KR-1/1:overload:2')).toThrow(/severity/);
    expect(() => parseSimArgs(['--bogus'], env)).toThrow();
    expect(parseStart('2026-01-01T00:00:00Z', 0)).toBe(Date.UTC(2026, 0, 1));
    expect(parseStart('-1d', 86_400_000)).toBe(0);
  });
});

describe('device events', () => {
  it('fire once per condition with hysteresis and reuse the sample seq', () => {
    const e = registry(1, 1);
    const latch = new EventLatch('T-S0-D0', 1, e, 60_000);
    const ch = (ir: number, ta: number) => ({ ch: 1, ia: 10, ib: 10, ic: 10, ir, ta, tb: 30, tc: 30, tn: 30, arc: 0 });
    const codes = (k: number, ir: number, ta: number) =>
      latch.check(k, 100 + k, 1000 * k, [ch(ir, ta)]).filter((x) => x.code !== 'self_test');
    expect(codes(1, 20, 30)).toEqual([]);
    const a = codes(2, 320, 30);
    expect(a).toEqual([{ v: 1, device: 'T-S0-D0', seq: 102, ts: 2001, ch: 1, code: 'residual_alarm', value: 320 }]);
    expect(codes(3, 310, 30)).toEqual([]);
    expect(codes(4, 260, 30)).toEqual([]); // re-armed below 270
    expect(codes(5, 305, 75).map((x) => x.code)).toEqual(['residual_alarm', 'temperature_alarm']);
    expect(codes(5, 305, 75)).toEqual([]);
    expect(codes(6, 20, -40).map((x) => x.code)).toEqual(['sensor_fault']);
    expect(codes(7, 20, 300).map((x) => x.code)).toEqual([]); // still the same sensor fault
    expect(codes(8, 20, 30)).toEqual([]);
    expect(codes(9, 20, 300).map((x) => x.code)).toEqual(['sensor_fault']); // shorted sensor, not heat
  });
});
