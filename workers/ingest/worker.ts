/**
 * The ingest worker assembled: registry, detection, pipeline, MQTT consumer, live publisher and timers, with an
 * ordered stop(): stop consuming → flush the batch → ack → snapshot detection → publish/persist live state →
 * close MQTT, portal link and database.
 */
import type { Sql } from '../../platform/db.ts';
import { resilientSql } from './pg-pool.ts';
import { logger } from '../../platform/log.ts';
import { AlarmBook, resetChange, writeAlarms } from './alarms.ts';
import { ALARM_RESET_CHANNEL } from '../../lib/domain/alarm-latching.ts';
import type { IngestConfig } from './config.ts';
import { MqttConsumer } from './consumer.ts';
import { EngineStage, NoDetect, type DetectionRecord, type DetectStage } from './detect-stage.ts';
import { Live, persistSites } from './live.ts';
import { Partitions } from './partitions.ts';
import { Pipeline } from './pipeline.ts';
import { connectInternal, type InternalClient } from '../../platform/realtime/internal-client.ts';
import { detectFailures, type PreparedItem } from './prepare.ts';
import { QuarantineLimiter } from './quarantine.ts';
import { Registry } from './registry.ts';
import { refreshAll, refreshHours, refreshMinutes } from './rollups.ts';
import type { WriteResult } from './writer.ts';
import { inTransaction } from './tx.ts';

const log = logger('ingest');
const REGISTRY_MIN_RELOAD_MS = 10_000;

export class IngestWorker {
  sql!: Sql;
  readonly registry = new Registry();
  readonly book = new AlarmBook();
  readonly lastSeq = new Map<string, number | null>();
  detect!: DetectStage;
  live!: Live;
  pipeline!: Pipeline;
  consumer!: MqttConsumer;
  portal!: InternalClient;
  private partitions!: Partitions;
  private timers: NodeJS.Timeout[] = [];
  private reloading: Promise<void> | null = null;
  private uninstallPool = () => {};

  constructor(private readonly cfg: IngestConfig) {}

  async start() {
    const c = this.cfg;
    const pool = resilientSql(c.databaseUrl);
    this.sql = pool.sql;
    this.uninstallPool = pool.uninstall;
    this.partitions = new Partitions(this.sql);
    await this.partitions.ensureAhead();
    const counters = await this.registry.load(this.sql);
    for (const [id, d] of counters) this.lastSeq.set(id, d.lastSeq);
    await this.book.load(this.sql);
    this.detect = c.detection ? new EngineStage(this.registry.entries()) : new NoDetect();
    await this.detect.followOverrides(this.sql, (fn) => (this.pipeline ? this.pipeline.runExclusive(fn) : fn()));
    const restored = await this.detect.load(this.sql);
    this.portal = connectInternal({ url: c.portalUrl, token: c.internalToken, name: 'ingest', beat: () => this.info() });
    this.live = new Live(this.registry, this.book, (m) => this.portal.publish(m));
    this.live.indexRegistry(counters);
    this.live.sweep();
    this.pipeline = new Pipeline({
      sql: this.sql,
      ctx: { registry: this.registry, book: this.book, lastSeq: this.lastSeq },
      detect: this.detect,
      limiter: new QuarantineLimiter(c.quarantinePerMin),
      partitions: this.partitions,
      validateOpts: { maxFutureMs: c.maxFutureMs, maxAgeMs: c.maxAgeMs, device: (id) => this.registry.device(id) },
      batchMax: c.batchMax,
      batchWaitMs: c.batchWaitMs,
      maxBuffer: c.maxBuffer,
      lanes: c.writeLanes,
      refreshRegistry: () => this.reloadRegistry(false),
      ack: (t) => this.consumer.ack(t),
      pause: () => this.consumer.pause(),
      resume: () => this.consumer.resume(),
      committed: (items, idx, res) => this.committed(items, idx, res),
      // unacknowledged messages come back from the broker to the restarted process (the launcher restarts it)
      fatal: () => process.exit(70),
    });
    const share = c.sharedGroup ? `$share/${c.sharedGroup}/` : '';
    this.consumer = new MqttConsumer({
      url: c.mqttUrl,
      clientId: c.clientId,
      username: c.mqttUsername,
      password: c.mqttPassword,
      protocolVersion: c.protocolVersion,
      receiveMaximum: c.maxBuffer,
      topics: ['telemetry', 'event', 'status'].map((k) => `${share}esms/v1/+/+/${k}`),
      onMessage: (topic, payload, token) => this.pipeline.push(topic, payload, token),
    });
    await this.consumer.ready();
    // a person's reset (portal) takes a latched alarm off the site's active alarms; LISTEN reconnects with the pool
    await this.sql.listen(ALARM_RESET_CHANNEL, (id) => void this.alarmReset(Number(id)));
    this.every(c.liveIntervalMs, async () => void this.live.tick());
    this.every(5000, async () => {
      this.live.sweep();
      // the sample clock moves on during silence so offline devices are noticed (30 s grace for clock skew)
      await this.pipeline.runExclusive(() => this.applyDetached(this.detect.advance(Date.now() - 30_000)));
    });
    this.every(2000, () => persistSites(this.sql, this.live.takePersist()));
    this.every(c.snapshotMs, () => this.pipeline.runExclusive(() => this.detect.save(this.sql)).then(() => {}));
    this.every(60_000, () => this.reloadRegistry(true));
    this.every(c.rollup1mMs, () => refreshMinutes(this.sql));
    this.every(c.rollup1hMs, () => refreshHours(this.sql));
    this.every(3_600_000, async () => {
      await this.partitions.ensureAhead();
      const n = await this.partitions.dropOld(c.rawRetentionDays, c.rollupRetentionDays);
      if (n) log.info({ dropped: n }, 'old partitions dropped');
    });
    log.info({ devices: this.registry.devices.size, circuits: this.registry.circuitsById.size, restored }, 'ingest ready');
  }

