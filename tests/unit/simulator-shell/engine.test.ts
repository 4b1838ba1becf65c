import { describe, expect, it } from 'vitest';
import { deviceEventSchema, statusSchema, telemetrySchema, type Telemetry } from '../../../lib/protocol/v1.ts';
import { simControlSchema } from '../../../lib/events/sim-control.ts';
import { SimClock } from '../../../workers/simulator/clock.ts';
import { Engine } from '../../../workers/simulator/engine.ts';
import { buildSpecs } from '../../../workers/simulator/fleet.ts';
import type { OutMsg } from '../../../workers/simulator/live.ts';
import type { Sink } from '../../../workers/simulator/publisher.ts';
import type { TruthRecord } from '../../../workers/simulator/injector.ts';
import { registry } from './fixture.ts';

const START = Date.UTC(2026, 10, 20, 4, 0, 0); // 12:00 Beijing time: loads are up

class FakeSink implements Sink {
  msgs: OutMsg[] = [];
  backlogged = false;
  publish(m: OutMsg) {
    this.msgs.push(m);
  }
  ready() {
    return Promise.resolve();
  }
  of(kind: string) {
    return this.msgs.filter((m) => m.topic.endsWith(`/${kind}`));
  }
}

function setup(o: { devices?: number; dup?: number; drop?: number; speed?: number } = {}) {
  let wall = 0;
  const fleet = buildSpecs(registry(o.devices ?? 6), new Map(), {
    seed: 11,
    intervalS: 60,
    duplicatesRate: o.dup ?? 0,
    dropoutRate: o.drop ?? 0,
  });
  const clock = new SimClock(START, o.speed ?? 1, () => wall);
  const sink = new FakeSink();
  const truths: TruthRecord[] = [];
  const cleared: string[] = [];
  const engine = new Engine(fleet, clock, sink, START, { onTruth: (t) => truths.push(t), onCleared: (ids) => cleared.push(...ids) });
  const advance = (ms: number) => {
    wall += ms;
    engine.drainUntil(clock.now());
  };
  return { engine, sink, clock, truths, cleared, advance, fleet };
}

const tel = (m: OutMsg) => JSON.parse(m.payload) as Telemetry;
const uuid = () => crypto.randomUUID();

describe('engine publishing', () => {
  it('announces retained online statuses, then valid telemetry with seq +1 per message on the device topics', () => {
    const { engine, sink, advance, fleet } = setup();
    engine.announce();
    expect(sink.of('status')).toHaveLength(fleet.length);
    for (const s of sink.of('status')) {
      expect(s.retain).toBe(true);
      const st = statusSchema.parse(JSON.parse(s.payload));
      expect(st.online).toBe(true);
      expect(st.fw).toBeTruthy();
    }
    advance(5 * 60_000);
    const msgs = sink.of('telemetry');
    expect(msgs.length).toBe(5 * fleet.length);
    const last = new Map<string, number>();
    for (const m of msgs) {
      const t = telemetrySchema.parse(tel(m));
      const spec = fleet.find((f) => f.spec.device === t.device)!.spec;
      expect(m.topic).toBe(`esms/v1/${spec.site}/${spec.device}/telemetry`);
      expect(t.ts).toBeGreaterThanOrEqual(START);
      const prev = last.get(t.device);
      if (prev !== undefined) expect(t.seq).toBe((prev + 1) % 2 ** 32);
      last.set(t.device, t.seq);
    }
    for (const m of sink.of('event')) deviceEventSchema.parse(JSON.parse(m.payload));
  });

  it('publishes duplicates twice and skips lost messages (seq keeps counting)', () => {
    const { sink, advance } = setup({ devices: 4, dup: 0.3, drop: 0.3 });
    advance(60 * 60_000);
    const msgs = sink.of('telemetry').map(tel);
    const byDev = new Map<string, (typeof msgs)[number][]>();
    for (const t of msgs) byDev.set(t.device, [...(byDev.get(t.device) ?? []), t]);
    let dups = 0;
    let gaps = 0;
    for (const list of byDev.values()) {
      for (let i = 1; i < list.length; i++) {
        const d = (list[i].seq - list[i - 1].seq + 2 ** 32) % 2 ** 32;
        if (d === 0) {
          dups++;
          // a duplicate is the same message again, not a new sample that reused the seq
          expect(list[i]).toEqual(list[i - 1]);
        } else if (d > 1) gaps += d - 1;
        expect(d).toBeLessThan(20);
      }
    }
    expect(dups).toBeGreaterThan(5);
    expect(gaps).toBeGreaterThan(20);
  });

  it('runs speed× faster: 1 wall minute at speed 60 is an hour of samples', () => {
    const { sink, advance } = setup({ devices: 3, speed: 60 });
    advance(60_000);
    expect(sink.of('telemetry')).toHaveLength(3 * 60);
  });

  it('retire() publishes retained online:false for every device', () => {
    const { engine, sink, fleet } = setup();
    engine.retire();
    const st = sink.of('status').map((m) => statusSchema.parse(JSON.parse(m.payload)));
    expect(st).toHaveLength(fleet.length);
    expect(st.every((s) => s.online === false)).toBe(true);
  });
});

