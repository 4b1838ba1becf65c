/**
 * The detection stage of the ingest worker: the pure core (lib/detection) behind a small interface,
 * fed every newly stored telemetry/status/event message in arrival order. Its state is snapshotted into
 * detection_state (one row per circuit + one engine row) periodically and on stop, and restored on start.
 * Profile overrides (site and circuit layers, server/profiles) are followed from the database; a change updates
 * the Engine in place (Engine.update: only changed circuits are rebuilt, each keeping its state), exactly like a
 * registry change.
 */
import type { Sql } from '../../platform/db.ts';
import type { RegistryEntry } from '../../lib/protocol/v1.ts';
import { logger } from '../../platform/log.ts';
import { Engine, type DetectionRecord, type EngineSnapshot, type Overrides } from '../../lib/detection/index.ts';
import { followOverrides, usableOverrides, type OverridesFollower } from './profile-overrides.ts';

export type { DetectionRecord };

export interface DetectStage {
  ingest(topic: string, payload: unknown): readonly DetectionRecord[];
  /** move the sample clock during silence (device_offline) */
  advance(ts: number): readonly DetectionRecord[];
  /** the registry changed (devices commissioned): keep state, add circuits */
  setRegistry(entries: RegistryEntry[]): void;
  /** the profile overrides changed: keep state, judge with the new thresholds */
  setOverrides(o: Overrides): void;
  /** load the overrides and follow their changes; each is applied through `exclusive` (between batches) */
  followOverrides(sql: Sql, exclusive: (fn: () => Promise<void>) => Promise<void>): Promise<void>;
  /** stop following (before the pool closes) */
  close(): Promise<void>;
  save(sql: Sql): Promise<number>;
  load(sql: Sql): Promise<number>;
}

const ENGINE_ROW = '*engine';
const log = logger('ingest.detect');
/**
 * Content signature of a registry: the periodic reload must not rebuild the engine (seconds on a full fleet) for
 * nothing. Order-free (the registry query has no ORDER BY and an updated row may move): two 32-bit string hashes
 * per entry, summed, plus the count.
 */
function signature(entries: readonly RegistryEntry[]): string {
  let a = 0;
  let b = 0;
  for (const e of entries) {
    const s = JSON.stringify(e);
    let h1 = 0x811c9dc5;
    let h2 = 5381;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = (Math.imul(h2, 33) + c) | 0;
    }
    a = (a + (h1 >>> 0)) % 0x100000000;
    b = (b + (h2 >>> 0)) % 0x100000000;
  }
  return `${entries.length}:${a}:${b}`;
}
const layers = (o: Overrides) => Object.keys(o.sites ?? {}).length + Object.keys(o.circuits ?? {}).length;

export class EngineStage implements DetectStage {
  private engine: Engine;
  private entries: RegistryEntry[];
  private entriesSig: string;
  private overrides: Overrides = {};
  private follower: OverridesFollower | null = null;
  /** how often the overrides were applied, how many layers the last application dropped, and what it cost */
  readonly profileStats = { applied: 0, dropped: 0, rebuildMs: 0 };

  constructor(entries: RegistryEntry[], overrides: Overrides = {}) {
    this.entries = entries;
    this.entriesSig = signature(entries);
    this.overrides = overrides;
    this.engine = new Engine(entries, this.usable());
  }

  /** The overrides that apply (layers that fail a circuit are left out and logged). */
  private usable(): Overrides {
    const { overrides, dropped } = usableOverrides(this.entries, this.overrides);
    this.profileStats.dropped = dropped.length;
    if (dropped.length) log.warn({ dropped: dropped.slice(0, 20), n: dropped.length }, 'profile overrides not applicable to some circuits: left out');
    return overrides;
  }

  /** Only the circuits whose entry or resolved profile changed are rebuilt (around their state): no ingest stall. */
  private rebuild() {
    const t = performance.now();
    const st = this.engine.update(this.entries, this.usable());
    log.info({ ...st, ms: Math.round(performance.now() - t) }, 'detection engine updated');
  }
  ingest(topic: string, payload: unknown) {
    return this.engine.ingest(topic, payload);
  }
  advance(ts: number) {
    return this.engine.advance(ts);
  }
  setRegistry(entries: RegistryEntry[]) {
    const sig = signature(entries);
    if (sig === this.entriesSig) return;
    this.entries = entries;
    this.entriesSig = sig;
    this.rebuild();
  }
  setOverrides(o: Overrides) {
    const t = performance.now();
    this.overrides = o;
    this.rebuild();
    this.profileStats.applied++;
    this.profileStats.rebuildMs = Math.round(performance.now() - t);
    log.info({ layers: layers(o), ...this.profileStats }, 'profile overrides applied');
  }
  async followOverrides(sql: Sql, exclusive: (fn: () => Promise<void>) => Promise<void>) {
    this.follower = await followOverrides(sql, (o) => exclusive(async () => this.setOverrides(o)));
    const o = this.follower.current;
    // no rebuild at start when there is nothing to apply (the common case; rebuilding a big fleet takes a moment)
    if (layers(o) + layers(this.overrides) > 0) this.setOverrides(o);
  }
  async close() {
    await this.follower?.stop();
    this.follower = null;
  }

  async save(sql: Sql): Promise<number> {
    // part by part, each taken and encoded just before its statement: the whole city's state is tens of MB of
    // JSON, and building it in one go held the event loop (and so the broker's keepalive) for seconds. The
    // caller holds the pipeline (runExclusive), so the parts describe one moment.
    let n = 0;
    let first = true;
    for (const part of this.engine.snapshotParts(2000)) {
      const devs: string[] = [];
      const chs: number[] = [];
      const states: string[] = [];
      if (first) {
        devs.push(ENGINE_ROW);
        chs.push(0);
        states.push(JSON.stringify({ clock: part.clock, offline: part.offline, stats: part.stats }));
        first = false;
      }
      for (const [key, arr] of Object.entries(part.circuits)) {
        const slash = key.lastIndexOf('/');
        devs.push(key.slice(0, slash));
        chs.push(Number(key.slice(slash + 1)));
        states.push(JSON.stringify(arr));
      }
      await sql`
        INSERT INTO detection_state (device_id, ch, state, sample_ts)
        SELECT d, c, s::jsonb, ${Math.round(part.clock) || 0} FROM unnest(${devs}::text[], ${chs}::int[], ${states}::text[]) AS x(d, c, s)
        ON CONFLICT (device_id, ch) DO UPDATE SET state = excluded.state, sample_ts = excluded.sample_ts`;
      n += devs.length;
    }
    return n;
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
  setOverrides() {}
  async followOverrides() {}
  async close() {}
  async save() {
    return 0;
  }
  async load() {
    return 0;
  }
}
