/**
 * One monitored circuit (a registry entry): load → per-phase currents → conductor and terminal temperatures
 * (first-order thermal models), residual current, voltages and arc counts, then sensor noise and sensor
 * faults. The physics state is a handful of floats; everything random is keyed on (circuit seed, sample
 * second) so a re-run from any earlier point reproduces the same values once the thermal state has settled.
 *
 *   conductor:  dθc/dt = (ΔTref·(I/Iz)² − θc)/τc                       (τc ≈ 9–26 min by cross-section)
 *   terminal:   dθt/dt = (kBrk·(I/In)² + kTh·I²·R(T) − θt)/τt          (τt ≈ 2.5–4 min)
 *               R(T) = (R0 + Rfault(t))·(1 + 0.004·(T − 20))           (hot oxide → more heat: runaway)
 *   T_sensor = T_panel + θc + θt
 */
import type { Channel, LoadType, RegistryEntry } from '../protocol/v1.ts';
import { applyEffect, newEffects, resetEffects } from './effects.ts';
import { loadFactor } from './load.ts';
import { deriveParams, type CircuitParams, type ParamOverrides } from './params.ts';
import { Rng, SmoothNoise, hash32 } from './rng.ts';
import { applySensorFault } from './sensor.ts';
import { NOMINAL_V, type CircuitTruth, type Env, type Injection } from './types.ts';

/** GB 14287.4: ≥ 14 arcing half-cycles in 1 s is the alarm condition (the device's local alarm). */
export const ARC_SUSTAINED_PER_S = 14;

/** The moment a series arc turns from intermittent to sustained (≥ 14/s), and the device's local alarm event. */
export interface ArcAlarm {
  /** sample time at which sustained arcing began (≥ 14 half-cycles/s in every second from here) */
  sustainedMs: number;
  /** time of the device's local arc_alarm: the first whole 1-s counting window after sustainedMs */
  eventMs: number;
  /** half-cycles counted in that window */
  perS: number;
}

export interface CircuitOptions {
  seed: number;
  /** injections of this channel (any class; device-level ones are ignored here) */
  injections?: Injection[];
  overrides?: ParamOverrides;
  /** the device measures voltages / counts arcs */
  voltage?: boolean;
  arc?: boolean;
  /** replace the calendar load by a given base current (A) — for tests and what-if studies */
  loadA?: (tsMs: number) => number;
}

const COS120 = -0.5;
const SIN120 = 0.8660254037844386;
const r1 = (x: number): number => Math.round(x * 10) / 10;
const r2 = (x: number): number => Math.round(x * 100) / 100;
const clampT = (x: number): number => (x < -40 ? -40 : x > 300 ? 300 : r1(x));

export class CircuitModel {
  readonly entry: RegistryEntry;
  readonly p: CircuitParams;
  readonly truth: CircuitTruth;
  private readonly cat: string;
  private readonly loadType: LoadType;
  private readonly phys: Injection[];
  private readonly sens: Injection[];
  private readonly voltage: boolean;
  private readonly arc: boolean;
  private readonly fx = newEffects();
  private readonly rng = new Rng(1);
  private readonly cab = new Float64Array(4);
  private readonly term = new Float64Array(4);
  private readonly maxShare: number;
  private readonly loadA?: (tsMs: number) => number;
  private readonly loadWander: SmoothNoise;
  private readonly phaseWander: SmoothNoise[];
  private lastTs = NaN;
  private prevTs = NaN;
  private lastDt = NaN;
  private aCab = 0;
  private aTerm = 0;
  /** series arc: latched moment sustained arcing began (NaN = not yet), and the alarm not yet collected */
  private arcSustainedMs = NaN;
  private arcInj: Injection | null = null;
  private arcPending: ArcAlarm | null = null;

