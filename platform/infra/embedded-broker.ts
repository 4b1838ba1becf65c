/**
 * The embedded MQTT broker (aedes, MQTT 3.1.1) used when MQTT_URL is not set. Runs as its own supervised
 * process so a crash of the portal never takes the device link down (and vice versa). With `auth` every client
 * must present a registry or service credential (platform/mqtt-auth); without it the broker is open, which only
 * tests use. Plain MQTT listens on `host` (loopback by default); `tls` adds an MQTTS listener.
 */
import { Aedes } from 'aedes';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import type { BrokerAuth } from '../mqtt-auth/aedes-auth.ts';

export interface EmbeddedBroker {
  port: number;
  tlsPort?: number;
  close(): Promise<void>;
}

export interface EmbeddedBrokerOptions {
  host?: string;
  auth?: BrokerAuth;
  tls?: { port: number; host: string; certFile: string; keyFile: string };
}

function listen(server: net.Server, port: number, host: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as net.AddressInfo).port));
  });
}

export async function startEmbeddedBroker(port: number, opts: EmbeddedBrokerOptions | string = {}): Promise<EmbeddedBroker> {
  const o = typeof opts === 'string' ? { host: opts } : opts;
  const broker = await Aedes.createBroker({ concurrency: 1000, ...(o.auth?.handlers ?? {}) });
  await o.auth?.attach(broker);
  const servers: net.Server[] = [net.createServer(broker.handle)];
  const actual = await listen(servers[0]!, port, o.host ?? '127.0.0.1');
  let tlsPort: number | undefined;
  if (o.tls) {
    const s = tls.createServer({ cert: readFileSync(o.tls.certFile), key: readFileSync(o.tls.keyFile) }, broker.handle);
    servers.push(s);
    tlsPort = await listen(s, o.tls.port, o.tls.host);
  }
  return {
    port: actual,
    tlsPort,
    close: async () => {
      await new Promise<void>((resolve) => {
        let open = servers.length;
        for (const s of servers) s.close(() => --open === 0 && broker.close(() => resolve()));
        // drop connected clients so close() does not wait for them
        for (const c of Object.values((broker as unknown as { clients: Record<string, { close(): void }> }).clients)) c.close();
      });
      await o.auth?.close();
    },
  };
}
