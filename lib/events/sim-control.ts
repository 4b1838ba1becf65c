/**
 * Control messages for the fleet simulator (demonstrations and tests), versioned like every cross-process
 * event. The portal publishes them on SIM_CONTROL_TOPIC after an admin's audited request; the simulator obeys.
 */
import { z } from 'zod';

export const SIM_CONTROL_TOPIC = 'esms-internal/sim/v1/control';

export const INJECTABLE = [
  // hazards
  'loose_connection',
  'overload',
  'insulation_degradation',
  'earth_fault',
  'series_arc',
  'neutral_fault',
  'harmonic_neutral',
  // nuisances that must not alarm
  'inrush',
  'sun_on_box',
  'heater_beside_sensor',
  'dawn_condensation',
  'rcd_test',
  'high_leakage_appliance',
  'festival_peak',
  'dimmer_arc',
  // sensor faults
  'stuck',
  'drift',
  'spikes',
  'disconnected',
  'missing_field',
  // transport
  'offline',
] as const;
export type Injectable = (typeof INJECTABLE)[number];

export const simControlSchema = z.discriminatedUnion('op', [
  z.object({
    v: z.literal(1),
    op: z.literal('inject'),
    id: z.string().uuid(),
    device: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    ch: z.number().int().min(1).max(16).optional(),
    kind: z.enum(INJECTABLE),
    /** 0..1 (fault strength); the simulator maps it to physics parameters */
    severity: z.number().min(0).max(1).default(1),
    /** simulated-time multiplier for how fast the fault develops, so a demo shows hours in seconds */
    accelerate: z.number().min(1).max(100000).default(1),
    durationS: z.number().int().positive().max(30 * 86400).optional(),
  }),
  z.object({ v: z.literal(1), op: z.literal('clear'), id: z.string().uuid(), device: z.string(), ch: z.number().int().optional() }),
  z.object({ v: z.literal(1), op: z.literal('speed'), id: z.string().uuid(), speed: z.number().positive().max(10000) }),
]);
export type SimControl = z.infer<typeof simControlSchema>;