  constructor(entry: RegistryEntry, opts: CircuitOptions) {
    this.entry = entry;
    this.p = deriveParams(entry, opts.seed, opts.overrides);
    this.cat = entry.siteCategory;
    this.loadType = entry.loadType;
    const inj = (opts.injections ?? []).filter((i) => i.ch === entry.ch);
    this.sens = inj.filter((i) => i.class === 'sensor');
    this.phys = inj.filter((i) => i.class === 'fault' || i.class === 'nuisance');
    this.voltage = opts.voltage ?? true;
    this.arc = opts.arc ?? true;
    this.maxShare = Math.max(...this.p.share) + this.p.wander;
    this.loadA = opts.loadA;
    this.loadWander = new SmoothNoise(this.p.seed ^ 0x51);
    this.phaseWander = [0, 1, 2].map((k) => new SmoothNoise(this.p.seed + k));
    this.truth = {
      ts: NaN,
      i: new Float64Array(4),
      tCable: new Float64Array(4),
      tTerm: new Float64Array(4),
      u: new Float64Array(3),
      ir: 0,
      arcRate: 0,
      uDev: 0,
    };
  }

  /** Forget the thermal state (next sample starts in steady state). */
  reset(): void {
    this.lastTs = NaN;
    this.prevTs = NaN;
  }

  /** Advance the physics to tsMs and return the channel reading as the device would send it. */
  sample(tsMs: number, env: Env): Channel {
    const key = this.step(tsMs, env);
    return this.read(tsMs, key, env);
  }

  /** Physics only (updates `truth`); returns the sample's random key. */
  step(tsMs: number, env: Env): number {
    const p = this.p;
    const tr = this.truth;
    const fx = this.fx;
    const key = hash32(p.seed, Math.floor(tsMs / 1000));
    const rng = this.rng.reseed(key);
    resetEffects(fx);
    for (let k = 0; k < this.phys.length; k++) {
      const inj = this.phys[k];
      if (tsMs >= inj.onsetMs && (inj.endMs === null || tsMs < inj.endMs)) applyEffect(inj, tsMs, key, fx);
    }
    // load current: calendar profile × slow circuit-specific wander × sample noise, plus injected load
    let i0: number;
    if (this.loadA) i0 = this.loadA(tsMs);
    else i0 = p.peakA * loadFactor(this.cat, this.loadType, tsMs, rng) * (1 + 0.12 * this.loadWander.at(tsMs / 3_000_000));
    if (fx.boost !== 1) i0 = Math.min(i0 * fx.boost, fx.capA / this.maxShare); // cap applies to the worst phase
    i0 += fx.iAdd;
    const I = tr.i;
    const U = tr.u;
    const drop = p.uDrop / p.In;
    if (p.phases === 1) {
      I[0] = i0;
      I[1] = I[2] = 0;
      I[3] = i0;
      U[0] = env.ua * (1 - drop * i0);
      U[1] = U[2] = 0;
    } else {
      const w = p.wander;
      for (let k = 0; k < 3; k++) {
        const s = p.share[k] + (w ? w * this.phaseWander[k].at(tsMs / 2_400_000) : 0);
        I[k] = i0 * (s > 0.05 ? s : 0.05);
      }
      const h3 = fx.h3 === fx.h3 ? fx.h3 : p.h3;
      if (fx.rn > 0) this.lostNeutral(env, fx.rn);
      else {
        U[0] = env.ua * (1 - drop * I[0]);
        U[1] = env.ub * (1 - drop * I[1]);
        U[2] = env.uc * (1 - drop * I[2]);
      }
      const a = I[0];
      const b = I[1];
      const c = I[2];
      const fund = fx.rn > 0 ? I[3] : Math.sqrt(Math.max(0, a * a + b * b + c * c - a * b - b * c - c * a));
      const trip = h3 * (a + b + c); // triplen harmonics add arithmetically: 3·h3·Imean
      I[3] = Math.sqrt(fund * fund + trip * trip);
    }
    this.thermal(tsMs, env.ambientC);
    let uDev = 0;
    for (let k = 0; k < p.phases; k++) {
      const d = Math.abs(U[k] - NOMINAL_V) / NOMINAL_V;
      if (d > uDev) uDev = d;
    }
    tr.uDev = uDev;
    // residual current: capacitance + filters, rising with humidity and dew; faults add on top
    const rh = env.rh;
    const wetF = rh > 55 ? ((rh - 55) / 45) * ((rh - 55) / 45) : 0;
    const hum = 1 + 0.9 * wetF + 0.6 * env.condensation;
    const iSum = I[0] + I[1] + I[2];
    const degHum = 1 + 2 * (rh > 40 ? (rh - 40) / 60 : 0);
    tr.ir = (p.ir0 + p.irPerA * iSum) * hum + fx.leakDeg * degHum + fx.leakFix + env.condensation * (5 + 0.5 * p.ir0);
    tr.arcRate = fx.arcRate;
    this.arcState(tsMs, I[0]);
    tr.ts = tsMs;
    return key;
  }

