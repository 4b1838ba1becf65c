/**
 * Integration tests run against real parts started here, once per run: a throwaway project-local PostGIS
 * cluster (migrated), a private Mosquitto and the embedded aedes broker. URLs reach tests through inject().
 */
import type { TestProject } from 'vitest/node';
import getPort from 'get-port';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalPostgres, destroyLocalPostgres } from '../../platform/infra/pg-local.ts';
import { startMosquitto } from '../../platform/infra/mosquitto.ts';
import { startEmbeddedBroker } from '../../platform/infra/embedded-broker.ts';
import { createSql } from '../../platform/db.ts';
import { runMigrations } from '../../db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dbUrl: string;
    pgDataDir: string;
    pgPort: number;
    mosquittoUrl: string;
    mosquittoDir: string;
    embeddedMqttUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'esms-it-'));
  chmodSync(tmp, 0o755); // the cluster runs as the postgres user
  const pgPort = await getPort();
  const pg = startLocalPostgres({ dataDir: path.join(tmp, 'pg'), port: pgPort });
  const sql = createSql(pg.url, { max: 2 });
  await runMigrations(sql);
  await sql.end();
  const mosq = await startMosquitto({ port: await getPort(), dir: path.join(tmp, 'mosquitto') });
  const aedes = await startEmbeddedBroker(await getPort());

  project.provide('dbUrl', pg.url);
  project.provide('pgDataDir', pg.dataDir);
  project.provide('pgPort', pgPort);
  project.provide('mosquittoUrl', mosq.url);
  project.provide('mosquittoDir', path.join(tmp, 'mosquitto'));
  project.provide('embeddedMqttUrl', `mqtt://127.0.0.1:${aedes.port}`);

  return async () => {
    await aedes.close();
    await mosq.stop();
    destroyLocalPostgres(pg);
    rmSync(tmp, { recursive: true, force: true });
  };
}
