/**
 * Ground truth of injections in PostGIS (sim_ground_truth, migration 0004). Writes are queued and applied in
 * order off the hot path; a failed write is logged and dropped (the simulator keeps publishing).
 */
import type { Sql } from '../../platform/db.ts';
import { logger } from '../../platform/log.ts';
import type { TruthRecord } from './injector.ts';

const log = logger('simulator.truth');
const ts = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

export class TruthStore {
  private chain: Promise<void> = Promise.resolve();
  constructor(private readonly sql: Sql) {}

  private enqueue(what: string, f: () => Promise<unknown>): void {
    this.chain = this.chain.then(f).then(
      () => undefined,
      (e) => log.warn({ err: (e as Error).message, what }, 'ground truth write failed'),
    );
  }

  record(t: TruthRecord): void {
    this.enqueue(
      'record',
      () => this.sql`
      INSERT INTO sim_ground_truth (id, device_id, ch, kind, class, source, severity, accelerate, onset_at, danger_at, end_at,
        expected_alarm, accept_alarms, pole, field, detail)
      VALUES (${t.id}, ${t.device}, ${t.ch}, ${t.kind}, ${t.class}, ${t.source}, ${t.severity}, ${t.accelerate},
        ${ts(t.onsetMs)}, ${ts(t.dangerMs)}, ${ts(t.endMs)}, ${t.expectedAlarm}, ${t.acceptAlarms}::text[],
        ${t.pole ?? null}, ${t.field ?? null}, ${JSON.stringify(t.detail)}::text::jsonb)
      ON CONFLICT (id) DO NOTHING`,
    );
  }

  cleared(ids: string[], atMs: number): void {
    this.enqueue(
      'cleared',
      () => this.sql`
      UPDATE sim_ground_truth SET cleared_at = ${ts(atMs)},
        end_at = CASE WHEN end_at IS NULL OR end_at > ${ts(atMs)} THEN ${ts(atMs)} ELSE end_at END,
        danger_at = CASE WHEN danger_at > ${ts(atMs)} THEN NULL ELSE danger_at END
      WHERE id = ANY(${ids}::uuid[])`,
    );
  }

  /** wait for queued writes */
  flush(): Promise<void> {
    return this.chain;
  }
}
