/**
 * MQTT in, with PUBACK only after commit. mqtt.js acknowledges a QoS 1 message as soon as `handleMessage`
 * calls back, and it processes one packet at a time until then, so deferring that callback would serialise
 * everything. Instead the PUBACK mqtt.js wants to send is swallowed, and sent by `ack()` once the batch holding
 * the message has committed. Acks are tagged with the connection generation: after a reconnect the broker
 * redelivers everything unacknowledged (persistent session, clean: false), and a stale packet id must never
 * acknowledge a different message of the new session. `handleMessage` is used only for back-pressure.
 */
import mqtt, { type IClientOptions, type MqttClient, type Packet } from 'mqtt';
import { logger } from '../../platform/log.ts';

const log = logger('ingest.mqtt');

export interface AckToken {
  gen: number;
  messageId: number | undefined;
  /** the broker's DUP flag: a redelivery, so it may have been stored already */
  dup?: boolean;
}
export interface ConsumerOpts {
  url: string;
  clientId: string;
  /** the ingest service account (platform/mqtt-auth); unset only against an open test broker */
  username?: string;
  password?: string;
  protocolVersion: 4 | 5;
  topics: string[];
  /** MQTT 5: how many unacknowledged messages the broker may send (the in-memory buffer bound) */
  receiveMaximum: number;
  onMessage(topic: string, payload: Buffer, token: AckToken): void;
}

type SendPacket = (packet: Record<string, unknown>, cb?: (e?: Error) => void, cbStorePut?: unknown, noStore?: boolean) => void;

export class MqttConsumer {
  readonly client: MqttClient;
  gen = 0;
  subscribed = false;
  private paused = false;
  private held: (() => void)[] = [];
  private firstSub: Promise<void>;

  constructor(private readonly o: ConsumerOpts) {
    const opts: IClientOptions = {
      clientId: o.clientId,
      username: o.username,
      password: o.password,
      clean: false,
      protocolVersion: o.protocolVersion,
      reconnectPeriod: 1000,
      connectTimeout: 5000,
      keepalive: 30,
      resubscribe: false, // we subscribe on every connect ourselves
      // MQTT 5: keep the session for a week of downtime; let the broker run ahead by up to the buffer size (with 3.1.1
      // the broker's own limit applies, e.g. Mosquitto's max_inflight_messages)
      properties: o.protocolVersion === 5 ? { sessionExpiryInterval: 7 * 86400, receiveMaximum: Math.min(65535, o.receiveMaximum) } : undefined,
    };
    this.client = mqtt.connect(o.url, opts);
    const c = this.client as unknown as { _sendPacket: SendPacket };
    const orig = c._sendPacket.bind(this.client);
    c._sendPacket = (packet, cb, cbStorePut, noStore) => {
      if (packet.cmd === 'puback') return cb?.(); // deferred until commit, then written by ack()
      return orig(packet, cb, cbStorePut, noStore);
    };
    this.client.handleMessage = (_packet: Packet, cb: (e?: Error) => void) => {
      if (this.paused) this.held.push(() => cb());
      else cb();
    };
    let resolveSub!: () => void;
    this.firstSub = new Promise((r) => (resolveSub = r));
    this.client.on('connect', (ack) => {
      this.gen += 1;
      // PUBACKs go out in small writes after each commit: never hold them back for Nagle's algorithm
      (this.client.stream as { setNoDelay?(v: boolean): void }).setNoDelay?.(true);
      log.info({ gen: this.gen, sessionPresent: ack.sessionPresent }, 'connected to broker');
      this.client.subscribe(o.topics, { qos: 1 }, (err) => {
        if (err) return log.error({ err: err.message }, 'subscribe failed');
        this.subscribed = true;
        resolveSub();
      });
    });
    this.client.on('message', (topic, payload, packet) => {
      o.onMessage(topic, payload, { gen: this.gen, messageId: packet.qos > 0 ? packet.messageId : undefined, dup: packet.dup === true });
    });
    this.client.on('error', (e) => log.warn({ err: e.message }, 'mqtt error'));
    this.client.on('offline', () => log.warn('broker offline; reconnecting'));
  }

  ready(): Promise<void> {
    return this.firstSub;
  }
  get connected() {
    return this.client.connected;
  }

  /**
   * Acknowledge committed messages of the current connection; older ones will be redelivered (and ignored).
   * The PUBACKs of a batch are encoded here and written at once: through mqtt.js each would cost a packet
   * object, a dozen debug() calls and several stream writes, a tenth of the worker's allocations at full speed.
   * A QoS 1 PUBACK is four bytes in MQTT 3.1.1 and, with reason code 0 and no properties, in MQTT 5 too; mqtt.js
   * keeps no state for incoming QoS 1 messages, so it misses nothing.
   */
  ack(tokens: AckToken[]): { sent: number; dropped: number } {
    const buf = Buffer.allocUnsafe(4 * tokens.length);
    let n = 0, dropped = 0;
    const live = this.client.connected;
    for (const t of tokens) {
      if (t.messageId === undefined) continue;
      if (t.gen !== this.gen || !live) {
        dropped++;
        continue;
      }
      buf[n] = 0x40; // PUBACK
      buf[n + 1] = 2; // remaining length: the packet id
      buf.writeUInt16BE(t.messageId, n + 2);
      n += 4;
    }
    if (n) (this.client.stream as { write(b: Buffer): boolean }).write(n === buf.length ? buf : buf.subarray(0, n));
    return { sent: n / 4, dropped };
  }

  /** Back-pressure: stop reading from the broker socket until resume(). */
  pause() {
    this.paused = true;
  }
  resume() {
    if (!this.paused) return;
    this.paused = false;
    const h = this.held;
    this.held = [];
    for (const cb of h) cb();
  }

  end(): Promise<void> {
    return new Promise((resolve) => this.client.end(false, {}, () => resolve()));
  }
}
