/**
 * Detection profiles: per-circuit thresholds and persistence, from defaults per site category and
 * load type, overridden per site and per circuit. Pure: persistence and auditing of overrides live
 * in the platform shell. GB ranges are enforced by the zod schema so no override can leave them.
 */
import { z } from 'zod';
import type { RegistryEntry } from '../protocol/v1.ts';

/** M-of-N persistence: raise when at least m of the last n samples agree; clear after `clear` calm samples. */
const persistence = z.object({
  m: z.number().int().min(1).max(16),
  n: z.number().int().min(1).max(16),
  clear: z.number().int().min(1).max(120),
}).refine((p) => p.m <= p.n, 'persistence m must be <= n');
export type Persistence = z.infer<typeof persistence>;

export const profileSchema = z.object({
  /** GB 50116-2013: residual set point 300–500 mA typical; devices allow 20–1000 mA. */
  residualSetMa: z.number().min(20).max(1000),
  /** Terminal temperature set point (°C); never above the insulation's limit (checked in resolveProfile). */
  tempSetC: z.number().min(20).max(140),
  /** Warn this many K before a temperature/thermal limit. */
  tempWarnMarginK: z.number().min(2).max(30),
  /** Insulation-degradation early warning: rise of humidity-corrected leakage over its baseline (mA). */
  leakRiseWarnMa: z.number().min(5).max(500),
  /** Abnormal heating: excess terminal rise (K, scaled to rated current) not explained by load. */
  heatWarnK: z.number().min(3).max(40),
  heatAlarmK: z.number().min(5).max(80),
  /** GB 14287.4: ≥14 arcing half-cycles in 1 s must alarm; the set point may be stricter, never laxer. */
  arcPerS: z.number().min(10).max(14),
  /** Sustained sub-limit arcing (average half-cycles/s over 3 reports) that raises a warning only; 0 = off. */
  arcPrewarnPerS: z.number().min(0).max(14),
  /** Three-phase current imbalance (max deviation / mean) warning and alarm fractions. */
  imbalanceWarn: z.number().min(0.1).max(0.6),
  imbalanceAlarm: z.number().min(0.15).max(0.9),
  /** Neutral current above this fraction of In is an alarm. */
  neutralFrac: z.number().min(0.3).max(1.5),
  /** Voltage band around 220 V nominal (GB/T 12325: +7 % / −10 %); alarm beyond ±alarmPct. */
  uWarnLowPct: z.number().min(3).max(20),
  uWarnHighPct: z.number().min(3).max(20),
  uAlarmPct: z.number().min(10).max(30),
  persistence: z.object({
    overload: persistence,
    overtemperature: persistence,
    residual_current: persistence,
    insulation_degradation: persistence,
    abnormal_heating: persistence,
    arc_fault: persistence,
    phase_imbalance: persistence,
    voltage_abnormal: persistence,
    sensor_fault: persistence,
  }),
});
export type Profile = z.infer<typeof profileSchema>;

/** Partial profile (persistence entries may be partial too) applied over the defaults. */
export const profileOverrideSchema = profileSchema
  .omit({ persistence: true })
  .partial()
  .extend({ persistence: z.record(z.string(), z.object({ m: z.number(), n: z.number(), clear: z.number() }).partial()).optional() })
  .strict();
export type ProfileOverride = z.infer<typeof profileOverrideSchema>;

/** Overrides keyed by site id and by circuit key `${device}/${ch}` (the circuit wins). */
export const overridesSchema = z
  .object({
    sites: z.record(z.string(), profileOverrideSchema).optional(),
    circuits: z.record(z.string(), profileOverrideSchema).optional(),
  })
  .strict();
export type Overrides = z.infer<typeof overridesSchema>;