  /**
   * A series arc arcs intermittently (sub-threshold, 30–90 % of each interval) while its rate is below
   * 14/s; from the moment the rate reaches 14/s with current flowing it arcs in every second (sustained,
   * latched until the fault ends) and the device raises its local GB 14287 alarm within ~2 s.
   */
  private arcState(tsMs: number, ia: number): void {
    const inj = this.activeArc(tsMs);
    if (inj !== this.arcInj) {
      this.arcInj = inj;
      this.arcSustainedMs = NaN;
      this.arcPending = null;
    }
    if (inj === null || this.arcSustainedMs === this.arcSustainedMs) return;
    if (this.fx.arcRate >= ARC_SUSTAINED_PER_S && ia > 0.5) {
      // crossing time of the closed-form rate; never before the previous sample (current may have just come on)
      const tc = inj.onsetMs + inj.p.tauS * 1000 * Math.log(ARC_SUSTAINED_PER_S / inj.p.r0);
      const prev = this.prevTs === this.prevTs ? this.prevTs : tsMs;
      const at = Math.min(tsMs, Math.max(Math.round(tc), prev));
      this.arcSustainedMs = at;
      this.arcPending = { sustainedMs: at, eventMs: Math.min(tsMs, Math.ceil(at / 1000) * 1000 + 1000), perS: Math.round(this.fx.arcRate) };
    }
  }

  private activeArc(tsMs: number): Injection | null {
    for (let k = 0; k < this.phys.length; k++) {
      const inj = this.phys[k];
      if (inj.kind === 'series_arc' && tsMs >= inj.onsetMs && (inj.endMs === null || tsMs < inj.endMs)) return inj;
    }
    return null;
  }

  /** The device's local arc alarm raised since the previous sample (returned once), or null. */
  takeArcAlarm(): ArcAlarm | null {
    const a = this.arcPending;
    this.arcPending = null;
    return a;
  }

  /** Broken/high-resistance upstream neutral: star point shifts toward the lightly loaded phases. */
  private lostNeutral(env: Env, rn: number): void {
    const I = this.truth.i;
    const U = this.truth.u;
    // loads as conductances at nominal voltage; phasors Va∠0, Vb∠−120°, Vc∠+120°
    const ya = I[0] / NOMINAL_V;
    const yb = I[1] / NOMINAL_V;
    const yc = I[2] / NOMINAL_V;
    const yn = 1 / (rn + 0.02);
    const re = ya * env.ua + (yb * env.ub + yc * env.uc) * COS120;
    const im = (-yb * env.ub + yc * env.uc) * SIN120;
    const den = ya + yb + yc + yn;
    const vr = re / den;
    const vi = im / den;
    const ua = Math.hypot(env.ua - vr, -vi);
    const ub = Math.hypot(env.ub * COS120 - vr, -env.ub * SIN120 - vi);
    const uc = Math.hypot(env.uc * COS120 - vr, env.uc * SIN120 - vi);
    U[0] = ua;
    U[1] = ub;
    U[2] = uc;
    I[0] = ua * ya;
    I[1] = ub * yb;
    I[2] = uc * yc;
    I[3] = Math.hypot(vr, vi) * yn; // fundamental neutral current through the bad neutral
  }

