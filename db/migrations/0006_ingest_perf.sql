-- 0006_ingest_perf: rollups leave the ingest batch. Each batch marks the minutes it stored readings for (in the
-- same transaction as the readings), and the ingest worker recomputes the marked minutes of readings_1m from
-- readings, which marks their hours, and the marked hours of readings_1h from readings_1m, on timers
-- (workers/ingest/rollups.ts). `ver` moves on every mark, so a bucket re-marked while a recompute was running
-- stays marked (the recompute deletes only the version it read). Existing rollups are complete (they were merged
-- per batch until now): nothing needs marking.
CREATE TABLE readings_1m_dirty (
  bucket timestamptz PRIMARY KEY,
  ver bigint NOT NULL DEFAULT 1,
  marked_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE readings_1h_dirty (
  bucket timestamptz PRIMARY KEY,
  ver bigint NOT NULL DEFAULT 1,
  marked_at timestamptz NOT NULL DEFAULT now()
);
