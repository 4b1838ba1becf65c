/**
 * Live state after each commit, published coalesced once per interval: per room at most one 'sites:delta',
 * per site room at most one 'circuits:delta' (latest value per circuit), and each changed alarm once (its last
 * state in the interval). Site status and last-seen are also persisted, batched, on the same tick.
 */
import type { Sql } from '../../platform/db.ts';
import type { SiteStatus } from '../../lib/domain/vocabulary/index.ts';
import type { AlarmEventPayload, CircuitLatest, InternalPublish, SiteDelta } from '../../lib/events/realtime.ts';
import type { Telemetry } from '../../lib/protocol/v1.ts';
import { roomOfSite, roomsForSite } from '../../platform/scope.ts';
import type { AlarmBook, AlarmChange } from './alarms.ts';
import type { Registry } from './registry.ts';
import { deviceLive, siteStatus } from './site-status.ts';

interface SiteLive {
  status: SiteStatus;
  lastSeenAt: number | null;
  sent: { status: SiteStatus; activeAlarms: number; lastSeenAt: number | null } | null;
  persisted: { status: SiteStatus; lastSeenAt: number | null } | null;
}

export interface LiveOpts {
  /** a site whose only change is lastSeenAt is re-sent at most this often */
  seenPushMs: number;
  /** cap on 'alarm' events per interval; the rest follow on the next ticks */
  maxAlarmsPerTick: number;
}

export class Live {
  private online = new Map<string, boolean>();
  private heard = new Map<string, number>();
  private sites = new Map<string, SiteLive>();
  private devicesOfSite = new Map<string, string[]>();
  private dirty = new Set<string>();
  /** site → circuit → its latest sample, or the stored message it is still to be taken from */
  private circuits = new Map<string, Map<number, CircuitLatest | Telemetry>>();
  private alarms = new Map<number, AlarmEventPayload>();
  published = 0;

  constructor(
    private readonly reg: Registry,
    private readonly book: AlarmBook,
    private readonly publish: (m: InternalPublish) => void,
    private readonly o: LiveOpts = { seenPushMs: 10_000, maxAlarmsPerTick: 200 },
  ) {}

  /** (Re)build the site index after a registry load; device liveness comes from the devices table. */
  indexRegistry(devices: Map<string, { online: boolean; lastSeenAt: number | null }>) {
    this.devicesOfSite.clear();
    for (const d of this.reg.devices.values()) {
      const list = this.devicesOfSite.get(d.siteId) ?? [];
      list.push(d.id);
      this.devicesOfSite.set(d.siteId, list);
      const c = devices.get(d.id);
      if (c && !this.online.has(d.id)) {
        this.online.set(d.id, c.online);
        if (c.lastSeenAt !== null) this.heard.set(d.id, c.lastSeenAt);
      }
    }
    for (const s of this.reg.sites.values()) {
      if (this.sites.has(s.id)) continue;
      const status = s.status as SiteStatus;
      this.sites.set(s.id, { status, lastSeenAt: s.lastSeenAt, sent: null, persisted: { status, lastSeenAt: s.lastSeenAt } });
    }
  }

  heardFrom(device: string, siteId: string, online: boolean | null, sampleTs: number | null, now: number) {
    this.heard.set(device, now);
    if (online !== null) this.online.set(device, online);
    else if (!this.online.get(device)) this.online.set(device, true); // data means it is up
    const s = this.sites.get(siteId);
    if (s && sampleTs !== null && (s.lastSeenAt === null || sampleTs > s.lastSeenAt)) s.lastSeenAt = sampleTs;
    this.dirty.add(siteId);
  }

  sample(siteId: string, latest: CircuitLatest) {
    let m = this.circuits.get(siteId);
    if (!m) this.circuits.set(siteId, (m = new Map()));
    const prev = m.get(latest.circuitId);
    if (!prev || prev.ts <= latest.ts) m.set(latest.circuitId, latest);
  }

  /** Every channel of a stored telemetry message; the samples are built at the tick, for the latest only (a
   * circuit reports many times per interval at full speed). */
  telemetry(siteId: string, msg: Telemetry, circuits: readonly { id: number }[]) {
    let m = this.circuits.get(siteId);
    if (!m) this.circuits.set(siteId, (m = new Map()));
    for (let i = 0; i < circuits.length; i++) {
      const prev = m.get(circuits[i].id);
      if (!prev || prev.ts <= msg.ts) m.set(circuits[i].id, msg);
    }
  }

  alarmChanged(c: AlarmChange) {
    this.alarms.set(c.event.id, c.event);
    this.dirty.add(c.siteId);
  }