  private thermal(tsMs: number, amb: number): void {
    const p = this.p;
    const tr = this.truth;
    const I = tr.i;
    const first = this.lastTs !== this.lastTs;
    this.prevTs = this.lastTs;
    if (!first) {
      const dt = (tsMs - this.lastTs) / 1000;
      if (dt !== this.lastDt) {
        this.lastDt = dt;
        this.aCab = 1 - Math.exp(-dt / p.tauCab);
        this.aTerm = 1 - Math.exp(-dt / p.tauTerm);
      }
    }
    this.lastTs = tsMs;
    const rx = this.fx.rExtra;
    for (let k = 0; k < 4; k++) {
      if (k > 0 && k < 3 && p.phases === 1) continue;
      const i = I[k];
      const iz = k === 3 ? p.IzN : p.Iz;
      const cabSS = p.dTref * (i / iz) * (i / iz);
      const prevT = first ? amb + cabSS : tr.tTerm[k];
      const rc = (p.r0[k] + rx[k]) * (1 + 0.004 * (prevT - 20));
      const termSS = p.kBrk[k] * (i / p.In) * (i / p.In) + p.kTh * i * i * rc;
      if (first) {
        this.cab[k] = cabSS;
        this.term[k] = termSS;
      } else {
        this.cab[k] += (cabSS - this.cab[k]) * this.aCab;
        this.term[k] += (termSS - this.term[k]) * this.aTerm;
      }
      tr.tCable[k] = amb + this.cab[k];
      tr.tTerm[k] = amb + this.cab[k] + this.term[k];
    }
  }

  // Sensor channels as methods, not closures made per reading: under tsx every closure is named when it is
  // created (Object.defineProperty), which took ~7 % of the simulator's time.
  private cur(x: number): number {
    const v = x * this.fx.inrush * (1 + 0.005 * this.rng.bell()) + 0.02 * this.rng.bell();
    return v <= 0 ? 0 : v > 6300 ? 6300 : r2(v);
  }
  private temp(t: number, k: number): number {
    return clampT(t + this.p.tOffset[k] + 0.12 * this.rng.bell());
  }
  private volt(u: number): number {
    return Math.max(0, Math.min(500, r1(u + 0.3 * this.rng.bell())));
  }

  /** Sensor readings: calibration offset + noise, rounding, protocol ranges, then sensor faults. */
  private read(tsMs: number, key: number, _env: Env): Channel {
    const p = this.p;
    const tr = this.truth;
    const rng = this.rng;
    const fx = this.fx;
    const I = tr.i;
    const T = tr.tTerm;
    let ir = tr.ir * (1 + 0.02 * rng.bell()) + 0.3 * rng.bell() + fx.irReadAdd;
    ir = ir < 0 ? 0 : ir > 30000 ? 30000 : r1(ir);
    const ch: Channel = { ch: this.entry.ch, ia: this.cur(I[0]) };
    if (p.phases === 3) {
      ch.ib = this.cur(I[1]);
      ch.ic = this.cur(I[2]);
    }
    ch.ir = ir;
    ch.ta = this.temp(T[0], 0);
    if (p.phases === 3) {
      ch.tb = this.temp(T[1], 1);
      ch.tc = this.temp(T[2], 2);
    }
    ch.tn = this.temp(T[3], 3);
    if (this.voltage) {
      ch.ua = this.volt(tr.u[0]);
      if (p.phases === 3) {
        ch.ub = this.volt(tr.u[1]);
        ch.uc = this.volt(tr.u[2]);
      }
    }
    if (this.arc) {
      const dt = this.lastDt === this.lastDt ? this.lastDt : this.entry.reportIntervalS;
      let n = fx.arcAdd;
      // arcs need current; an intermittent series arc is active for 30–90 % of the report interval, a
      // sustained one (≥ 14/s reached) in every second since it became sustained
      if (tr.arcRate > 0 && I[0] > 0.5) {
        const duty = 0.3 + 0.6 * rng.next();
        const sus = this.arcSustainedMs;
        const sustainedS = sus === sus ? Math.min(dt, Math.max(0, (tsMs - sus) / 1000)) : 0;
        n += Math.round(tr.arcRate * (sustainedS + duty * (dt - sustainedS)));
      }
      // rare spurious counts (switching transients) — harmless, far below dimmer bursts
      if (rng.next() < 0.002) n += 1 + Math.floor(rng.next() * 3);
      ch.arc = n;
    }
    for (let k = 0; k < this.sens.length; k++) {
      const inj = this.sens[k];
      if (tsMs >= inj.onsetMs && (inj.endMs === null || tsMs < inj.endMs)) applySensorFault(inj, tsMs, key, ch);
    }
    return ch;
  }
}
