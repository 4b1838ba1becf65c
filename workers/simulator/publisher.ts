/**
 * The simulator's single MQTT connection (mqtt.js, protocol 3.1.1 so aedes and Mosquitto both accept it),
 * QoS 1 for everything. Flow control: publishes not yet acknowledged by the broker are counted; callers
 * wait on ready() when more than `maxInflight` are pending (backfill, bursts), and flush() waits for all.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { logger } from '../../platform/log.ts';
import type { OutMsg } from './live.ts';

const log = logger('simulator.mqtt');

export interface Sink {
  publish(m: OutMsg): void;
  /** resolves when fewer than half of maxInflight publishes are pending */
  ready(): Promise<void>;
  readonly backlogged: boolean;
}

export class Publisher implements Sink {
  readonly client: MqttClient;
  inflight = 0;
  published = 0;
  failed = 0;
  private waiters: (() => void)[] = [];

  private constructor(
    client: MqttClient,
    private readonly maxInflight: number,
  ) {
    this.client = client;
  }

  /** `credential`: the fleet's gateway credential (fleet-credential.ts); its client id is its username */
  static async connect(url: string, maxInflight = 2000, credential?: { username: string; password: string; clientId: string }): Promise<Publisher> {
    const clientId = credential?.clientId ?? `esms-simulator-${process.pid}`;
    const client = mqtt.connect(url, {
      clientId,
      username: credential?.username,
      password: credential?.password,
      protocolVersion: 4,
      clean: true,
      keepalive: 30,
      reconnectPeriod: 1000,
      connectTimeout: 10_000,
    });
    client.on('error', (e) => log.warn({ err: e.message }, 'mqtt error'));
    client.on('reconnect', () => log.info('mqtt reconnecting'));
    client.on('offline', () => log.warn('mqtt offline'));
    await new Promise<void>((resolve, reject) => {
      // a just-issued credential reaches an external Mosquitto with its next file sync: until then the broker
      // refuses it, and mqtt.js does not retry a refused CONNECT by itself
      const retry = (e: Error & { code?: number }) => {
        if (e.code === 4 || e.code === 5) setTimeout(() => !client.connected && client.reconnect(), 1000);
      };
      client.on('error', retry);
      const t = setTimeout(() => {
        client.off('error', retry);
        reject(new Error(`MQTT connect to ${url} timed out`));
      }, 30_000);
      client.once('connect', () => {
        clearTimeout(t);
        client.off('error', retry);
        resolve();
      });
    });
    log.info({ url, clientId }, 'connected to MQTT');
    return new Publisher(client, maxInflight);
  }

  get backlogged(): boolean {
    return this.inflight >= this.maxInflight;
  }

  publish(m: OutMsg): void {
    this.inflight++;
    this.client.publish(m.topic, m.payload, { qos: 1, retain: m.retain ?? false }, (err) => {
      this.inflight--;
      if (err) {
        this.failed++;
        if (this.failed % 1000 === 1) log.warn({ err: err.message, failed: this.failed }, 'publish failed');
      } else this.published++;
      if (this.waiters.length && this.inflight < this.maxInflight / 2) this.wake();
      else if (this.waiters.length && this.inflight === 0) this.wake();
    });
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  ready(): Promise<void> {
    if (this.inflight < this.maxInflight / 2) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** wait until every publish so far is acknowledged (or timeoutMs passes) */
  async flush(timeoutMs = 10_000): Promise<boolean> {
    const end = Date.now() + timeoutMs;
    while (this.inflight > 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    return this.inflight === 0;
  }

  async close(): Promise<void> {
    await this.client.endAsync();
  }
}
