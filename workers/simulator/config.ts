/**
 * Simulator configuration: platform/env.ts (SIM_SPEED, REPORT_INTERVAL_S, SEED, MQTT_URL, …) overridden by CLI
 * flags (node:util parseArgs). Pure: parseSimArgs(argv, env) is unit-tested; main.ts passes process.argv.
 */
import { parseArgs } from 'node:util';
import { INJECTABLE, type Injectable } from '../../lib/events/sim-control.ts';

export interface CliInjection {
  device: string;
  ch?: number;
  kind: Injectable;
  severity: number;
  accelerate: number;
}

export interface SimConfig {
  speed: number;
  intervalS: number;
  seed: number;
  /** limit to the first N sites (by id) that have devices; null = all */
  sites: number | null;
  inject: CliInjection[];
  duplicatesRate: number;
  dropoutRate: number;
  backfillDays: number;
  once: boolean;
  /** simulated start time (epoch ms); default: now */
  startMs: number;
  databaseUrl?: string;
  mqttUrl: string;
  portalUrl?: string;
  internalToken?: string;
  /** the esms-simctl service account that reads the control topic (MQTT_USERNAME / MQTT_PASSWORD) */
  mqttUsername?: string;
  mqttPassword?: string;
  /** max unacknowledged QoS 1 publishes before the simulator waits for the broker */
  maxInflight: number;
}

export const USAGE = `usage: npm run simulate -- [options]
  --speed X            simulated time runs X× wall time (SIM_SPEED, default 1)
  --interval S         report interval in simulated seconds (REPORT_INTERVAL_S, default 60)
  --sites N            only the first N sites (by id)
  --inject D/CH:KIND[:SEVERITY[:ACCELERATE]]   inject at start (repeatable; D:KIND for device-level kinds)
  --duplicates-rate P  fraction of messages published twice (default 0)
  --dropout-rate P     fraction of messages lost in transport (default 0)
  --seed N             physics seed (SEED)
  --start=T            simulated start: ISO time, epoch ms, or relative --start=-6h / -2d (default now)
  --backfill-days N    first publish the N days before the start as fast as the broker takes them
  --once               publish one round (every device once) and exit`;

type EnvLike = {
  SIM_SPEED: number;
  REPORT_INTERVAL_S: number;
  SEED: number;
  DATABASE_URL?: string;
  MQTT_URL?: string;
  MQTT_PORT: number;
  PORTAL_URL?: string;
  INTERNAL_TOKEN?: string;
  MQTT_USERNAME?: string;
  MQTT_PASSWORD?: string;
};

const num = (v: string | undefined, def: number, name: string, min: number, max: number): number => {
  if (v === undefined) return def;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`--${name}: expected a number in [${min}, ${max}], got '${v}'`);
  return n;
};

/** `DEV/3:loose_connection:0.8:1000` or `DEV:offline` */
export function parseInjectSpec(s: string): CliInjection {
  const m = /^([A-Za-z0-9_-]{1,64})(?:\/(\d{1,2}))?:([a-z_]+)(?::([\d.]+))?(?::([\d.]+))?$/.exec(s);
  if (!m) throw new Error(`--inject: expected DEVICE[/CH]:KIND[:SEVERITY[:ACCELERATE]], got '${s}'`);
  const kind = m[3] as Injectable;
  if (!INJECTABLE.includes(kind)) throw new Error(`--inject: unknown kind '${m[3]}' (one of ${INJECTABLE.join(', ')})`);
  const ch = m[2] === undefined ? undefined : Number(m[2]);
  if (ch !== undefined && (ch < 1 || ch > 16)) throw new Error(`--inject: channel ${ch} out of 1–16`);
  return {
    device: m[1],
    ch,
    kind,
    severity: num(m[4], 1, 'inject severity', 0, 1),
    accelerate: num(m[5], 1, 'inject accelerate', 1, 100000),
  };
}

/** ISO, epoch ms, or relative to now: -6h, -30m, -2d. */
export function parseStart(s: string | undefined, nowMs: number): number {
  if (s === undefined || s === '' || s === 'now') return nowMs;
  const rel = /^-(\d+(?:\.\d+)?)([smhd])$/.exec(s);
  if (rel) return Math.round(nowMs - Number(rel[1]) * { s: 1e3, m: 6e4, h: 3.6e6, d: 8.64e7 }[rel[2] as 's']);
  if (/^\d{10,}$/.test(s)) return Number(s);
  const t = Date.parse(s);
  if (Number.isNaN(t)) throw new Error(`--start: cannot parse '${s}'`);
  return t;
}

export function parseSimArgs(argv: string[], env: EnvLike, nowMs = Date.now()): SimConfig {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      speed: { type: 'string' },
      interval: { type: 'string' },
      sites: { type: 'string' },
      inject: { type: 'string', multiple: true },
      'duplicates-rate': { type: 'string' },
      'dropout-rate': { type: 'string' },
      seed: { type: 'string' },
      start: { type: 'string' },
      'backfill-days': { type: 'string' },
      once: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) throw new HelpRequested();
  const sites = values.sites === undefined ? null : num(values.sites, 0, 'sites', 1, 1e6);
  return {
    speed: num(values.speed, env.SIM_SPEED, 'speed', 1e-3, 10000),
    intervalS: num(values.interval, env.REPORT_INTERVAL_S, 'interval', 1, 3600),
    seed: Math.trunc(num(values.seed, env.SEED, 'seed', -(2 ** 31), 2 ** 32)),
    sites: sites === null ? null : Math.trunc(sites),
    inject: (values.inject ?? []).map(parseInjectSpec),
    duplicatesRate: num(values['duplicates-rate'], 0, 'duplicates-rate', 0, 0.5),
    dropoutRate: num(values['dropout-rate'], 0, 'dropout-rate', 0, 0.9),
    backfillDays: num(values['backfill-days'], 0, 'backfill-days', 0, 30),
    once: values.once ?? false,
    startMs: parseStart(values.start, nowMs),
    databaseUrl: env.DATABASE_URL,
    mqttUrl: env.MQTT_URL ?? `mqtt://127.0.0.1:${env.MQTT_PORT}`,
    portalUrl: env.PORTAL_URL,
    internalToken: env.INTERNAL_TOKEN,
    mqttUsername: env.MQTT_USERNAME,
    mqttPassword: env.MQTT_PASSWORD,
    maxInflight: 2000,
  };
}

export class HelpRequested extends Error {
  constructor() {
    super(USAGE);
  }
}
