/**
 * One monitored circuit of the plateau family: load → phase and neutral currents → conductor (two-loop IEC
 * 60287/60853 model) and terminal temperatures (breaker pole loss + contact resistance) → leakage → arc counts,
 * and what the device's sensors make of it (offset, noise, 0.1 resolution, the NTC's measuring range, wet NTCs,
 * injected sensor faults, a sensor destroyed by the heat it measures). Stepped in sample time; the random draws
 * of a step are hashed on (circuit seed, step), so a pre-run for ground truth sees exactly the same physics.
 */
import type { Channel, RegistryEntry } from '../../../protocol/v1.ts';
import { Rng, hash32 } from '../../rng.ts';
import { nuisanceArcInterval, seriesArcInterval, type ArcInterval, type NuisanceArcs, type SeriesArc } from './arcing.ts';
import { growContact, type ContactFault } from './contact.ts';
import { degradationLeak, earthFaultLeak, healthyLeak, type Degradation, type EarthFault, type LeakParams } from './leakage.ts';
import { loadAt, loadNoise, type LoadNoise, type LoadNow, type LoadParams } from './loads.ts';
import type { PanelNow } from './panel.ts';
import { stepCable, type CableParams } from './thermal.ts';

export interface PoleSpec { rPoleOhm: number; rtKPerW: number; tauTS: number; kc: number; posSun: number; posHeat: number; offsetK: number }
export type SensorFaultKind = 'stuck' | 'open' | 'short' | 'missing' | 'drift' | 'spikes';
export type TempField = 'ta' | 'tb' | 'tc' | 'tn';

export interface CircuitSpec {
  entry: RegistryEntry;
  seed: number;
  doy: number;
  cable: CableParams;
  /** a, b, c, n */
  poles: PoleSpec[];
  load: LoadParams;
  /** three-phase: shares of the mean current per phase, triplen harmonic ratio */
  shares: [number, number, number];
  h3: number;
  leak: LeakParams;
  sensorTopC: number;
  /** the NTC dies above this true temperature, then reads open (−40), its top, or nothing */
  sensorFailC: number;
  failMode: 'open' | 'short' | 'missing';
  tNoiseK: number;
  /** NTC reading error per unit of dew (K): unsealed sensors read warm when wet */
  wetNtcK: number;
  irPeak: boolean;
  arcCap: boolean;
  voltageCap: boolean;
  contact?: { pole: number; onsetMs: number; f: ContactFault };
  overload?: { onsetMs: number; endMs: number; extraA: number };
  degradation?: Degradation;
  earth?: EarthFault;
  arc?: SeriesArc;
  celebration?: { onsetMs: number; endMs: number; factor: number; capA: number };
  dimmerPerH: number;
  brushPerS: number;
  sensorFault?: { kind: SensorFaultKind; field: TempField | 'ir'; onsetMs: number; endMs: number; rate: number };
  /** the fault is repaired here: physics healthy again, a destroyed sensor replaced */
  repairMs: number;
}

const POLE_FIELDS: TempField[] = ['ta', 'tb', 'tc', 'tn'];
const q1 = (x: number) => Math.round(x * 10) / 10;
/** a current transformer's reading: 0.4 % gain noise, 20 mA offset noise, 0.01 A resolution */
const cur = (rng: Rng, x: number) => Math.round(Math.max(0, x * (1 + 0.004 * rng.gauss()) + 0.02 * rng.gauss()) * 100) / 100;
// state slots
const CAB = 0; // 4 conductors × (inner, outer)
const TH = 8; // terminal rise over its local box air, per pole
const TT = 12; // true terminal temperature, per pole
const TC = 16; // true conductor temperature, per conductor
const RF = 20; // fault's added contact resistance (Ω)
const DEAD = 21; // 4 poles: sensor destroyed (1)
const E_ARC = 25, ARC_N = 26, ARC_MAX = 27, IR_TRUE = 28, IR_PEAK = 29, I_PREV = 30, STUCK = 31, ARC_ALARM_AT = 32, I_NOW = 33;
const SIZE = 34;