  /** Re-evaluate every site (devices go stale silently); cheap enough every few seconds. */
  sweep() {
    for (const id of this.sites.keys()) this.dirty.add(id);
  }

  private evaluate(id: string, now: number): SiteLive | null {
    const s = this.sites.get(id);
    if (!s) return null;
    const devices = this.devicesOfSite.get(id) ?? [];
    const live = devices.some((d) => {
      const dev = this.reg.device(d);
      return dev ? deviceLive(this.online.get(d) ?? false, this.heard.get(d) ?? null, dev.reportIntervalS, now) : false;
    });
    s.status = siteStatus(devices.length > 0, live, this.book.active(id));
    return s;
  }

  /** One interval's worth of coalesced messages. */
  tick(now = Date.now()): number {
    const at = now;
    const byRoom = new Map<string, SiteDelta[]>();
    for (const id of this.dirty) {
      const s = this.evaluate(id, now);
      const site = this.reg.sites.get(id);
      if (!s || !site) continue;
      const activeAlarms = this.book.count(id);
      const p = s.sent;
      const changed = !p || p.status !== s.status || p.activeAlarms !== activeAlarms ||
        (s.lastSeenAt !== p.lastSeenAt && (p.lastSeenAt === null || (s.lastSeenAt ?? 0) - p.lastSeenAt >= this.o.seenPushMs));
      if (!changed) continue;
      s.sent = { status: s.status, activeAlarms, lastSeenAt: s.lastSeenAt };
      const delta: SiteDelta = { id, status: s.status, lastSeenAt: s.lastSeenAt, activeAlarms };
      for (const room of roomsForSite(site)) {
        const list = byRoom.get(room) ?? [];
        list.push(delta);
        byRoom.set(room, list);
      }
    }
    this.dirty.clear();
    let n = 0;
    for (const [room, sites] of byRoom) n += this.send({ v: 1, rooms: [room], event: 'sites:delta', payload: { v: 1, at, sites } });
    for (const [siteId, m] of this.circuits) {
      const circuits: CircuitLatest[] = [];
      for (const [circuitId, c] of m) {
        if (!('channels' in c)) circuits.push(c);
        else {
          const ch = this.reg.circuitsById.get(circuitId)?.ch;
          const chan = c.channels.find((x) => x.ch === ch);
          if (chan) circuits.push(latestOf(circuitId, c.ts, chan));
        }
      }
      n += this.send({ v: 1, rooms: [roomOfSite(siteId)], event: 'circuits:delta', payload: { v: 1, at, siteId, circuits } });
    }
    this.circuits.clear();
    let k = 0;
    for (const [id, a] of this.alarms) {
      if (k++ >= this.o.maxAlarmsPerTick) break;
      const site = this.reg.sites.get(a.siteId);
      if (site) n += this.send({ v: 1, rooms: roomsForSite(site), event: 'alarm', payload: { v: 1, alarm: a } });
      this.alarms.delete(id);
    }
    return n;
  }

  private send(msg: InternalPublish): number {
    this.publish(msg);
    this.published++;
    return 1;
  }

  /** Sites whose status or last-seen changed since last persisted. */
  takePersist(): { id: string; status: SiteStatus; lastSeenAt: number | null }[] {
    const out: { id: string; status: SiteStatus; lastSeenAt: number | null }[] = [];
    for (const [id, s] of this.sites) {
      const p = s.persisted;
      if (p && p.status === s.status && p.lastSeenAt === s.lastSeenAt) continue;
      s.persisted = { status: s.status, lastSeenAt: s.lastSeenAt };
      out.push({ id, status: s.status, lastSeenAt: s.lastSeenAt });
    }
    return out;
  }
}

function latestOf(circuitId: number, ts: number, chan: Telemetry['channels'][number]): CircuitLatest {
  const { ch: _ch, ...values } = chan;
  return { circuitId, ts, ...values };
}

/** Persist site status and last-seen in one statement; status_changed_at moves only when status changes. */
export async function persistSites(sql: Sql, rows: { id: string; status: SiteStatus; lastSeenAt: number | null }[]) {
  if (!rows.length) return;
  await sql`
    UPDATE sites AS s SET status = x.st,
      status_changed_at = CASE WHEN s.status IS DISTINCT FROM x.st THEN now() ELSE s.status_changed_at END,
      last_seen_at = CASE WHEN x.seen IS NULL THEN s.last_seen_at
        ELSE greatest(s.last_seen_at, timestamptz 'epoch' + x.seen * interval '1 millisecond') END
    FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.status)}::text[], ${rows.map((r) => r.lastSeenAt)}::bigint[]) AS x(id, st, seen)
    WHERE s.id = x.id`;
}
