/**
 * Sizing of nuisances (kept below every alarm limit, checked against the circuit's own baseline), sensor
 * faults and transport faults. All choices come from the passed Rng; margins come from a pre-simulation.
 */
import type { RegistryEntry } from '../protocol/v1.ts';
import { DAY_MS, HOUR_MS } from './calendar.ts';
import { DeviceModel, type DeviceSpec } from './device.ts';
import { deriveParams } from './params.ts';
import type { Rng } from './rng.ts';
import { channelStats, simulateChannel } from './truth.ts';
import type { Injection, NuisanceKind, SensorField, SensorKind, TransportKind } from './types.ts';

/** Temperature margin nuisances keep below the insulation limit, K. */
export const NUISANCE_MARGIN_K = 10;

/** Circuit-level nuisance over [onset, end). */
export function tuneNuisance(
  kind: NuisanceKind,
  spec: DeviceSpec,
  e: RegistryEntry,
  originMs: number,
  onsetMs: number,
  endMs: number,
  rng: Rng,
): Injection {
  const base = { kind, class: 'nuisance' as const, ch: e.ch, onsetMs, endMs };
  switch (kind) {
    case 'inrush':
      return { ...base, p: { prob: rng.range(0.04, 0.12), mult: rng.range(3, 6) } };
    case 'rcd_test': {
      // exactly one sample: the first grid time at/after onset
      const m = new DeviceModel(spec);
      const ts = m.timeOf(m.indexAtOrAfter(onsetMs));
      return { ...base, onsetMs: ts, endMs: ts + 1, p: { mA: rng.range(28, 33) } };
    }
    case 'high_leakage_appliance': {
      const st = channelStats(spec, e.ch, originMs, onsetMs, Math.min(endMs, onsetMs + 2 * DAY_MS));
      const mA = Math.max(25, Math.min(rng.range(60, 160), 230 - st.irMax));
      return { ...base, p: { mA } };
    }
    case 'festival_peak': {
      const p = deriveParams(e, spec.seed, spec.overrides?.[e.ch]);
      const st = channelStats(spec, e.ch, originMs, onsetMs, endMs);
      // terminal rise ≈ (ΔTref/Iz² + kBrk/In²)·I² must stay NUISANCE_MARGIN_K below the limit
      const room = Math.max(4, p.maxC - NUISANCE_MARGIN_K - 3 - st.ambMax);
      const iCap = Math.sqrt(room / (p.dTref / (p.Iz * p.Iz) + p.kBrk[0] / (p.In * p.In)));
      const capA = Math.min(0.9 * Math.min(p.In, p.Iz), iCap);
      return { ...base, p: { boost: rng.range(1.4, 1.9), capA } };
    }
    case 'dimmer_arc':
      return { ...base, p: { prob: rng.range(0.15, 0.45) } };
    default:
      throw new Error(`${kind} is a device-level nuisance`);
  }
}

/** Device-level nuisance (panel air / humidity), sized so no channel comes within the margin of its limit. */
export function tunePanelNuisance(
  kind: NuisanceKind,
  spec: DeviceSpec,
  originMs: number,
  onsetMs: number,
  endMs: number,
  rng: Rng,
): Injection {
  const base = { kind, class: 'nuisance' as const, ch: null, onsetMs, endMs };
  if (kind === 'dawn_condensation') return { ...base, p: { hour: rng.range(5.5, 7.5) } };
  let room = Infinity;
  for (const e of spec.entries) {
    const st = channelStats(spec, e.ch, originMs, onsetMs, endMs);
    room = Math.min(room, e.maxConductorC - NUISANCE_MARGIN_K - st.tTermMax);
  }
  const want = kind === 'sun_on_box' ? rng.range(8, 20) : rng.range(6, 14);
  return { ...base, p: { K: Math.max(2, Math.min(want, room)) } };
}

const TEMP_FIELDS: Record<1 | 3, SensorField[]> = { 1: ['ta', 'tn'], 3: ['ta', 'tb', 'tc', 'tn'] };

