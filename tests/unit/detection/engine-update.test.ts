/**
 * Engine.update(): a registry or overrides change applied in place. Untouched circuits keep their state (an open
 * alarm stays open and is not raised again), a changed profile takes effect on the circuit's carried-over state
 * (the same as snapshot → new Engine → restore), new circuits start fresh and removed ones are gone.
 */
import { describe, expect, it } from 'vitest';
import { Engine, type Overrides } from '../../../lib/detection/index.ts';
import { CASES } from './cases.ts';
import { entry } from './builders.ts';

type Line = { topic: string; payload: unknown };
const run = (engine: Engine, lines: Line[]) => lines.flatMap((l) => engine.ingest(l.topic, l.payload));
const caseOf = (name: string) => CASES.find((c) => c.name === name)!;
const circuitKeys = (e: Engine) => Object.keys(e.snapshot().circuits).sort();

describe('Engine.update', () => {
  it('keeps the state of untouched circuits: an open alarm stays open and is not raised again', () => {
    const c = caseOf('overload-escalates-and-clears');
    const whole = run(new Engine(c.registry), c.lines);
    // cut while the overload is open (just after its first record, before it clears)
    const probe = new Engine(c.registry);
    const cut = c.lines.findIndex((l) => probe.ingest(l.topic, l.payload).some((r) => r.type === 'overload')) + 2;
    const gone = entry({ device: 'DEV-GONE', ch: 2 });
    const engine = new Engine([...c.registry, gone]);
    const first = run(engine, c.lines.slice(0, cut));
    expect(first.some((r) => r.type === 'overload' && r.clearedAt === null)).toBe(true);

    const added = entry({ device: 'DEV-NEW', ch: 3 });
    expect(engine.update([...c.registry, added])).toEqual({ kept: 1, rebuilt: 0, added: 1, removed: 1 });
    expect(circuitKeys(engine)).toEqual(['DEV-1/1', 'DEV-NEW/3']);
    const rest = run(engine, c.lines.slice(cut)).filter((r) => r.device === 'DEV-1');
    // identical to the uninterrupted run: no second opening, the same escalation and clearing
    expect([...first.filter((r) => r.device === 'DEV-1'), ...rest]).toEqual(whole);
  });

  it('a changed profile takes effect on the carried-over state, like snapshot → new Engine → restore', () => {
    const c = caseOf('residual-290mA-silent');
    const cut = 100;
    const key = `${c.registry[0].device}/${c.registry[0].ch}`;
    const strict: Overrides = { circuits: { [key]: { residualSetMa: 250 } } };

    const engine = new Engine(c.registry);
    const first = run(engine, c.lines.slice(0, cut));
    expect(first).toEqual([]);
    const snap = JSON.parse(JSON.stringify(engine.snapshot())) as ReturnType<Engine['snapshot']>;
    expect(engine.update(c.registry, strict)).toEqual({ kept: 0, rebuilt: 1, added: 0, removed: 0 });
    const rest = run(engine, c.lines.slice(cut));

    const reference = new Engine(c.registry, strict);
    reference.restore(snap);
    expect(rest).toEqual(run(reference, c.lines.slice(cut)));
    // the stricter set point (250 mA under a 280–290 mA leakage) now alarms
    expect(rest.some((r) => r.type === 'residual_current' && r.threshold === 250)).toBe(true);

    // and the same overrides again change nothing
    expect(engine.update(c.registry, strict)).toEqual({ kept: 1, rebuilt: 0, added: 0, removed: 0 });
  });

  it('an unchanged registry keeps every circuit; a removed device stops being judged offline', () => {
    const c = caseOf('offline-and-back');
    const engine = new Engine(c.registry);
    run(engine, c.lines.slice(0, 10));
    expect(engine.update(c.registry)).toEqual({ kept: 2, rebuilt: 0, added: 0, removed: 0 });
    expect(engine.update(c.registry.filter((e) => e.device !== 'DEV-2'))).toEqual({ kept: 1, rebuilt: 0, added: 0, removed: 1 });
    expect(circuitKeys(engine)).toEqual(['DEV-1/1']);
    const later = run(engine, c.lines.slice(10));
    expect(later.every((r) => r.device !== 'DEV-2')).toBe(true);
  });
});
