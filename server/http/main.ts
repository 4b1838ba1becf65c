/**
 * The portal process: one Node HTTP server hosting Next.js (App Router) and socket.io on the same port.
 * Started by the launcher (server/launcher) with DATABASE_URL, MQTT_URL and INTERNAL_TOKEN set.
 * Life cycle (ready, ordered stop, deadline): platform/process.ts.
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import next from 'next';
import { env } from '../../platform/env.ts';
import { runProcess } from '../../platform/process.ts';
import { services } from '../services.ts';
import { attachGateway } from '../realtime/gateway.ts';
import { connectPortalMqtt } from '../mqtt/portal-client.ts';
import { health } from './health.ts';
import { allowedHosts, guardHost } from './host-guard.ts';

const repoRoot = new URL('../../', import.meta.url).pathname;
const version = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version as string;

await runProcess({
  name: 'portal',
  async start({ log }) {
    if (!env.MQTT_URL || !env.INTERNAL_TOKEN) throw new Error('MQTT_URL and INTERNAL_TOKEN must be set (the launcher sets them)');
    const dev = env.NODE_ENV === 'development';
    const app = next({ dev, dir: repoRoot, hostname: env.HOST, port: env.PORT });
    const handle = app.getRequestHandler();
    await app.prepare();

    const { sql } = services();
    const mqtt = connectPortalMqtt(env.MQTT_URL, env.MQTT_USERNAME && env.MQTT_PASSWORD ? { username: env.MQTT_USERNAME, password: env.MQTT_PASSWORD } : undefined);
    const expectedWorkers = env.EXPECTED_WORKERS;
    const hosts = allowedHosts(env);

    const server = http.createServer(async (req, res) => {
      // the client address comes from the socket only; a caller-supplied header is discarded
      delete req.headers['x-esms-client-ip'];
      req.headers['x-esms-client-ip'] = req.socket.remoteAddress ?? '';
      const isHealth = req.url === '/api/health' && req.method === 'GET';
      // probes call by IP; the health summary holds nothing a rebinding page could use against a user
      if (!isHealth && !guardHost(req, res, hosts)) return;
      if (isHealth) {
        const h = await health({ sql, mqtt, workers: gateway.workers, expectedWorkers, version });
        res.writeHead(h.status === 'ok' ? 200 : 503, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
        res.end(JSON.stringify(h));
        return;
      }
      handle(req, res);
    });
    const gateway = attachGateway(server, sql, env.INTERNAL_TOKEN, { allowedHosts: hosts });
    log.info({ allowedHosts: hosts }, 'host allowlist');
    // route handlers run in Next's module graph: they find these through globalThis
    (globalThis as Record<symbol, unknown>)[Symbol.for('esms.mqtt')] = mqtt;
    (globalThis as Record<symbol, unknown>)[Symbol.for('esms.io')] = gateway.io;

    await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve));
    log.info({ url: `http://${env.HOST}:${env.PORT}` }, 'portal listening');

    return [
      { name: 'next', stop: () => app.close?.() },
      { name: 'database', stop: () => sql.end({ timeout: 2 }) },
      { name: 'mqtt', stop: () => mqtt.endAsync(true) },
      {
        name: 'http server and realtime gateway',
        // one step: upgraded websockets hold the server open until socket.io disconnects them, and io.close()
        // then closes the server; keep-alive HTTP connections are dropped first so they cannot hold it either
        stop: async () => {
          server.closeAllConnections();
          await gateway.close();
        },
      },
    ];
  },
});
