/**
 * Stream cache for the detection benchmark (BENCH_CACHE=dir): the simulated publish stream of a scenario
 * is written once in a compact binary form and replayed on later runs, so tuning the detector does not
 * re-run the physics each time. Values are stored as integers on the simulator's own rounding grid
 * (currents 0.01 A, temperatures/voltages/leakage 0.1, rh 1 %), so a replay is bit-identical; every
 * encoded value is checked on write and a value off the grid throws rather than silently changing data.
 */
import { closeSync, existsSync, openSync, readSync, renameSync, writeSync } from 'node:fs';
import type { Channel, DeviceEvent, Status, Telemetry } from '../../lib/protocol/v1.ts';
import { EVENT_CODES, parseTopic } from '../../lib/protocol/v1.ts';

export interface Line { topic: string; payload: unknown }

const FIELDS = ['ia', 'ib', 'ic', 'ir', 'ta', 'tb', 'tc', 'tn', 'ua', 'ub', 'uc', 'arc'] as const;
const SCALE = [100, 100, 100, 10, 10, 10, 10, 10, 10, 10, 10, 1];
const MAGIC = 0x44455444; // "DETD" (status lines since this version)

function scaled(x: number, k: number): number {
  const n = Math.round(x * k);
  if (n / k !== x || !Number.isSafeInteger(n) || Math.abs(n) > 2 ** 31 - 1) throw new Error(`bench cache: ${x} is off the ×${k} grid`);
  return n;
}

class Writer {
  private buf = new ArrayBuffer(1 << 22);
  private dv = new DataView(this.buf);
  private pos = 0;
  constructor(private readonly fd: number) {}
  private room(n: number): void {
    if (this.pos + n <= this.buf.byteLength) return;
    this.flush();
  }
  flush(): void {
    writeSync(this.fd, new Uint8Array(this.buf, 0, this.pos));
    this.pos = 0;
  }
  u8(x: number): void { this.room(1); this.dv.setUint8(this.pos, x); this.pos += 1; }
  u16(x: number): void { this.room(2); this.dv.setUint16(this.pos, x, true); this.pos += 2; }
  u32(x: number): void { this.room(4); this.dv.setUint32(this.pos, x, true); this.pos += 4; }
  i32(x: number): void { this.room(4); this.dv.setInt32(this.pos, x, true); this.pos += 4; }
  f64(x: number): void { this.room(8); this.dv.setFloat64(this.pos, x, true); this.pos += 8; }
}

class Reader {
  private buf = new Uint8Array(0);
  private dv = new DataView(this.buf.buffer);
  private pos = 0;
  private end = 0;
  constructor(private readonly fd: number) {}
  /** make sure n bytes are buffered; false at end of file */
  need(n: number): boolean {
    if (this.pos + n <= this.end) return true;
    const rest = this.buf.subarray(this.pos, this.end);
    const next = new Uint8Array(Math.max(1 << 22, n));
    next.set(rest);
    const got = readSync(this.fd, next, rest.length, next.length - rest.length, null);
    this.buf = next;
    this.dv = new DataView(next.buffer);
    this.pos = 0;
    this.end = rest.length + got;
    return this.end >= n;
  }
  u8(): number { this.need(1); return this.dv.getUint8(this.pos++); }
  u16(): number { this.need(2); const v = this.dv.getUint16(this.pos, true); this.pos += 2; return v; }
  u32(): number { this.need(4); const v = this.dv.getUint32(this.pos, true); this.pos += 4; return v; }
  i32(): number { this.need(4); const v = this.dv.getInt32(this.pos, true); this.pos += 4; return v; }
  f64(): number { this.need(8); const v = this.dv.getFloat64(this.pos, true); this.pos += 8; return v; }
}