export class PlateauCircuit {
  readonly s = new Float64Array(SIZE);
  readonly i = new Float64Array(4);
  private readonly rng = new Rng(0);
  private readonly ln: LoadNow = { iA: 0, brush: false, started: false };
  private readonly arcOut: ArcInterval = { count: 0, maxPerS: 0, firstAlarmS: NaN, energyJ: 0 };
  private readonly nx: NuisanceArcs = { dimmerPerH: 0, brushPerS: 0, brushOn: 0, switched: false, lightsOn: false };
  private readonly three: boolean;
  private readonly nz: LoadNoise;
  /** the device should raise its GB 14287.4 local alarm at this ts (NaN none), consumed by the device */
  pendingArcAlarm = NaN;
  pendingArcValue = 0;
  /** a motor start happened in the last step (its inrush may show in a reading) */
  started = false;

  constructor(readonly spec: CircuitSpec) {
    this.three = spec.entry.phases === 3;
    this.nz = loadNoise(spec.load);
    this.s[I_PREV] = 0;
    this.s[STUCK] = NaN;
    this.s[ARC_ALARM_AT] = -Infinity;
    this.s[RF] = spec.contact?.f.r0Ohm ?? 0;
    this.s[IR_PEAK] = 0;
  }

  /** Advance the physics by dtS to ts (step index k) in the panel's environment. */
  step(ts: number, k: number, dtS: number, env: PanelNow): void {
    const p = this.spec, s = this.s, rng = this.rng.reseed(hash32(p.seed, k, 0x57e9));
    const fixed = ts >= p.repairMs;
    loadAt(p.load, this.nz, ts, env.roomC, p.doy, this.ln);
    let iMean = this.ln.iA;
    const ov = p.overload;
    if (ov && !fixed && ts >= ov.onsetMs && ts < ov.endMs) iMean += ov.extraA;
    const cel = p.celebration;
    if (cel && ts >= cel.onsetMs && ts < cel.endMs) iMean = Math.min(cel.capA, iMean * cel.factor);
    this.started = this.ln.started;
    const i = this.i;
    if (this.three) {
      i[0] = iMean * p.shares[0]; i[1] = iMean * p.shares[1]; i[2] = iMean * p.shares[2];
      const re = i[0] - 0.5 * (i[1] + i[2]), im = 0.8660254 * (i[1] - i[2]);
      i[3] = Math.sqrt(re * re + im * im + (3 * p.h3 * iMean) ** 2);
    } else { i[0] = iMean; i[1] = 0; i[2] = 0; i[3] = iMean; }
    s[I_NOW] = Math.max(i[0], i[1], i[2]);
    if (dtS !== this.dtS) this.factors(dtS);
    const aC = this.aC;
    for (let c = 0; c < 4; c++) {
      if (!this.three && (c === 1 || c === 2)) continue;
      s[TC + c] = stepCable(p.cable, s, CAB + 2 * c, i[c], env.roomC, aC);
    }
    // terminals: breaker pole loss (a share of it) and the contact, plus heat conducted from the conductor;
    // radiation takes a growing share of the cooling as a terminal gets very hot
    for (let c = 0; c < 4; c++) {
      if (!this.three && (c === 1 || c === 2)) continue;
      const pole = p.poles[c];
      const rFault = p.contact && p.contact.pole === c && !fixed && ts >= p.contact.onsetMs ? s[RF] : 0;
      const w = i[c] * i[c] * (pole.rPoleOhm + rFault);
      const th = s[TH + c];
      const rt = pole.rtKPerW / (1 + Math.max(0, th) / 250);
      const ss = pole.kc * (s[TC + c] - env.roomC) + rt * w;
      s[TH + c] = th + (ss - th) * this.aT[c];
      const prevT = s[TT + c];
      const t = env.boxC + (pole.posSun - 1) * env.sunK + (pole.posHeat - 1) * env.heaterK + s[TH + c];
      s[TT + c] = t;
      if (rFault > 0) s[RF] = growContact(p.contact!.f, s[RF], t, prevT === prevT && prevT !== 0 ? t - prevT : 0, dtS);
      if (t > p.sensorFailC && !fixed) s[DEAD + c] = 1;
      else if (fixed && s[DEAD + c] === 1) s[DEAD + c] = 0; // replaced at the repair
    }
    // leakage: healthy (load and humidity), degrading insulation, an earth fault
    const u = iMean / p.entry.ratedCurrentA;
    let ir = healthyLeak(p.leak, u, env.rh, env.dew);
    if (p.degradation && !fixed) ir += degradationLeak(p.degradation, ts, env.rh, rng);
    if (p.earth && !fixed) ir += earthFaultLeak(p.earth, ts, rng);
    s[IR_TRUE] = ir;
    let peak = ir;
    // a motor start: a CT with a little asymmetry reads 0.1–0.3 % of the starting current for a moment
    if (this.ln.started && (p.irPeak || rng.next() < 2 / dtS)) peak = Math.max(peak, ir + (1 + 2 * rng.next()) * 6 * iMean);
    s[IR_PEAK] = Math.max(s[IR_PEAK], peak);
    // arcs: the fault's bursts, nuisances; energy accumulates with a 60 s cooling of the gap
    const ao = this.arcOut;
    ao.count = 0; ao.maxPerS = 0; ao.firstAlarmS = NaN; ao.energyJ = 0;
    if (p.arc && !fixed) seriesArcInterval(p.arc, ts - dtS * 1000, dtS, i[0], rng, ao);
    const switched = Math.abs(iMean - s[I_PREV]) > 2;
    s[I_PREV] = iMean;
    const lightsOn = p.entry.loadType === 'lighting' && iMean > 0.15 * p.entry.ratedCurrentA;
    const nx = this.nx;
    nx.dimmerPerH = p.dimmerPerH; nx.brushPerS = p.brushPerS; nx.brushOn = this.ln.brush ? 1 : 0; nx.switched = switched; nx.lightsOn = lightsOn;
    nuisanceArcInterval(nx, dtS, rng, ao);
    s[E_ARC] = s[E_ARC] * this.aE + ao.energyJ;
    if (p.arcCap) {
      s[ARC_N] += ao.count;
      if (ao.maxPerS > s[ARC_MAX]) s[ARC_MAX] = ao.maxPerS;
      if (ao.firstAlarmS === ao.firstAlarmS && ts - dtS * 1000 + ao.firstAlarmS * 1000 - s[ARC_ALARM_AT] > 300_000) {
        this.pendingArcAlarm = Math.round(ts - dtS * 1000 + ao.firstAlarmS * 1000);
        this.pendingArcValue = ao.maxPerS;
        s[ARC_ALARM_AT] = this.pendingArcAlarm;
      }
    }
  }