export function tuneSensor(
  kind: SensorKind,
  spec: DeviceSpec,
  e: RegistryEntry,
  originMs: number,
  onsetMs: number,
  scenarioEndMs: number,
  rng: Rng,
): Injection {
  const temps = TEMP_FIELDS[e.phases];
  const base = { kind, class: 'sensor' as const, ch: e.ch, onsetMs };
  const until = (h: number): number => Math.min(scenarioEndMs, onsetMs + h * HOUR_MS);
  switch (kind) {
    case 'stuck': {
      const field: SensorField = rng.chance(0.3) ? 'ir' : rng.pick(temps);
      let value = 0;
      // the value frozen is the true reading at onset (computed, so backfills agree)
      simulateChannel(spec, e.ch, originMs, onsetMs, onsetMs + DAY_MS, (_ts, tr, c) => {
        const k = { ta: 0, tb: 1, tc: 2, tn: 3 }[field as 'ta'] ?? 0;
        value = field === 'ir' ? Math.round(tr.ir * 10) / 10 : Math.round((tr.tTerm[k] + c.p.tOffset[k]) * 10) / 10;
        return true;
      });
      return { ...base, field, endMs: until(rng.range(6, 48)), p: { value } };
    }
    case 'drift':
      return { ...base, field: rng.pick(temps), endMs: null, p: { ratePerDay: (rng.chance(0.7) ? 1 : -1) * rng.range(2, 6) } };
    case 'spikes':
      return {
        ...base,
        field: rng.pick(temps),
        endMs: until(rng.range(24, 120)),
        p: { prob: rng.range(0.004, 0.012), value: rng.pick([250, 280, 299.9]) },
      };
    case 'disconnected':
      return { ...base, field: rng.pick(temps), endMs: until(rng.range(2, 24)), p: { value: rng.pick([-40, 300]) } };
    case 'missing_field': {
      const opts: SensorField[] = [...temps, 'ir'];
      if (spec.caps?.voltage ?? true) opts.push('ua');
      return { ...base, field: rng.pick(opts), endMs: until(rng.range(6, 72)), p: {} };
    }
  }
}

export function tuneTransport(kind: TransportKind, onsetMs: number, rng: Rng): Injection {
  const base = { kind, class: 'transport' as const, ch: null, onsetMs };
  switch (kind) {
    case 'dropout':
      return { ...base, endMs: onsetMs + rng.range(6, 48) * HOUR_MS, p: { pLoss: rng.range(0.02, 0.15) } };
    case 'offline':
      return { ...base, endMs: onsetMs + rng.range(0.25, 6) * HOUR_MS, p: {} };
    case 'duplicate':
      return { ...base, endMs: onsetMs + rng.range(2, 24) * HOUR_MS, p: { pDup: rng.range(0.01, 0.05) } };
  }
}

/**
 * Exact message counts an added transport injection causes on a device (messages lost — or duplicated —
 * that were not already lost/duplicated by the device's earlier transport injections), within [.., untilMs).
 */
export function transportEffect(
  spec: DeviceSpec,
  inj: Injection,
  untilMs: number,
): { count: number; firstMs: number | null; lastMs: number | null } {
  const m0 = new DeviceModel(spec);
  const m1 = new DeviceModel({ ...spec, injections: [...(spec.injections ?? []), inj] });
  let count = 0;
  let firstMs: number | null = null;
  let lastMs: number | null = null;
  const end = Math.min(inj.endMs as number, untilMs);
  for (let k = m1.indexAtOrAfter(inj.onsetMs); m1.timeOf(k) < end; k++) {
    const a = m0.transportAt(k);
    const b = m1.transportAt(k);
    const hit = inj.kind === 'duplicate' ? b.duplicate && !a.duplicate : b.lost && !a.lost;
    if (!hit) continue;
    count++;
    firstMs ??= m1.timeOf(k);
    lastMs = m1.timeOf(k);
  }
  return { count, firstMs, lastMs };
}
