/**
 * device_offline: a device is offline when the sample-time clock (latest ts seen across the stream)
 * is more than 3 report intervals past its last message, or when it says so (status online:false,
 * its MQTT will). Devices are scanned only when the clock has moved a step, so the cost per message
 * stays O(1) amortised. The record concerns the whole device and has no `ch`.
 */
import type { DetectionRecord } from './records.ts';

export interface OfflineState {
  clock: number;
  nextScan: number;
  /** per device id: [last ts or null, openedAt or 0] */
  devices: Record<string, [number | null, number]>;
}

const MISSED = 3;

export class DeviceClock {
  clock = 0;
  private nextScan = 0;
  private readonly ids: string[];
  private readonly intervalMs: Float64Array;
  private readonly lastTs: Float64Array;
  private readonly opened: Float64Array;
  private readonly scanStepMs: number;

  constructor(devices: { id: string; intervalMs: number }[]) {
    this.ids = devices.map((d) => d.id);
    this.intervalMs = Float64Array.from(devices, (d) => d.intervalMs);
    this.lastTs = new Float64Array(devices.length).fill(NaN);
    this.opened = new Float64Array(devices.length);
    this.scanStepMs = Math.max(1000, Math.min(...devices.map((d) => d.intervalMs), 60_000) / 4);
  }

  advance(ts: number): void {
    if (ts > this.clock) this.clock = ts;
  }

  /** A message from device i at sample time ts: it is alive. */
  seen(i: number, ts: number, out: DetectionRecord[]): void {
    this.advance(ts);
    if (ts <= this.lastTs[i]) return;
    if (this.opened[i] !== 0) {
      out.push(this.record(i, this.opened[i], ts));
      this.opened[i] = 0;
    }
    this.lastTs[i] = ts;
  }

  /** The device announced it is offline (status online:false; the will carries no ts). */
  lost(i: number, ts: number | undefined, out: DetectionRecord[]): void {
    if (ts !== undefined) this.advance(ts);
    if (this.opened[i] !== 0) return;
    this.opened[i] = ts ?? this.clock;
    out.push(this.record(i, this.opened[i], null));
  }

  tick(out: DetectionRecord[]): void {
    if (this.clock < this.nextScan) return;
    this.nextScan = this.clock + this.scanStepMs;
    for (let i = 0; i < this.ids.length; i++) {
      // a registered device never heard from counts from the start of the stream
      if (this.lastTs[i] !== this.lastTs[i]) this.lastTs[i] = this.clock;
      if (this.opened[i] === 0 && this.clock - this.lastTs[i] > MISSED * this.intervalMs[i]) {
        this.opened[i] = this.clock;
        out.push(this.record(i, this.clock, null));
      }
    }
  }

  private record(i: number, openedAt: number, clearedAt: number | null): DetectionRecord {
    const silentS = Math.round(((clearedAt ?? this.clock) - this.lastTs[i]) / 1000);
    const limitS = (MISSED * this.intervalMs[i]) / 1000;
    const last = this.lastTs[i];
    return {
      device: this.ids[i],
      type: 'device_offline',
      severity: 'alarm',
      openedAt,
      clearedAt,
      value: silentS,
      threshold: limitS,
      reason: clearedAt === null ? `no message for ${silentS} s (limit ${limitS} s, 3 report intervals)` : 'device reporting again',
      reasonZh: clearedAt === null ? `设备 ${silentS} 秒无数据（限值 ${limitS} 秒，3 个上报周期）` : '设备已恢复上报',
      evidence: { values: { silentS, lastTs: last === last ? last : 0 }, thresholds: { offlineAfterS: limitS }, windowS: limitS, persistence: '1/1' },
    };
  }

  save(): OfflineState {
    const devices: OfflineState['devices'] = {};
    this.ids.forEach((id, i) => (devices[id] = [this.lastTs[i] === this.lastTs[i] ? this.lastTs[i] : null, this.opened[i]]));
    return { clock: this.clock, nextScan: this.nextScan, devices };
  }

  load(st: OfflineState): void {
    this.clock = st.clock;
    this.nextScan = st.nextScan;
    this.ids.forEach((id, i) => {
      const d = st.devices[id];
      if (d) {
        this.lastTs[i] = d[0] ?? NaN;
        this.opened[i] = d[1];
      }
    });
  }
}
