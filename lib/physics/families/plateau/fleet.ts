/**
 * The plateau fleet: Changdu sites, their panels, circuits and devices, drawn from installation practice —
 * cable/breaker pairs of GB 50054 / IEC 60364-4-43 (with the miscoordinated pairs old buildings really have: a
 * breaker one size above the cable's ampacity), grouped cables, outdoor boxes at fuel stations and mines,
 * detectors with and without events, peak-hold or instantaneous residual readings, NTCs of three measuring
 * ranges, sealed and unsealed. Two variants: `town` (Chengguan: newer wiring, indoor boxes) and `rural` (county
 * sites: outdoor boxes, old wiring, cheaper sensors, fewer event-capable devices).
 */
import type { Insulation, LoadType, RegistryEntry } from '../../../protocol/v1.ts';
import { Rng, hash32 } from '../../rng.ts';
import type { CircuitSpec, PoleSpec } from './circuit.ts';
import type { Season } from './climate.ts';
import type { PlateauDeviceSpec, Transport } from './device.ts';
import type { LoadParams } from './loads.ts';
import type { PanelSpec } from './panel.ts';
import { cableParams, maxPoleLossW, tableIz } from './thermal.ts';

export type Variant = 'town' | 'rural';
const CATEGORIES = ['temple', 'relic', 'school', 'welfare', 'hospital', 'mall', 'entertainment', 'gas', 'mine', 'hazchem'];
const LOAD_MIX: Record<string, [LoadType, number][]> = {
  temple: [['lighting', 0.4], ['heating', 0.25], ['sockets', 0.25], ['mixed', 0.1]],
  relic: [['lighting', 0.5], ['sockets', 0.3], ['mixed', 0.2]],
  school: [['lighting', 0.3], ['sockets', 0.3], ['heating', 0.25], ['mixed', 0.15]],
  welfare: [['sockets', 0.3], ['heating', 0.25], ['lighting', 0.2], ['mixed', 0.15], ['motor', 0.1]],
  hospital: [['sockets', 0.3], ['heating', 0.2], ['lighting', 0.2], ['mixed', 0.2], ['motor', 0.1]],
  mall: [['lighting', 0.3], ['sockets', 0.4], ['mixed', 0.2], ['motor', 0.1]],
  entertainment: [['lighting', 0.4], ['sockets', 0.3], ['mixed', 0.3]],
  gas: [['motor', 0.4], ['lighting', 0.3], ['mixed', 0.3]],
  mine: [['motor', 0.5], ['mixed', 0.3], ['lighting', 0.2]],
  hazchem: [['motor', 0.5], ['mixed', 0.3], ['sockets', 0.2]],
};
// [In (A), cable mm²] per load type, single- and three-phase
const SIZES: Record<LoadType, { one: [number, number][]; three: [number, number][] }> = {
  lighting: { one: [[10, 1.5], [16, 2.5]], three: [[16, 2.5]] },
  sockets: { one: [[16, 2.5], [20, 4], [25, 4]], three: [[25, 4]] },
  heating: { one: [[16, 2.5], [20, 4], [25, 4], [32, 6]], three: [[32, 6]] },
  motor: { one: [[16, 2.5], [20, 4]], three: [[16, 2.5], [25, 4], [32, 6], [40, 10]] },
  mixed: { one: [[25, 4], [32, 6]], three: [[32, 6], [40, 10], [63, 16], [80, 25]] },
};
const SMALLER: Record<number, number> = { 1.5: 1.5, 2.5: 1.5, 4: 2.5, 6: 4, 10: 6, 16: 10, 25: 16 };

export interface FleetCircuit { spec: CircuitSpec; izEff: number; peakA: number; device: number }

function pickWeighted<T>(rng: Rng, xs: [T, number][]): T {
  let u = rng.next() * xs.reduce((s, [, w]) => s + w, 0);
  for (const [x, w] of xs) { if ((u -= w) <= 0) return x; }
  return xs[xs.length - 1][0];
}

export interface FleetOptions { seed: number; season: Season; variant: Variant; startMs: number; days: number; devices: number; doy: number }

