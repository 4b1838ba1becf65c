/**
 * The detection stage of the ingest worker: the pure core (workers/detection/core) behind a small interface,
 * fed every newly stored telemetry/status/event message in arrival order. Its state is snapshotted into
 * detection_state (one row per circuit + one engine row) periodically and on stop, and restored on start.
 */
import type { Sql } from '../../db/client.ts';
import type { RegistryEntry } from '../../lib/protocol/v1.ts';
import { Engine, type DetectionRecord, type EngineSnapshot } from '../detection/core/index.ts';

export type { DetectionRecord };

export interface DetectStage {
  ingest(topic: string, payload: unknown): readonly DetectionRecord[];
  /** move the sample clock during silence (device_offline) */
  advance(ts: number): readonly DetectionRecord[];
  /** the registry changed (devices commissioned): keep state, add circuits */
  setRegistry(entries: RegistryEntry[]): void;
  save(sql: Sql): Promise<number>;
  load(sql: Sql): Promise<number>;
}

const ENGINE_ROW = '*engine';

export class EngineStage implements DetectStage {
  private engine: Engine;
  constructor(entries: RegistryEntry[]) {
    this.engine = new Engine(entries);
  }
  ingest(topic: string, payload: unknown) {
    return this.engine.ingest(topic, payload);
  }
  advance(ts: number) {
    return this.engine.advance(ts);
  }
  setRegistry(entries: RegistryEntry[]) {
    const snap = this.engine.snapshot();
    this.engine = new Engine(entries);
    this.engine.restore(snap);
  }

  async save(sql: Sql): Promise<number> {
    const snap = this.engine.snapshot();
    const devs: string[] = [ENGINE_ROW];
    const chs: number[] = [0];
    const states: string[] = [JSON.stringify({ clock: snap.clock, offline: snap.offline, stats: snap.stats })];
    for (const [key, arr] of Object.entries(snap.circuits)) {
      const slash = key.lastIndexOf('/');
      devs.push(key.slice(0, slash));
      chs.push(Number(key.slice(slash + 1)));
      states.push(JSON.stringify(arr));
    }
    const clock = Math.round(snap.clock) || 0;
    // chunks keep each statement's parameter arrays reasonable on big fleets
    for (let i = 0; i < devs.length; i += 5000) {
      await sql`
        INSERT INTO detection_state (device_id, ch, state, sample_ts)
        SELECT d, c, s::jsonb, ${clock} FROM unnest(${devs.slice(i, i + 5000)}::text[], ${chs.slice(i, i + 5000)}::int[],
          ${states.slice(i, i + 5000)}::text[]) AS x(d, c, s)
        ON CONFLICT (device_id, ch) DO UPDATE SET state = excluded.state, sample_ts = excluded.sample_ts`;
    }
    return devs.length;
  }

  async load(sql: Sql): Promise<number> {
    const rows = await sql<{ device_id: string; ch: number; state: unknown }[]>`SELECT device_id, ch, state FROM detection_state`;
    const head = rows.find((r) => r.device_id === ENGINE_ROW);
    if (!head) return 0;
    const h = head.state as Pick<EngineSnapshot, 'clock' | 'offline' | 'stats'>;
    const circuits: EngineSnapshot['circuits'] = {};
    for (const r of rows) if (r.device_id !== ENGINE_ROW) circuits[`${r.device_id}/${r.ch}`] = r.state as (number | null)[];
    this.engine.restore({ v: 1, clock: h.clock, offline: h.offline, stats: h.stats, circuits });
    return rows.length - 1;
  }
}

/** Stand-in when detection is switched off (benchmarks of the ingest path alone). */
export class NoDetect implements DetectStage {
  ingest() {
    return [];
  }
  advance() {
    return [];
  }
  setRegistry() {}
  async save() {
    return 0;
  }
  async load() {
    return 0;
  }
}