/** Write `lines` to `file` (atomically) while passing them through. */
export function* recording(file: string, topics: string[], lines: Iterable<Line>): Generator<Line> {
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w');
  const w = new Writer(fd);
  const topicIx = new Map(topics.map((t, i) => [t, i]));
  w.u32(MAGIC);
  for (const l of lines) {
    const ti = topicIx.get(l.topic);
    if (ti === undefined) throw new Error(`bench cache: unknown topic ${l.topic}`);
    const p = l.payload as Telemetry | DeviceEvent | Status;
    if ('online' in p) {
      w.u8(3);
      w.u16(ti);
      w.u8((p.online ? 1 : 0) | (p.ts !== undefined ? 2 : 0));
      if (p.ts !== undefined) w.f64(p.ts);
    } else if ('channels' in p) {
      w.u8(1);
      w.u16(ti);
      w.f64(p.ts);
      w.u32(p.seq);
      const a = p.ambient;
      w.u8((a ? 1 : 0) | (a?.t !== undefined ? 2 : 0) | (a?.rh !== undefined ? 4 : 0));
      if (a?.t !== undefined) w.i32(scaled(a.t, 10));
      if (a?.rh !== undefined) w.i32(scaled(a.rh, 1));
      w.u8(p.channels.length);
      for (const c of p.channels) {
        w.u8(c.ch);
        let mask = 0;
        for (let f = 0; f < FIELDS.length; f++) if (c[FIELDS[f]] !== undefined) mask |= 1 << f;
        w.u16(mask);
        for (let f = 0; f < FIELDS.length; f++) if (mask & (1 << f)) w.i32(scaled(c[FIELDS[f]] as number, SCALE[f]));
      }
    } else {
      w.u8(2);
      w.u16(ti);
      w.f64(p.ts);
      w.u32(p.seq);
      w.u8(p.ch ?? 0);
      w.u8(EVENT_CODES.indexOf(p.code));
      w.u8(p.value === undefined ? 0 : 1);
      if (p.value !== undefined) w.i32(scaled(p.value, 1));
    }
    yield l;
  }
  w.u8(0);
  w.flush();
  closeSync(fd);
  renameSync(tmp, file);
}

/** Replay a recorded stream: payloads rebuilt with the simulator's field order. */
export function* replaying(file: string, topics: string[]): Generator<Line> {
  const names = topics.map((t) => parseTopic(t)?.device ?? '');
  const device = (i: number) => names[i];
  const fd = openSync(file, 'r');
  const r = new Reader(fd);
  if (r.u32() !== MAGIC) throw new Error(`bench cache: ${file} is not a stream cache`);
  try {
    for (;;) {
      const kind = r.u8();
      if (kind === 0) return;
      const ti = r.u16();
      if (kind === 3) {
        const fl = r.u8();
        const st: Status = { v: 1, online: (fl & 1) === 1, ...(fl & 2 ? { ts: r.f64() } : {}) };
        yield { topic: topics[ti], payload: st };
        continue;
      }
      const ts = r.f64();
      const seq = r.u32();
      if (kind === 1) {
        const fl = r.u8();
        const payload: Telemetry = { v: 1, device: device(ti), seq, ts, channels: [] };
        const n0 = fl & 2 ? r.i32() : 0, n1 = fl & 4 ? r.i32() : 0;
        const n = r.u8();
        for (let i = 0; i < n; i++) {
          const c: Channel = { ch: r.u8() };
          const mask = r.u16();
          for (let f = 0; f < FIELDS.length; f++) if (mask & (1 << f)) c[FIELDS[f]] = r.i32() / SCALE[f];
          payload.channels.push(c);
        }
        if (fl & 1) payload.ambient = { ...(fl & 2 ? { t: n0 / 10 } : {}), ...(fl & 4 ? { rh: n1 } : {}) };
        yield { topic: topics[ti], payload };
      } else {
        const ch = r.u8(), code = EVENT_CODES[r.u8()], hasV = r.u8();
        const ev: DeviceEvent = { v: 1, device: device(ti), seq, ts, ...(ch ? { ch } : {}), code, ...(hasV ? { value: r.i32() } : {}) };
        yield { topic: topics[ti], payload: ev };
      }
    }
  } finally {
    closeSync(fd);
  }
}

export const cached = (file: string): boolean => existsSync(file);
