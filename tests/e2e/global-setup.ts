/**
 * Starts the whole system exactly as `npm start` does (server/launcher/main.ts) on free ports with a throwaway
 * data folder, waits for /api/health, and stops it (database included) after the run.
 * Set E2E_BASE_URL to run against an already running system instead.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, createWriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import getPort from 'get-port';

export default async function globalSetup() {
  if (process.env.E2E_BASE_URL) return;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'esms-e2e-'));
  chmodSync(dataDir, 0o755); // the cluster runs as the postgres user
  const [port, pgPort, mqttPort] = [await getPort(), await getPort(), await getPort()];
  mkdirSync('test-results', { recursive: true });
  const log = createWriteStream(path.join('test-results', 'e2e-system.log'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/launcher/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      PG_PORT: String(pgPort),
      MQTT_PORT: String(mqttPort),
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      MQTT_URL: '',
      SEED_SITES: process.env.E2E_SEED_SITES ?? '1600',
      SIM_SPEED: process.env.E2E_SIM_SPEED ?? '1',
      // devices report every 20 s (60 s in the product) so live changes show within a test's patience, while the
      // pipeline (~450 messages/s for the full fleet) leaves room for software-rendered Chromium on two cores
      REPORT_INTERVAL_S: process.env.E2E_REPORT_INTERVAL_S ?? '20',
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const base = `http://127.0.0.1:${port}`;
  process.env.E2E_BASE_URL = base;
  process.env.E2E_MQTT_URL = `mqtt://127.0.0.1:${mqttPort}`;
  process.env.E2E_PG_URL = `postgres://postgres@127.0.0.1:${pgPort}/esms`;

  const until = Date.now() + 240_000;
  let last = '';
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`launcher exited with ${child.exitCode}; see test-results/e2e-system.log`);
    try {
      const r = await fetch(`${base}/api/health`);
      last = await r.text();
      if (r.ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 1000));
  }
  if (Date.now() >= until) throw new Error(`system not healthy in time: ${last}`);

  return async () => {
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        child.kill('SIGKILL');
        resolve();
      }, 30_000);
      child.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
      child.kill('SIGINT');
    });
    rmSync(dataDir, { recursive: true, force: true });
  };
}
