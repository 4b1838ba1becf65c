/**
 * Sensor-fault layer: corrupts a finished reading (never the physics). Kinds:
 *  stuck (frozen at p.value), drift (linear offset p.ratePerDay, load-independent), spikes (isolated absurd
 *  value p.value with probability p.prob per sample), disconnected (constant p.value: −40 open NTC / 300
 *  shorted), missing_field (the field is absent from the payload).
 */
import type { Channel } from '../protocol/v1.ts';
import { DAY_MS } from './calendar.ts';
import { hash32, unit } from './rng.ts';
import type { Injection } from './types.ts';

type Writable = Record<string, number | undefined>;

export function applySensorFault(inj: Injection, t: number, key: number, ch: Channel): void {
  const f = inj.field;
  if (!f) return;
  const c = ch as unknown as Writable;
  if (c[f] === undefined) return; // the channel does not carry this field
  const p = inj.p;
  switch (inj.kind) {
    case 'stuck':
      c[f] = p.value;
      break;
    case 'drift': {
      const v = (c[f] as number) + (p.ratePerDay * (t - inj.onsetMs)) / DAY_MS;
      c[f] = Math.round(Math.min(300, Math.max(-40, v)) * 10) / 10;
      break;
    }
    case 'spikes':
      if (unit(hash32(key, 0x5b1e)) < p.prob) c[f] = p.value;
      break;
    case 'disconnected':
      c[f] = p.value;
      break;
    case 'missing_field':
      delete c[f];
      break;
    default:
      break;
  }
}