/** Devices with healthy circuits; the scenario adds injections. */
export function buildFleet(o: FleetOptions): { devices: PlateauDeviceSpec[]; circuits: FleetCircuit[] } {
  const rng = new Rng(hash32(o.seed, 0x91a7));
  const rural = o.variant === 'rural';
  const devices: PlateauDeviceSpec[] = [];
  const circuits: FleetCircuit[] = [];
  for (let d = 0; d < o.devices; d++) {
    const category = CATEGORIES[d % CATEGORIES.length];
    const site = `PL${rural ? 'R' : 'T'}-${category.slice(0, 3).toUpperCase()}-${String(Math.floor(d / 2)).padStart(3, '0')}`;
    const device = `${site}-D${(d % 2) + 1}`;
    const dseed = hash32(o.seed, d, 0xde71);
    const outdoorBox = category === 'gas' || category === 'mine' || rng.chance(rural ? 0.4 : 0.12);
    const winter = o.season === 'winter';
    const heatedSite = category === 'hospital' || category === 'welfare' || category === 'school';
    const panel: PanelSpec = {
      seed: o.seed, season: o.season, doy: o.doy, outdoorBox,
      sunGainKPerWm2: outdoorBox ? rng.range(0.01, 0.022) : rng.chance(0.2) ? rng.range(0.004, 0.01) : 0,
      faceAz: rng.range(-Math.PI / 2, Math.PI / 2),
      heated: winter && heatedSite && rng.chance(0.8), heatSetC: rng.range(16, 20),
      roomOffsetK: winter ? rng.range(4, 9) : rng.range(2, 4),
      rBoxKPerW: rng.range(0.15, 0.45), tauBoxS: rng.range(1200, 2700),
      heaterK: 0, heaterFromH: 19, heaterToH: 8, heaterOnMs: 0, heaterOffMs: 0,
    };
    const nCh = rng.chance(rural ? 0.2 : 0.06) ? 1 : rng.chance(0.1) ? 2 : 4;
    const arcCap = rng.chance(rural ? 0.7 : 0.85);
    const spec: PlateauDeviceSpec = {
      device, site, category, seed: dseed,
      phaseMs: o.startMs + Math.floor(rng.next() * 60) * 1000,
      seqBase: rng.chance(0.1) ? 4294967296 - 300 - rng.int(4000) : rng.int(2_000_000),
      panel, circuits: [], events: arcCap && rng.chance(rural ? 0.3 : 0.6), ambientCap: rng.chance(0.9),
      supplyV: 220 * rng.range(rural ? 0.97 : 1.0, rural ? 1.07 : 1.05),
      selfTests: [], selfTestMa: 300 * rng.range(1.1, 1.6), surgeP: outdoorBox ? 0.03 : 0.01, surgeMa: rng.range(200, rural ? 3000 : 1500),
      transport: { dropouts: [], offline: [], duplicates: [], fast: [] },
    };
    const irPeak = rng.chance(rural ? 0.3 : 0.5);
    const top = pickWeighted(rng, rural ? [[125, 0.5], [150, 0.3], [300, 0.2]] : [[300, 0.5], [150, 0.3], [125, 0.2]]);
    const unsealed = rng.chance(rural ? 0.5 : 0.3);
    const voltageCap = rng.chance(0.7);
    for (let ch = 1; ch <= nCh; ch++) {
      const loadType = pickWeighted(rng, LOAD_MIX[category]);
      const three = (loadType === 'mixed' && rng.chance(0.7)) || (loadType === 'motor' && rng.chance(0.5));
      const [inA, tableMm2] = rng.pick(three ? SIZES[loadType].three : SIZES[loadType].one);
      const mm2 = rng.chance(rural ? 0.3 : 0.15) ? SMALLER[tableMm2] ?? tableMm2 : tableMm2; // an old circuit: cable one size short
      const insulation: Insulation = pickWeighted(rng, [['PVC', 0.8], ['XLPE', rural ? 0.05 : 0.15], ['rubber', rural ? 0.15 : 0.05]]);
      const limitC = insulation === 'XLPE' ? 90 : insulation === 'rubber' ? 60 : 70;
      const entry: RegistryEntry = {
        device, ch, site, siteCategory: category, phases: three ? 3 : 1, ratedCurrentA: inA, cableMm2: mm2, insulation,
        maxConductorC: limitC, loadType, reportIntervalS: 60,
      };
      const grouping = rng.chance(0.3) ? rng.range(0.8, 0.9) : 1;
      const altitude = rng.range(1.04, 1.1);
      const cable = cableParams(mm2, insulation, three ? 3 : 1, limitC, altitude / (grouping * grouping), rng.range(4, 12));
      const izEff = (tableIz(mm2, insulation, three ? 3 : 1) * grouping) / Math.sqrt(altitude);
      const peakA = rng.range(0.3, 0.7) * Math.min(inA, izEff);
      const cseed = hash32(dseed, ch, 0xc1c);
      const load: LoadParams = {
        loadType, category, peakA, seed: cseed,
        motorA: rng.range(0.4, 0.8) * Math.min(inA, izEff), heaterA: rng.range(0.5, 0.85) * Math.min(inA, izEff),
        brushA: (loadType === 'sockets' || loadType === 'mixed') && rng.chance(rural ? 0.5 : 0.4) ? rng.range(3, 7) : 0,
        brushPerDay: rng.range(0.5, 2),
      };
      const loss = 0.5 * rng.range(0.45, 0.75) * maxPoleLossW(inA) / (inA * inA);
      const pole = (neutral: boolean): PoleSpec => ({
        rPoleOhm: neutral ? loss * rng.range(three ? 0.2 : 0.2, three ? 0.5 : 0.8) : loss * rng.range(0.85, 1.15),
        rtKPerW: rng.range(3, 7), tauTS: rng.range(90, 420), kc: rng.range(0.45, 0.8),
        posSun: 1 + rng.range(-0.18, 0.18), posHeat: 1 + rng.range(-0.35, 0.35), offsetK: rng.range(-0.5, 0.5),
      });
      const poles = [pole(false), pole(false), pole(false), pole(true)];
      const idle = rng.range(1, 8);
      const c: CircuitSpec = {
        entry, seed: cseed, doy: o.doy, cable, poles, load,
        shares: three ? normShares([1 + rng.range(-0.12, 0.12), 1 + rng.range(-0.12, 0.12), 1 + rng.range(-0.12, 0.12)]) : [1, 0, 0],
        h3: three ? rng.range(0.04, 0.25) : 0,
        leak: { idleMa: idle, fullMa: idle + rng.range(3, 40), wetMa: outdoorBox ? rng.range(10, 60) : rng.range(0.5, 15), critRh: rng.range(60, 75) },
        sensorTopC: top, sensorFailC: rng.range(150, 260), failMode: pickWeighted(rng, [['open', 0.5], ['missing', 0.25], ['short', 0.25]]),
        tNoiseK: rural ? rng.range(0.1, 0.25) : rng.range(0.05, 0.15), wetNtcK: unsealed ? rng.range(1, 4) : 0,
        irPeak, arcCap, voltageCap,
        dimmerPerH: loadType === 'lighting' && rng.chance(0.35) ? rng.range(6, 30) : 0,
        brushPerS: rng.range(0.5, 6),
        repairMs: Infinity,
        // every optional field present from the start: one object shape for the hot physics loop
        contact: undefined, overload: undefined, degradation: undefined, earth: undefined, arc: undefined, celebration: undefined, sensorFault: undefined,
      };
      spec.circuits.push(c);
      circuits.push({ spec: c, izEff, peakA, device: d });
    }
    devices.push(spec);
  }
  return { devices, circuits };
}