const P = (m: number, n: number, clear: number) => ({ m, n, clear });
// 300 mA: the strict end of GB 50116's 300–500 mA, because a tracking earth fault can ignite near 500 mA.
const BASE: Profile = {
  residualSetMa: 300,
  tempSetC: 70,
  tempWarnMarginK: 10,
  leakRiseWarnMa: 60,
  heatWarnK: 12,
  heatAlarmK: 25,
  arcPerS: 14,
  arcPrewarnPerS: 7,
  imbalanceWarn: 0.3,
  imbalanceAlarm: 0.5,
  neutralFrac: 0.8,
  uWarnLowPct: 10,
  uWarnHighPct: 7,
  uAlarmPct: 15,
  persistence: {
    overload: P(3, 4, 5),
    overtemperature: P(2, 3, 5),
    residual_current: P(1, 1, 5), // alarm on the first report over the set point (residual() explains transients)
    insulation_degradation: P(4, 6, 30),
    abnormal_heating: P(4, 6, 30),
    arc_fault: P(1, 1, 10),
    phase_imbalance: P(8, 10, 10),
    voltage_abnormal: P(3, 4, 5),
    sensor_fault: P(1, 1, 120), // one sensor fault = one alarm: a spiking or flickering sensor does not toggle it
  },
};

/** Wooden buildings (relics, temples) ignite easily: tighter residual, temperature and heating limits. */
const SET_BELOW_LIMIT_K: Record<string, number> = { relic: 10, temple: 10 };
const CATEGORY: Record<string, ProfileOverride> = {
  relic: { residualSetMa: 300, tempSetC: 60, heatWarnK: 8, heatAlarmK: 18, leakRiseWarnMa: 40 },
  temple: { residualSetMa: 300, tempSetC: 60, heatWarnK: 8, heatAlarmK: 18, leakRiseWarnMa: 40 },
};

/** Motors start with inrush and run unbalanced for short spells; heaters sit near rating by design. */
const LOAD: Record<string, ProfileOverride> = {
  motor: { persistence: { overload: { m: 4, n: 5 }, phase_imbalance: { m: 10, n: 12 } } },
  heating: { persistence: { overload: { m: 4, n: 5 } } },
};

function merge(base: Profile, o: ProfileOverride | undefined): Profile {
  if (!o) return base;
  const { persistence: po, ...rest } = o;
  const out: Profile = { ...base, ...rest, persistence: { ...base.persistence } };
  if (po) {
    for (const [k, v] of Object.entries(po)) {
      const key = k as keyof Profile['persistence'];
      if (!(key in out.persistence)) throw new Error(`unknown persistence type ${k}`);
      out.persistence[key] = { ...out.persistence[key], ...v };
    }
  }
  return out;
}

/**
 * The profile for one circuit: base → site category → load type → site override → circuit override.
 * Throws a ZodError when the result leaves the GB ranges. The set point never exceeds the insulation limit.
 */
export function resolveProfile(entry: RegistryEntry, overrides?: Overrides): Profile {
  let p = merge(BASE, CATEGORY[entry.siteCategory]);
  p = merge(p, LOAD[entry.loadType]);
  // The default set point follows the insulation (GB 14287.3 set points are chosen per conductor): its limit on
  // ordinary sites, 10 K below it in wooden buildings; the table value is the floor (never below it unless the
  // insulation's limit is lower), so an XLPE (90 °C) circuit is not alarmed at 70 °C while a PVC one still is.
  // Explicit overrides are checked below.
  const lim = entry.maxConductorC;
  p = { ...p, tempSetC: Math.max(Math.min(p.tempSetC, lim), lim - (SET_BELOW_LIMIT_K[entry.siteCategory] ?? 0)) };
  p = merge(p, overrides?.sites?.[entry.site]);
  p = merge(p, overrides?.circuits?.[`${entry.device}/${entry.ch}`]);
  const parsed = profileSchema.parse(p);
  if (parsed.tempSetC > entry.maxConductorC) {
    throw new z.ZodError([
      { code: 'custom', path: ['tempSetC'], message: `tempSetC ${parsed.tempSetC} exceeds maxConductorC ${entry.maxConductorC}`, input: parsed.tempSetC },
    ]);
  }
  if (parsed.imbalanceAlarm <= parsed.imbalanceWarn) {
    throw new z.ZodError([{ code: 'custom', path: ['imbalanceAlarm'], message: 'imbalanceAlarm must exceed imbalanceWarn', input: parsed.imbalanceAlarm }]);
  }
  return parsed;
}
