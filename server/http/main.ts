/**
 * The portal process: one Node HTTP server hosting Next.js (App Router) and socket.io on the same port.
 * Started by the launcher (server/launcher) with DATABASE_URL, MQTT_URL and INTERNAL_TOKEN set.
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import next from 'next';
import { env } from '../../platform/env.ts';
import { services } from '../services.ts';
import { attachGateway } from '../realtime/gateway.ts';
import { connectPortalMqtt } from '../mqtt/portal-client.ts';
import { health } from './health.ts';
import { logger } from '../../platform/log.ts';

const log = logger('portal');
const repoRoot = new URL('../../', import.meta.url).pathname;
const version = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version as string;

async function main() {
  if (!env.MQTT_URL || !env.INTERNAL_TOKEN) throw new Error('MQTT_URL and INTERNAL_TOKEN must be set (the launcher sets them)');
  const dev = env.NODE_ENV === 'development';
  const app = next({ dev, dir: repoRoot, hostname: env.HOST, port: env.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();

  const { sql } = services();
  const mqtt = connectPortalMqtt(env.MQTT_URL);
  const expectedWorkers = (process.env.EXPECTED_WORKERS ?? '').split(',').filter(Boolean);

  const server = http.createServer(async (req, res) => {
    // the client address comes from the socket only; a caller-supplied header is discarded
    delete req.headers['x-esms-client-ip'];
    req.headers['x-esms-client-ip'] = req.socket.remoteAddress ?? '';
    if (req.url === '/api/health' && req.method === 'GET') {
      const h = await health({ sql, mqtt, workers: gateway.workers, expectedWorkers, version });
      res.writeHead(h.status === 'ok' ? 200 : 503, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(JSON.stringify(h));
      return;
    }
    handle(req, res);
  });
  const gateway = attachGateway(server, sql, env.INTERNAL_TOKEN);
  (globalThis as Record<symbol, unknown>)[Symbol.for('esms.mqtt')] = mqtt;
  (globalThis as Record<symbol, unknown>)[Symbol.for('esms.io')] = gateway.io;

  await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve));
  log.info({ url: `http://${env.HOST}:${env.PORT}` }, 'portal listening');
  process.send?.({ type: 'ready' });

  const stop = async () => {
    log.info('portal stopping');
    server.closeAllConnections();
    await gateway.close();
    await new Promise<void>((r) => server.close(() => r()));
    mqtt.end(true);
    await sql.end({ timeout: 2 });
    await app.close?.();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((e) => {
  log.fatal({ err: e }, 'portal failed to start');
  process.exit(1);
});
