/**
 * The core skips duplicate telemetry by (device, seq) as the protocol defines it, so a replay gives the alarms
 * the live worker gave (ingest drops the same messages before storing): a re-stamped redelivery is skipped, a
 * different message with the same seq far apart in time (a rebooted counter) is not.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../lib/detection/index.ts';
import { ambientAt, entry, healthy1, stream } from './builders.ts';

const e = entry();
const lines = stream({ e, samples: 30, channel: (t) => healthy1(e, t, ambientAt(t)) });

describe('engine duplicates by (device, seq)', () => {
  it('a redelivery with a new ts (a gateway re-stamped it) is skipped', () => {
    const engine = new Engine([e]);
    const dup = { topic: lines[10].topic, payload: { ...lines[10].payload, ts: (lines[10].payload.ts as number) + 7000 } };
    for (const l of [...lines.slice(0, 11), dup, ...lines.slice(11)]) engine.ingest(l.topic, l.payload);
    expect(engine.stats.duplicates).toBe(1);
    expect(engine.stats.channelSamples).toBe(30);
  });
  it('a counter restarted by a reboot an hour later is followed, not taken for duplicates', () => {
    const engine = new Engine([e]);
    const later = stream({ e, samples: 10, start: (lines[29].payload.ts as number) + 3_600_000, seed: 5, channel: (t) => healthy1(e, t, ambientAt(t)) });
    for (const l of [...lines, ...later]) engine.ingest(l.topic, l.payload);
    expect(engine.stats.duplicates).toBe(0);
    expect(engine.stats.channelSamples).toBe(40);
  });
});