  // smoothing factors for the (fixed) physics step
  private dtS = NaN;
  private aC = 0;
  private aE = 0;
  private readonly aT = new Float64Array(4);
  private factors(dtS: number): void {
    this.dtS = dtS;
    this.aC = 1 - Math.exp(-dtS / this.spec.cable.tauS);
    this.aE = Math.exp(-dtS / 60);
    for (let c = 0; c < 4; c++) this.aT[c] = 1 - Math.exp(-dtS / this.spec.poles[c].tauTS);
  }

  /** True hazard state for the ground truth. */
  hottestTerminal(): number {
    const s = this.s;
    return this.three ? Math.max(s[TT], s[TT + 1], s[TT + 2], s[TT + 3]) : Math.max(s[TT], s[TT + 3]);
  }
  hottestConductor(): number {
    const s = this.s;
    return this.three ? Math.max(s[TC], s[TC + 1], s[TC + 2]) : s[TC];
  }
  leakMa(): number { return this.s[IR_TRUE]; }
  arcEnergyJ(): number { return this.s[E_ARC]; }
  terminal(c: number): number { return this.s[TT + c]; }

  /**
   * The channel reading at report time ts (read index r for its noise), `extraIrMa` the device-wide transient
   * (self-test, surge) its residual channel saw in the interval, `uSupply` the panel's phase voltage.
   */
  read(ts: number, r: number, extraIrMa: number, uSupply: number): Channel {
    const p = this.spec, s = this.s, rng = this.rng.reseed(hash32(p.seed, r, 0x4ead));
    const ch: Channel = { ch: p.entry.ch };
    // a reading that falls within a motor start shows its inrush (the device's 1-s RMS window)
    const inrush = this.started && rng.next() < 1.5 / this.intervalS ? 4 + 3 * rng.next() : 1;
    ch.ia = cur(rng, this.i[0] * inrush);
    if (this.three) { ch.ib = cur(rng, this.i[1] * inrush); ch.ic = cur(rng, this.i[2] * inrush); }
    const irTrue = p.irPeak ? Math.max(s[IR_PEAK], s[IR_TRUE]) : s[IR_TRUE];
    let ir = Math.max(0, (irTrue + extraIrMa) * (1 + 0.01 * rng.gauss()) + 0.6 * rng.gauss());
    s[IR_PEAK] = 0;
    const sf = p.sensorFault, sfOn = sf !== undefined && ts >= sf.onsetMs && ts < sf.endMs;
    if (sfOn && sf.field === 'ir' && sf.kind === 'stuck') { if (s[STUCK] !== s[STUCK]) s[STUCK] = Math.round(ir); ir = s[STUCK]; }
    let omitIr = false;
    if (sfOn && sf.field === 'ir' && sf.kind === 'missing') omitIr = true;
    if (!omitIr) ch.ir = Math.min(30000, Math.round(ir * 10) / 10);
    const fields = this.three ? [0, 1, 2, 3] : [0, 3];
    for (const c of fields) {
      const f = POLE_FIELDS[c];
      const pole = p.poles[c];
      let t = s[TT + c] + pole.offsetK + p.tNoiseK * rng.gauss() + p.wetNtcK * (c === 0 ? 1 : 0.4) * this.dew;
      let omit = false;
      if (s[DEAD + c] === 1) {
        if (p.failMode === 'missing') omit = true;
        else t = p.failMode === 'open' ? -40 : p.sensorTopC;
      } else if (sfOn && sf.field === f) {
        const days = (ts - sf.onsetMs) / 86_400_000;
        if (sf.kind === 'stuck') { if (s[STUCK] !== s[STUCK]) s[STUCK] = q1(t); t = s[STUCK]; }
        else if (sf.kind === 'open') t = -40;
        else if (sf.kind === 'short') t = p.sensorTopC;
        else if (sf.kind === 'missing') omit = true;
        else if (sf.kind === 'drift') t += sf.rate * days;
        else if (sf.kind === 'spikes' && rng.next() < sf.rate) t = 150 + 150 * rng.next();
      }
      if (!omit) ch[f] = q1(Math.max(-40, Math.min(p.sensorTopC, t)));
    }
    if (p.voltageCap) {
      const drop = 0.02 * uSupply * (this.i[0] / p.entry.ratedCurrentA);
      ch.ua = q1(uSupply - drop + 0.4 * rng.gauss());
      if (this.three) {
        ch.ub = q1(uSupply - 0.02 * uSupply * (this.i[1] / p.entry.ratedCurrentA) + 0.4 * rng.gauss());
        ch.uc = q1(uSupply - 0.02 * uSupply * (this.i[2] / p.entry.ratedCurrentA) + 0.4 * rng.gauss());
      }
    }
    if (p.arcCap) { ch.arc = s[ARC_N]; s[ARC_N] = 0; s[ARC_MAX] = 0; }
    return ch;
  }

  /** the panel's dew for the NTC error, set by the device before read() */
  dew = 0;
  /** the report interval of the stream being built (s) */
  intervalS = 60;

  save(): Float64Array { return Float64Array.from(this.s); }
  load(x: Float64Array): void { this.s.set(x); }
}
