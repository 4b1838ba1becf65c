/**
 * The detector's own local alarms (DeviceEvent), edge-triggered with hysteresis so a condition yields one
 * event when it starts, not one per sample:
 *   residual_alarm     reading ir ≥ 300 mA (GB 50116 set point), re-armed below 270 mA
 *   temperature_alarm  a terminal reading ≥ the circuit's insulation limit, re-armed 5 K below
 *   sensor_fault       a temperature reads −40 (open NTC) or 300 (shorted), or a measured field is missing
 *   self_test          about once a week per device (deterministic in the device seed and message index)
 * arc_alarm (GB 14287.4, ≥ 14 half-cycles in 1 s) comes from the physics itself (DeviceMessage.events, at the
 * exact second the arc turns sustained); live.ts publishes those. Events here reuse the seq of the telemetry sample they belong to and carry ts = sample ts + j ms (j = 1, 2, …),
 * so (device, seq, ts) is unique and the platform's seq accounting sees no gaps.
 */
import type { Channel, DeviceEvent, EventCode, RegistryEntry } from '../../lib/protocol/v1.ts';
import { hash32 } from '../../lib/physics/index.ts';

export const RESIDUAL_SET_MA = 300;
const TEMPS = ['ta', 'tb', 'tc', 'tn'] as const;
const CODES: EventCode[] = ['residual_alarm', 'temperature_alarm', 'sensor_fault'];

export class EventLatch {
  /** per channel index, one bit per CODES entry: condition currently latched */
  private readonly bits: Uint8Array;
  private readonly selfTestEvery: number;

  constructor(
    private readonly device: string,
    private readonly dseed: number,
    private readonly entries: RegistryEntry[],
    intervalMs: number,
  ) {
    this.bits = new Uint8Array(entries.length);
    this.selfTestEvery = Math.max(1, Math.round((7 * 86_400_000) / intervalMs));
  }

  /** Events for one published sample (`channels`: the readings in channel order). */
  check(k: number, seq: number, ts: number, channels: Channel[]): DeviceEvent[] {
    let out: DeviceEvent[] | null = null;
    const emit = (code: EventCode, ch?: number, value?: number): void => {
      const ev: DeviceEvent = { v: 1, device: this.device, seq, ts: 0, code };
      if (ch !== undefined) ev.ch = ch;
      if (value !== undefined) ev.value = value;
      (out ??= []).push(ev);
      ev.ts = ts + out.length;
    };
    for (let i = 0; i < channels.length; i++) {
      const c = channels[i];
      const e = this.entries[i];
      let b = this.bits[i];
      // residual current
      const ir = c.ir;
      if (ir !== undefined) {
        if (!(b & 1) && ir >= RESIDUAL_SET_MA) {
          b |= 1;
          emit('residual_alarm', c.ch, ir);
        } else if (b & 1 && ir < RESIDUAL_SET_MA * 0.9) b &= ~1;
      }
      // terminal temperature; −40 / 300 are sensor faults, not heat
      let tMax = -Infinity;
      let broken: number | null = null;
      let missing = false;
      for (const f of TEMPS) {
        const v = c[f];
        if (v === undefined) {
          if (f === 'ta' || f === 'tn' || e.phases === 3) missing = true;
          continue;
        }
        // −40 / 300 read as an open / shorted sensor — unless the terminal was already alarming hot
        // (then 300 is a saturated reading of real heat)
        if (v <= -40 || (v >= 300 && !(b & 2))) broken = v;
        else if (v > tMax) tMax = v;
      }
      if (ir === undefined) missing = true;
      if (!(b & 2) && tMax >= e.maxConductorC) {
        b |= 2;
        emit('temperature_alarm', c.ch, tMax);
      } else if (b & 2 && tMax < e.maxConductorC - 5) b &= ~2;
      // sensor fault
      const bad = broken !== null || missing;
      if (!(b & 4) && bad) {
        b |= 4;
        emit('sensor_fault', c.ch, broken ?? undefined);
      } else if (b & 4 && !bad) b &= ~4;
      this.bits[i] = b;
    }
    if (hash32(this.dseed, k, 0x5e1f) % this.selfTestEvery === 0) emit('self_test');
    return out ?? NONE;
  }

  /** latched conditions (for tests/diagnostics) */
  latched(i: number): EventCode[] {
    return CODES.filter((_, j) => this.bits[i] & (1 << j));
  }
}

const NONE: DeviceEvent[] = [];
