/**
 * A failing sensor hides a condition; it does not end it (detectors/hidden.ts): the heat alarm of a terminal
 * that climbed and then read its sensor's limit, open circuit or nothing stays open, at 危急, says so, and the
 * sensor fault is raised beside it. A device's own arc_alarm event alarms at once.
 */
import { describe, expect, it } from 'vitest';
import { Engine, type DetectionRecord } from '../../../lib/detection/index.ts';
import { ambientAt, entry, healthy1, stream } from './builders.ts';
import { FIELD_CASES } from './cases-field.ts';

const replay = (name: string) => {
  const c = FIELD_CASES.find((x) => x.name === name)!;
  const e = new Engine(c.registry);
  return c.lines.flatMap((l) => e.ingest(l.topic, l.payload));
};
const last = (rs: DetectionRecord[], type: string) => rs.filter((r) => r.type === type).at(-1);

describe('a heat alarm under a failing sensor', () => {
  it('climbed to 283 °C, then read 300, then open circuit: overtemperature kept at 危急, said so, sensor fault beside it', () => {
    const rs = replay('overtemperature-kept-when-sensor-fails');
    const ot = last(rs, 'overtemperature')!;
    expect(ot.severity).toBe('critical');
    expect(ot.clearedAt).toBeNull();
    expect(ot.reasonZh).toContain('读数丢失前温度持续上升，按起火处置');
    expect(ot.value).toBeGreaterThan(280);
    expect(ot.evidence.values.sensorFailedUnderHeat).toBe(2);
    expect(last(rs, 'sensor_fault')?.clearedAt).toBeNull();
  });
  it('a loose joint in alarm whose reading stops coming keeps its alarm and says the condition is hidden', () => {
    const rs = replay('abnormal-heating-kept-when-field-vanishes');
    const ah = last(rs, 'abnormal_heating')!;
    expect(ah.clearedAt).toBeNull();
    expect(ah.reasonZh).toContain('隐患被遮蔽而非消除');
    expect(rs.some((r) => r.type === 'sensor_fault' && r.reason.includes('missing'))).toBe(true);
  });
  it('the same open circuit on a normal circuit is a sensor fault only', () => {
    expect(replay('sensor-open-on-normal-circuit').map((r) => r.type).filter((t) => t !== 'sensor_fault')).toEqual([]);
  });
});

describe("the device's own GB 14287.4 judgement", () => {
  it('an arc_alarm event opens arc_fault 报警 on that event, whatever the counts say', () => {
    const e = entry({ reportIntervalS: 120 });
    const lines = stream({ e, samples: 30, channel: (t) => ({ ...healthy1(e, t, ambientAt(t)), arc: t.k === 20 ? 18 : 0 }) });
    const ev = { topic: 'esms/v1/SITE-1/DEV-1/event', payload: { v: 1, device: 'DEV-1', seq: 19, ts: (lines[20].payload.ts as number) - 50_000, ch: 1, code: 'arc_alarm', value: 17 } };
    const engine = new Engine([e]);
    const out = [...lines.slice(0, 20), ev, ...lines.slice(20)].flatMap((l) => engine.ingest(l.topic, l.payload));
    const arc = out.find((r) => r.type === 'arc_fault')!;
    expect(arc.severity).toBe('alarm');
    expect(arc.openedAt).toBe(ev.payload.ts);
  });
});