  private every(ms: number, fn: () => Promise<unknown>) {
    let busy = false;
    const t = setInterval(() => {
      if (busy) return;
      busy = true;
      fn().catch((e) => log.warn({ err: (e as Error).message }, 'periodic task failed')).finally(() => (busy = false));
    }, ms);
    this.timers.push(t);
  }

  /**
   * Reload the registry if registry_version moved (checked each minute, and for unknown devices at most every
   * 10 s) and carry detection state over.
   */
  private reloadRegistry(timer: boolean): Promise<void> {
    if (this.reloading) return this.reloading;
    if (!timer && Date.now() - this.registry.loadedAt < REGISTRY_MIN_RELOAD_MS) return Promise.resolve();
    const run = async () => {
      const counters = await this.registry.load(this.sql);
      for (const [id, d] of counters) if (!this.lastSeq.has(id)) this.lastSeq.set(id, d.lastSeq);
      this.detect.setRegistry(this.registry.entries());
      this.live.indexRegistry(counters);
    };
    // nothing changed (e.g. an unknown device that is not registered either): no rebuild, which would hold the
    // pipeline for a second or more
    const p = this.registry
      .stale(this.sql)
      .then((stale) => (!stale ? undefined : timer ? this.pipeline.runExclusive(run) : run()))
      .finally(() => (this.reloading = null));
    this.reloading = p;
    return p;
  }

  private async alarmReset(id: number) {
    const ch = await resetChange(this.sql, this.registry, id).catch((e) => void log.warn({ err: (e as Error).message, id }, 'alarm reset not applied'));
    if (!ch) return;
    this.book.set(ch.siteId, ch.key, null);
    this.live.alarmChanged(ch);
  }

  /** Alarm records not tied to a batch (clock advance): own transaction, then the same after-commit path. */
  private async applyDetached(records: readonly DetectionRecord[]) {
    if (!records.length) return;
    const changes = await inTransaction(this.sql, (tx) => writeAlarms(tx, this.registry, this.book, records));
    for (const ch of changes) {
      this.book.set(ch.siteId, ch.key, ch.active);
      this.live.alarmChanged(ch);
    }
  }

  /** After a lane's commit: `idx` are the items of the batch it wrote. */
  private committed(items: PreparedItem[], idx: number[], res: WriteResult) {
    for (const [dev, d] of res.seq) this.lastSeq.set(dev, d.lastSeq);
    for (const ch of res.changes) {
      this.book.set(ch.siteId, ch.key, ch.active);
      this.live.alarmChanged(ch);
    }
    const now = Date.now();
    for (const mi of idx) {
      const v = items[mi].verdict;
      if (v.kind === 'reject') continue;
      const site = v.device.siteId;
      if (v.kind === 'status') this.live.heardFrom(v.device.id, site, v.msg.online, v.msg.ts ?? null, now);
      else if (res.stored.has(mi)) {
        this.live.heardFrom(v.device.id, site, null, v.msg.ts, now);
        if (v.kind === 'telemetry') this.live.telemetry(site, v.msg, v.circuits);
      }
    }
  }

  info() {
    return { ...this.pipeline?.stats, pending: this.pipeline?.pending, detectFailures: detectFailures.count, mqtt: this.consumer?.connected ?? false, rss: process.memoryUsage().rss };
  }

  async stop() {
    log.info('stopping: consume → flush → ack → snapshot → close');
    for (const t of this.timers) clearInterval(t);
    this.consumer?.pause();
    await this.pipeline?.drain();
    if (this.sql) await refreshAll(this.sql, 1).catch((e) => log.warn({ err: e.message }, 'final rollup refresh failed'));
    if (this.detect) await this.detect.save(this.sql).catch((e) => log.warn({ err: e.message }, 'final snapshot failed'));
    if (this.live) {
      this.live.tick();
      await persistSites(this.sql, this.live.takePersist()).catch(() => {});
    }
    await this.detect?.close().catch(() => {});
    await this.consumer?.end();
    this.portal?.close();
    await this.sql?.end({ timeout: 2 });
    this.uninstallPool();
    log.info('stopped');
  }
}
