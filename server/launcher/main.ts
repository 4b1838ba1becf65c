/**
 * `npm start`: the whole system on embedded defaults. PostGIS cluster (project-local unless DATABASE_URL),
 * migrations, first-run seed, MQTT broker (embedded unless MQTT_URL), portal, ingest+detection, simulator.
 * Ctrl-C stops everything in reverse order, the database last.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { env } from '../../platform/env.ts';
import { startLocalPostgres, type LocalPg } from '../../platform/infra/pg-local.ts';
import { createSql } from '../../platform/db.ts';
import { runMigrations } from '../../db/migrate.ts';
import { seedDatabase } from '../../db/seed/index.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../db/seed/demo-accounts.ts';
import { ROLE_INFO } from '../../lib/domain/vocabulary/index.ts';
import { Supervisor } from './supervisor.ts';
import { serviceCredential } from '../../platform/mqtt-auth/services.ts';
import { SIM_GATEWAY } from '../../platform/mqtt-auth/acl.ts';

const root = path.resolve(new URL('../../', import.meta.url).pathname);
const t0 = Date.now();
const say = (m: string) => console.log(`\x1b[1m▸\x1b[0m ${m}`);

async function main() {
  let pg: LocalPg | null = null;
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    say(`starting project-local PostGIS cluster (${path.join(env.DATA_DIR, 'pg')}, port ${env.PG_PORT})`);
    pg = startLocalPostgres({ dataDir: path.resolve(root, env.DATA_DIR, 'pg'), port: env.PG_PORT });
    databaseUrl = pg.url;
  }
  const sql = createSql(databaseUrl, { max: 4, app: 'esms-launcher' });
  await runMigrations(sql);
  const seeded = await seedDatabase(sql, { seed: env.SEED, sites: env.SEED_SITES });
  say(seeded.skipped ? 'database already seeded: reusing its data' : `seeded Changdu: ${JSON.stringify(seeded)}`);
  // the simulated fleet's gateway credential exists only while the simulator runs (it re-issues it at start)
  if (!env.SIMULATOR) await sql`UPDATE mqtt_credentials SET revoked_at = now() WHERE username = ${`gw.${SIM_GATEWAY}`} AND revoked_at IS NULL`;
  await sql.end();

  const sup = new Supervisor(path.resolve(root, env.DATA_DIR, 'logs'));
  const internalToken = env.INTERNAL_TOKEN ?? randomBytes(24).toString('base64url');
  const mqttUrl = env.MQTT_URL ?? `mqtt://127.0.0.1:${env.MQTT_PORT}`;
  const workers = ['ingest', 'notify', ...(env.SIMULATOR ? ['simulator'] : [])];
  const common = {
    DATABASE_URL: databaseUrl,
    MQTT_URL: mqttUrl,
    INTERNAL_TOKEN: internalToken,
    PORTAL_URL: `http://127.0.0.1:${env.PORT}`,
    EXPECTED_WORKERS: workers.join(','),
  };
  // broker passwords of the service accounts derive from this key; only the broker side gets the key itself,
  // each other process its own account (platform/mqtt-auth/services.ts)
  const serviceKey = env.MQTT_SERVICE_KEY ?? randomBytes(32).toString('base64url');
  const brokerEnv = { ...common, MQTT_SERVICE_KEY: serviceKey };
  const as = (role: 'ingest' | 'portal' | 'simctl') => {
    const c = serviceCredential(serviceKey, role);
    return { ...common, MQTT_USERNAME: c.username, MQTT_PASSWORD: c.password };
  };

  let shuttingDown = false;
  const shutdown = async (why: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    say(`stopping (${why}) …`);
    await sup.stopAll();
    if (pg) {
      say('stopping PostGIS cluster');
      pg.stop();
    }
    say('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => shutdown('Ctrl-C'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  try {
    if (!env.MQTT_URL) await sup.start({ name: 'broker', entry: 'workers/broker/main.ts', env: brokerEnv, waitReady: true });
    else if (env.MOSQUITTO_AUTH_DIR) await sup.start({ name: 'mosquitto-sync', entry: 'workers/broker/mosquitto-sync.ts', env: brokerEnv, waitReady: true });
    await sup.start({ name: 'portal', entry: 'server/http/main.ts', env: as('portal'), waitReady: true, readyTimeoutMs: 180_000 });
    await sup.start({ name: 'ingest', entry: 'workers/ingest/main.ts', env: as('ingest'), waitReady: true });
    await sup.start({ name: 'notify', entry: 'workers/notify/main.ts', env: common, waitReady: true });
    await sup.start({ name: 'reports', entry: 'server/reports/scheduler-main.ts', env: common, waitReady: true });
    if (env.SIMULATOR) await sup.start({ name: 'simulator', entry: 'workers/simulator/main.ts', env: as('simctl'), waitReady: true });
  } catch (e) {
    console.error(e);
    await shutdown('start failed');
    return;
  }

  const url = `http://${env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST}:${env.PORT}`;
  console.log(`
\x1b[1m昌都市智慧式用电安全管理平台\x1b[0m is up in ${((Date.now() - t0) / 1000).toFixed(1)} s
  portal     ${url}
  health     ${url}/api/health
  MQTT       ${mqttUrl}${env.MQTT_URL ? '' : ' (embedded)'}
  database   ${databaseUrl}${pg ? ' (project-local)' : ''}

demo accounts (password ${DEMO_PASSWORD}):
${DEMO_ACCOUNTS.map((a) => `  ${a.username.padEnd(10)} ${ROLE_INFO[a.role].zh} · ${a.displayName}`).join('\n')}

Ctrl-C stops everything.`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
