/**
 * Control request → physics Injection, sized against the circuit's own (pre-simulated) load so the fault
 * reaches danger about when intended. Pure (no I/O); randomness from the request id.
 *
 *  severity s ∈ [0,1]  faults: development speed, nominal hours ÷ (0.25 + 0.75·s) (s = 1 nominal, s = 0 4× slower);
 *                      nuisances / sensor faults: amplitude (within the physics' documented ranges).
 *  accelerate A ≥ 1    the fault's own clock runs A× faster: every growth/ramp time constant of the injection
 *                      (tauS, rampS, drift ratePerDay) is divided by A. Thermal time constants of the circuit
 *                      are physics and are NOT scaled, so a terminal still needs minutes to heat up.
 */
import type { Injectable } from '../../lib/events/sim-control.ts';
import {
  DAY_MS,
  DEVICE_NUISANCES,
  FAULT_KINDS,
  HOUR_MS,
  NUISANCE_KINDS,
  POLE_INDEX,
  Rng,
  SENSOR_KINDS,
  channelStats,
  deriveParams,
  hash32,
  hashString,
  simulateChannel,
  type DeviceSpec,
  type FaultKind,
  type Injection,
  type InjectionClass,
  type ParamOverrides,
  type Pole,
  type SensorField,
} from '../../lib/physics/index.ts';

export interface InjectRequest {
  id: string;
  kind: Injectable;
  ch: number | null;
  severity: number;
  accelerate: number;
  durationS?: number;
}

export interface Sized {
  inj: Injection;
  /** parameter overrides the fault needs on its circuit (neutral/harmonic faults) */
  overrides?: ParamOverrides;
  /** nominal onset→danger hours after severity and accelerate (faults) */
  targetH?: number;
}

/** Nominal onset→danger hours at severity 1 (middle of the physics' ranges). */
export const NOMINAL_H: Record<FaultKind, number> = {
  loose_connection: 20,
  insulation_degradation: 24,
  harmonic_neutral: 36,
  overload: 3,
  earth_fault: 2,
  series_arc: 3,
  neutral_fault: 6,
};

export function classOf(kind: Injectable): InjectionClass {
  if ((FAULT_KINDS as readonly string[]).includes(kind)) return 'fault';
  if ((NUISANCE_KINDS as readonly string[]).includes(kind)) return 'nuisance';
  if ((SENSOR_KINDS as readonly string[]).includes(kind)) return 'sensor';
  return 'transport';
}

/** Device-level kinds (ground truth ch null). */
export function isDeviceLevel(kind: Injectable): boolean {
  return kind === 'offline' || (DEVICE_NUISANCES as readonly string[]).includes(kind);
}

export class InjectError extends Error {}

const lerp = (a: number, b: number, s: number): number => a + (b - a) * s;