describe('control', () => {
  it('validates control messages', () => {
    expect(simControlSchema.safeParse({ v: 1, op: 'inject', id: uuid(), device: 'A-1', ch: 1, kind: 'loose_connection' }).success).toBe(
      true,
    );
    expect(simControlSchema.safeParse({ v: 1, op: 'inject', id: uuid(), device: 'A 1', kind: 'loose_connection' }).success).toBe(false);
    expect(simControlSchema.safeParse({ v: 1, op: 'inject', id: uuid(), device: 'A', kind: 'meltdown' }).success).toBe(false);
    expect(simControlSchema.safeParse({ v: 1, op: 'speed', id: uuid(), speed: 0 }).success).toBe(false);
  });

  it('inject: records ground truth and the accelerated fault heats that terminal far above its siblings', () => {
    const { engine, sink, truths, advance, fleet } = setup({ devices: 2 });
    advance(10 * 60_000);
    const dev = fleet[0].spec.device;
    engine.control(
      simControlSchema.parse({
        v: 1,
        op: 'inject',
        id: uuid(),
        device: dev,
        ch: 1,
        kind: 'loose_connection',
        severity: 1,
        accelerate: 500,
      }),
    );
    expect(truths).toHaveLength(1);
    const t = truths[0];
    expect(t).toMatchObject({ device: dev, ch: 1, kind: 'loose_connection', class: 'fault', expectedAlarm: 'abnormal_heating' });
    expect(t.dangerMs).not.toBeNull();
    expect(t.dangerMs! - t.onsetMs).toBeLessThan(2 * 3_600_000);
    advance(t.dangerMs! - t.onsetMs + 10 * 60_000);
    const last = sink
      .of('telemetry')
      .map(tel)
      .filter((x) => x.device === dev)
      .at(-1)!;
    const c = last.channels.find((x) => x.ch === 1)!;
    const temps = [c.ta, c.tb, c.tc].filter((x): x is number => x !== undefined);
    const hot = t.pole === 'a' ? c.ta! : t.pole === 'b' ? c.tb! : c.tc!;
    expect(hot).toBeGreaterThanOrEqual(70);
    expect(hot - Math.min(...temps)).toBeGreaterThan(30);
    expect(sink.of('event').some((m) => JSON.parse(m.payload).code === 'temperature_alarm')).toBe(true);
  });

  it('clear ends injections now; offline publishes the will payload and online again after', () => {
    const { engine, sink, truths, cleared, advance, fleet } = setup({ devices: 2 });
    advance(60_000);
    const dev = fleet[1].spec.device;
    const id = uuid();
    engine.control(simControlSchema.parse({ v: 1, op: 'inject', id, device: dev, kind: 'offline', durationS: 600 }));
    expect(truths[0]).toMatchObject({ kind: 'offline', ch: null, expectedAlarm: 'device_offline' });
    expect(truths[0].detail.messages).toBe(10);
    sink.msgs.length = 0;
    advance(15 * 60_000);
    const st = sink
      .of('status')
      .filter((m) => m.topic.includes(dev))
      .map((m) => JSON.parse(m.payload));
    expect(st).toEqual([{ v: 1, online: false }, expect.objectContaining({ v: 1, online: true })]);
    expect(
      sink
        .of('telemetry')
        .map(tel)
        .filter((x) => x.device === dev),
    ).toHaveLength(5);
    // clear of something running
    engine.control(simControlSchema.parse({ v: 1, op: 'inject', id: uuid(), device: dev, ch: 2, kind: 'drift', accelerate: 10 }));
    engine.control({ v: 1, op: 'clear', id: uuid(), device: dev, ch: 2 });
    expect(cleared).toHaveLength(1);
    engine.control({ v: 1, op: 'clear', id: uuid(), device: dev });
    expect(cleared).toHaveLength(1); // nothing else active
  });

  it('speed changes the clock live; unknown devices and impossible injections are ignored', () => {
    const { engine, clock, truths } = setup({ devices: 2 });
    engine.control({ v: 1, op: 'speed', id: uuid(), speed: 120 });
    expect(clock.speed).toBe(120);
    engine.control(simControlSchema.parse({ v: 1, op: 'inject', id: uuid(), device: 'NOPE', ch: 1, kind: 'overload' }));
    engine.control(simControlSchema.parse({ v: 1, op: 'inject', id: uuid(), device: engine.devices[0].id, ch: 2, kind: 'neutral_fault' }));
    expect(truths).toHaveLength(0);
  });
});