function normShares(x: [number, number, number]): [number, number, number] {
  const m = (x[0] + x[1] + x[2]) / 3;
  return [x[0] / m, x[1] / m, x[2] / m];
}

/** Transport faults and self-tests of a device (the fleet's own rng stream, so faults do not shift them). */
export function transportFor(o: FleetOptions, d: number, variant: Variant): { t: Transport; selfTests: number[] } {
  const rng = new Rng(hash32(o.seed, d, 0x7a45));
  const span = o.days * 86_400_000;
  const at = (lo = 0.03, hi = 0.95) => o.startMs + rng.range(lo, hi) * span;
  const t: Transport = { dropouts: [], offline: [], duplicates: [], fast: [] };
  if (rng.chance(0.25)) { const f = at(); t.dropouts.push({ from: f, to: f + rng.range(6, 36) * 3_600_000, p: rng.range(0.03, 0.2) }); }
  if (rng.chance(variant === 'rural' ? 0.15 : 0.08)) { const f = at(0.1, 0.9); t.offline.push({ from: f, to: f + rng.range(0.35, 6) * 3_600_000, reboot: rng.chance(0.5) }); }
  if (rng.chance(0.12)) { const f = at(); t.duplicates.push({ from: f, to: f + rng.range(6, 48) * 3_600_000, p: rng.range(0.02, 0.08), restampP: 0.3 }); }
  if (rng.chance(0.06)) t.fast.push({ at: Math.round(at(0.1, 0.9)), n: 120 + rng.int(120), spacingMs: 250 });
  const selfTests: number[] = [];
  const n = Math.round(o.days / 4 + rng.range(-1, 1));
  for (let i = 0; i < n; i++) {
    const day = Math.floor(rng.next() * o.days);
    selfTests.push(Math.round(o.startMs + day * 86_400_000 + rng.range(9, 17) * 3_600_000)); // working hours (startMs is a Beijing midnight)
  }
  return { t, selfTests };
}
