/** MQTT clients for the broker security tests: connect outcomes, and "what did this subscriber receive". */
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';

export type Outcome = { ok: true; client: MqttClient } | { ok: false; code: number | undefined; message: string };

/** One attempt, no reconnects: the CONNACK's verdict. */
export function tryConnect(url: string, o: IClientOptions): Promise<Outcome> {
  return new Promise((resolve) => {
    const c = mqtt.connect(url, { protocolVersion: 4, clean: true, reconnectPeriod: 0, connectTimeout: 5000, ...o });
    const fail = (e: Error & { code?: number }) => {
      c.end(true);
      resolve({ ok: false, code: e.code, message: e.message });
    };
    c.once('connect', () => {
      c.off('error', fail);
      resolve({ ok: true, client: c });
    });
    c.once('error', fail);
    c.once('close', () => fail(Object.assign(new Error('closed before CONNACK'), { code: undefined })));
  });
}

export async function mustConnect(url: string, o: IClientOptions): Promise<MqttClient> {
  const r = await tryConnect(url, o);
  if (!r.ok) throw new Error(`connect as ${o.username ?? 'anonymous'} refused: ${r.message}`);
  r.client.on('error', () => {});
  return r.client;
}

/** Collects what a client receives. */
export function inbox(c: MqttClient): { topic: string; payload: string }[] {
  const got: { topic: string; payload: string }[] = [];
  c.on('message', (topic, payload) => got.push({ topic, payload: payload.toString() }));
  return got;
}

/** Publish QoS 1 and swallow the outcome: a refused publish may close the connection (aedes) or be dropped. */
export async function publishQuietly(c: MqttClient, topic: string, payload: string): Promise<void> {
  await Promise.race([c.publishAsync(topic, payload, { qos: 1 }).catch(() => {}), new Promise((r) => setTimeout(r, 1500))]);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function closed(c: MqttClient, timeoutMs: number): Promise<boolean> {
  if (!c.connected) return Promise.resolve(true);
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(false), timeoutMs);
    c.once('close', () => {
      clearTimeout(t);
      resolve(true);
    });
  });
}
