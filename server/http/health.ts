/** GET /api/health (no login): every part of the system, and 503 when any is down. */
import type { MqttClient } from 'mqtt';
import type { Sql } from '../../platform/db.ts';
import type { WorkerBeat } from '../realtime/gateway.ts';

export interface HealthDeps {
  sql: Sql;
  mqtt: MqttClient;
  workers: Map<string, WorkerBeat>;
  expectedWorkers: string[];
  version: string;
}

export async function health(d: HealthDeps) {
  let db: 'ok' | 'down' = 'down';
  try {
    await Promise.race([d.sql`SELECT 1`, new Promise((_, rej) => setTimeout(() => rej(new Error('timeout')), 2000))]);
    db = 'ok';
  } catch {}
  const broker = d.mqtt.connected ? 'ok' : 'down';
  const now = Date.now();
  const workers: Record<string, string> = {};
  for (const name of d.expectedWorkers) {
    const w = d.workers.get(name);
    workers[name] = w?.connected && now - w.lastSeen < 30_000 ? 'ok' : 'down';
  }
  const ok = db === 'ok' && broker === 'ok' && Object.values(workers).every((s) => s === 'ok');
  return { status: ok ? 'ok' : 'degraded', db, broker, workers, version: d.version, time: new Date(now).toISOString() } as const;
}
