/** The ingest worker's settings, taken from the process's validated env (platform/env.ts) once at boot. */
import { env, type Env } from '../../platform/env.ts';

export interface IngestConfig {
  databaseUrl: string;
  mqttUrl: string;
  portalUrl?: string;
  internalToken?: string;
  clientId: string;
  /** the ingest service account's broker credential (MQTT_USERNAME / MQTT_PASSWORD, set by the launcher) */
  mqttUsername?: string;
  mqttPassword?: string;
  protocolVersion: 4 | 5;
  sharedGroup?: string;
  batchMax: number;
  batchWaitMs: number;
  maxBuffer: number;
  maxFutureMs: number;
  maxAgeMs: number;
  quarantinePerMin: number;
  liveIntervalMs: number;
  snapshotMs: number;
  stopTimeoutMs: number;
  rawRetentionDays: number;
  rollupRetentionDays: number;
  detection: boolean;
  /** how often marked minutes of readings_1m are recomputed (INGEST_ROLLUP_1M_MS, default 60 s, so the open
   * minute is recomputed about once before it closes) */
  rollup1mMs: number;
  /** how often marked hours of readings_1h are recomputed (INGEST_ROLLUP_1H_MS, default 60 s) */
  rollup1hMs: number;
  /** concurrent write transactions per batch, devices split among them by a hash of their id
   * (INGEST_WRITE_LANES, 1–8, default 2; pipeline.ts) */
  writeLanes: number;
}

/** Raw samples are kept at least a year and rollups three (the plan's reporting horizon). */
export const MIN_RAW_RETENTION_DAYS = 365;
export const MIN_ROLLUP_RETENTION_DAYS = 1095;

export function ingestConfig(e: Env = env): IngestConfig {
  const problems: string[] = [];
  if (!e.DATABASE_URL) problems.push('DATABASE_URL is not set');
  if (!e.MQTT_URL) problems.push('MQTT_URL is not set');
  if (e.RAW_RETENTION_DAYS < MIN_RAW_RETENTION_DAYS) problems.push(`RAW_RETENTION_DAYS must be ≥ ${MIN_RAW_RETENTION_DAYS}`);
  if (e.ROLLUP_RETENTION_DAYS < MIN_ROLLUP_RETENTION_DAYS) problems.push(`ROLLUP_RETENTION_DAYS must be ≥ ${MIN_ROLLUP_RETENTION_DAYS}`);
  if (problems.length) throw new Error(`invalid ingest configuration: ${problems.join('; ')}`);
  return {
    databaseUrl: e.DATABASE_URL!,
    mqttUrl: e.MQTT_URL!,
    portalUrl: e.PORTAL_URL,
    internalToken: e.INTERNAL_TOKEN,
    clientId: e.INGEST_CLIENT_ID,
    mqttUsername: e.MQTT_USERNAME,
    mqttPassword: e.MQTT_PASSWORD,
    protocolVersion: e.INGEST_MQTT_PROTOCOL as 4 | 5,
    sharedGroup: e.INGEST_SHARED_GROUP,
    batchMax: e.INGEST_BATCH_MAX,
    batchWaitMs: e.INGEST_BATCH_WAIT_MS,
    maxBuffer: e.INGEST_MAX_BUFFER,
    maxFutureMs: e.INGEST_MAX_FUTURE_MS,
    maxAgeMs: e.INGEST_MAX_AGE_DAYS * 86_400_000,
    quarantinePerMin: e.INGEST_QUARANTINE_PER_MIN,
    liveIntervalMs: e.INGEST_LIVE_INTERVAL_MS,
    snapshotMs: e.INGEST_SNAPSHOT_MS,
    stopTimeoutMs: e.INGEST_STOP_TIMEOUT_MS,
    rawRetentionDays: e.RAW_RETENTION_DAYS,
    rollupRetentionDays: e.ROLLUP_RETENTION_DAYS,
    detection: e.INGEST_DETECTION,
    rollup1mMs: e.INGEST_ROLLUP_1M_MS,
    rollup1hMs: e.INGEST_ROLLUP_1H_MS,
    writeLanes: e.INGEST_WRITE_LANES,
  };
}