export function sizeInjection(spec: DeviceSpec, req: InjectRequest, onsetMs: number, originMs: number): Sized {
  const s = Math.min(1, Math.max(0, req.severity));
  const A = Math.max(1, req.accelerate);
  const rng = new Rng(hash32(spec.seed, hashString(req.id), 0x51e));
  const cls = classOf(req.kind);
  const durMs = req.durationS !== undefined ? req.durationS * 1000 : null;
  const intervalMs = (spec.intervalS ?? 60) * 1000;

  if (req.kind === 'offline') {
    // 15 min … 6 h by severity, ÷ accelerate, at least 4 report intervals (so device_offline is expected)
    const d = Math.max(4 * intervalMs, durMs ?? (lerp(0.25, 6, s) * HOUR_MS) / A);
    return { inj: { kind: 'offline', class: 'transport', ch: null, onsetMs, endMs: onsetMs + d, p: {} } };
  }
  if (isDeviceLevel(req.kind)) {
    const endMs = onsetMs + (durMs ?? 6 * HOUR_MS);
    const base = { kind: req.kind, class: 'nuisance' as const, ch: null, onsetMs, endMs };
    if (req.kind === 'dawn_condensation') return { inj: { ...base, endMs: onsetMs + (durMs ?? DAY_MS), p: { hour: rng.range(5.5, 7.5) } } };
    let room = Infinity;
    for (const e of spec.entries) {
      const st = channelStats(spec, e.ch, originMs, onsetMs, Math.min(endMs, onsetMs + DAY_MS));
      room = Math.min(room, e.maxConductorC - 10 - st.tTermMax);
    }
    const want = req.kind === 'sun_on_box' ? lerp(8, 20, s) : lerp(6, 14, s);
    return { inj: { ...base, p: { K: Math.max(2, Math.min(want, room)) } } };
  }

  const entry = spec.entries.find((e) => e.ch === req.ch);
  if (!entry) throw new InjectError(`${spec.device} has no channel ${req.ch}`);
  const caps = spec.caps ?? {};
  if ((req.kind === 'neutral_fault' || req.kind === 'harmonic_neutral') && entry.phases !== 3)
    throw new InjectError(`${req.kind} needs a three-phase circuit (${spec.device}/${entry.ch} is single-phase)`);
  if (req.kind === 'neutral_fault' && caps.voltage === false) throw new InjectError(`${spec.device} does not measure voltage`);
  if ((req.kind === 'series_arc' || req.kind === 'dimmer_arc') && caps.arc === false)
    throw new InjectError(`${spec.device} does not count arcs`);

  const ch = entry.ch;
  if (cls === 'fault') {
    const kind = req.kind as FaultKind;
    const H = NOMINAL_H[kind] / (0.25 + 0.75 * s); // hours of fault time to danger
    const Hs = (H * 3600) / A; // seconds of simulated time to danger
    const overrides: ParamOverrides | undefined =
      kind === 'neutral_fault'
        ? { imbalance: rng.range(0.3, 0.45) }
        : kind === 'harmonic_neutral'
          ? { imbalance: 0.02, neutralArea: 0.5, peakFrac: rng.range(0.62, 0.72) }
          : undefined;
    const sp: DeviceSpec = overrides
      ? { ...spec, overrides: { ...spec.overrides, [ch]: { ...spec.overrides?.[ch], ...overrides } } }
      : spec;
    const p = deriveParams(entry, sp.seed, sp.overrides?.[ch]);
    const win = Math.min(DAY_MS, Math.max(HOUR_MS, 2 * Hs * 1000));
    const st = channelStats(sp, ch, originMs, onsetMs, onsetMs + win);
    const base = { kind, class: 'fault' as const, ch, onsetMs, endMs: durMs === null ? null : onsetMs + durMs };
    const targetH = Hs / 3600;
    switch (kind) {
      case 'loose_connection': {
        const pole: Pole = entry.phases === 3 ? rng.pick(['a', 'b', 'c'] as const) : rng.chance(0.7) ? 'a' : 'n';
        const pi = POLE_INDEX[pole];
        const ipk = Math.max(1, st.iP95 * (entry.phases === 3 ? p.share[Math.min(pi, 2)] : 1));
        const need = Math.max(8, p.maxC - st.tTermP95[pi]);
        const g = p.kTh * ipk * ipk;
        const R0 = 0.8 / g;
        const Rneed = need / g / (1 + 0.004 * (p.maxC - 20));
        return { inj: { ...base, pole, p: { R0, tauS: Hs / Math.log(Rneed / R0), Rmax: Rneed * 8 } }, targetH };
      }
      case 'overload': {
        const Id = p.Iz * Math.sqrt(Math.max(0.5, (p.maxC - st.ambMedian) / p.dTref));
        const I1 = Id > 1.05 * p.In ? p.In + 0.5 * (Id - p.In) : 1.05 * p.In;
        const a1 = Math.max(0.1 * p.In, I1 - st.iMedian);
        const a2 = Math.max(a1 * 1.2, Id * 1.2 - st.iMedian);
        return { inj: { ...base, p: { a1, a2, rampS: Hs } }, targetH };
      }
      case 'insulation_degradation': {
        const L0 = rng.range(3, 8);
        const room = Math.max(50, 300 - st.irMedian);
        return { inj: { ...base, p: { L0, tauS: Hs / Math.log(room / (L0 * 1.2)) } }, targetH };
      }
      case 'earth_fault': {
        const L1 = Math.max(310, rng.range(320, 450) - st.irMedian);
        const room = Math.max(L1 * 1.1, 500 - st.irMedian);
        return { inj: { ...base, p: { L1, tauS: Hs / Math.log(room / L1) } }, targetH };
      }
      case 'series_arc':
        return { inj: { ...base, p: { r0: 0.5, tauS: Hs / Math.log(28) } }, targetH };
      case 'neutral_fault':
        return { inj: { ...base, p: { R0: 0.005, tauS: Hs / Math.log(1e4), Rmax: 1000 } }, overrides, targetH };
      case 'harmonic_neutral': {
        const need = Math.sqrt(Math.max(0.3, (p.maxC - st.ambMedian) / p.dTref)) * p.IzN;
        const h1 = Math.min(0.6, Math.max(0.2, (need / (3 * Math.max(0.5, st.iP95))) * 1.15));
        return { inj: { ...base, p: { h0: p.h3, h1, rampS: Hs * 0.8 } }, overrides, targetH };
      }
    }
  }

  if (cls === 'nuisance') {
    const endMs = onsetMs + (durMs ?? 6 * HOUR_MS);
    const base = { kind: req.kind, class: 'nuisance' as const, ch, onsetMs, endMs };
    switch (req.kind) {
      case 'inrush':
        return { inj: { ...base, p: { prob: lerp(0.04, 0.12, s), mult: lerp(3, 6, s) } } };
      case 'rcd_test': {
        // exactly one sample: [onset, onset + interval) holds exactly one grid time
        return { inj: { ...base, endMs: onsetMs + intervalMs, p: { mA: lerp(28, 33, s) } } };
      }
      case 'high_leakage_appliance': {
        const st = channelStats(spec, ch, originMs, onsetMs, Math.min(endMs, onsetMs + DAY_MS));
        return { inj: { ...base, p: { mA: Math.max(25, Math.min(lerp(25, 160, s), 230 - st.irMax)) } } };
      }
      case 'festival_peak': {
        const p = deriveParams(entry, spec.seed, spec.overrides?.[ch]);
        const st = channelStats(spec, ch, originMs, onsetMs, Math.min(endMs, onsetMs + DAY_MS));
        const room = Math.max(4, p.maxC - 13 - st.ambMax);
        const iCap = Math.sqrt(room / (p.dTref / (p.Iz * p.Iz) + p.kBrk[0] / (p.In * p.In)));
        return { inj: { ...base, p: { boost: lerp(1.4, 1.9, s), capA: Math.min(0.9 * Math.min(p.In, p.Iz), iCap) } } };
      }
      default: // dimmer_arc
        return { inj: { ...base, p: { prob: lerp(0.15, 0.45, s) } } };
    }
  }

  // sensor faults
  const temps: SensorField[] = entry.phases === 3 ? ['ta', 'tb', 'tc', 'tn'] : ['ta', 'tn'];
  const until = (h: number): number => onsetMs + (durMs ?? h * HOUR_MS);
  const base = { kind: req.kind, class: 'sensor' as const, ch, onsetMs };
  switch (req.kind) {
    case 'stuck': {
      const field: SensorField = rng.chance(0.3) ? 'ir' : rng.pick(temps);
      let value = 0;
      simulateChannel(spec, ch, originMs, onsetMs, onsetMs + DAY_MS, (_ts, tr, c) => {
        const k = ({ ta: 0, tb: 1, tc: 2, tn: 3 } as Record<string, number>)[field] ?? 0;
        value = field === 'ir' ? Math.round(tr.ir * 10) / 10 : Math.round((tr.tTerm[k] + c.p.tOffset[k]) * 10) / 10;
        return true;
      });
      return { inj: { ...base, field, endMs: until(12), p: { value } } };
    }
    case 'drift': {
      const rate = (rng.chance(0.7) ? 1 : -1) * lerp(2, 6, s) * A;
      return { inj: { ...base, field: rng.pick(temps), endMs: durMs === null ? null : onsetMs + durMs, p: { ratePerDay: rate } } };
    }
    case 'spikes':
      return {
        inj: { ...base, field: rng.pick(temps), endMs: until(24), p: { prob: lerp(0.004, 0.012, s), value: rng.pick([250, 280, 299.9]) } },
      };
    case 'disconnected':
      return { inj: { ...base, field: rng.pick(temps), endMs: until(6), p: { value: s >= 0.5 ? 300 : -40 } } };
    default: {
      const opts: SensorField[] = [...temps, 'ir'];
      if (caps.voltage !== false) opts.push('ua');
      return { inj: { ...base, field: rng.pick(opts), endMs: until(12), p: {} } };
    }
  }
}
