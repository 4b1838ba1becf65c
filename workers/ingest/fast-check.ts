/**
 * A plain predicate compiled from a zod schema: true only when zod would accept the value and hand back an equal
 * one (no defaults, no transforms, no stripped keys), so the parsed JSON can be used as is. zod stays the
 * authority: whatever the predicate does not accept goes through zod, which also names the reason. Why: zod 4
 * builds a fresh copy of every object and two small objects per field (optional ones included), which at full
 * speed made it the worker's largest allocator (some 40 % of all bytes) and a tenth of its CPU.
 * Only the constructs the protocol schemas use are compiled (strict or plain objects, optional, number with
 * bounds and integer formats, string with regex/length, literal, array with length); anything else throws
 * `Unsupported` at startup and that schema is simply always parsed by zod.
 */
import type { z } from 'zod';

export type Check = (v: unknown) => boolean;
export class Unsupported extends Error {}

interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, Schema>;
  catchall?: Schema;
  innerType?: Schema;
  element?: Schema;
  values?: unknown[];
  coerce?: boolean;
}
interface CheckDef {
  check: string;
  value?: unknown;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  when?: unknown;
}
interface Schema {
  _zod: { def: Def; optin?: string; optout?: string };
}

const RANGES: Record<string, [number, number, boolean]> = {
  safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, true],
  int32: [-2147483648, 2147483647, true],
  uint32: [0, 4294967295, true],
  float64: [-Number.MAX_VALUE, Number.MAX_VALUE, false],
};

/** All bounds folded into one comparison each way (a closure per check cost more than the checks). */
function numberChecks(checks: CheckDef[]): Check {
  let lo = -Infinity, loInc = true, hi = Infinity, hiInc = true, int = false;
  const atLeast = (v: number, inclusive: boolean) => {
    if (v > lo || (v === lo && !inclusive)) [lo, loInc] = [v, inclusive];
  };
  const atMost = (v: number, inclusive: boolean) => {
    if (v < hi || (v === hi && !inclusive)) [hi, hiInc] = [v, inclusive];
  };
  for (const c of checks) {
    if (c.check === 'greater_than' && typeof c.value === 'number') atLeast(c.value, c.inclusive === true);
    else if (c.check === 'less_than' && typeof c.value === 'number') atMost(c.value, c.inclusive === true);
    else if (c.check === 'number_format' && c.format && RANGES[c.format]) {
      const [min, max, isInt] = RANGES[c.format];
      atLeast(min, true);
      atMost(max, true);
      int ||= isInt;
    } else throw new Unsupported(`number check ${c.check}`);
  }
  return (v) =>
    typeof v === 'number' && Number.isFinite(v) && (loInc ? v >= lo : v > lo) && (hiInc ? v <= hi : v < hi) && (!int || Number.isInteger(v));
}

function lengthChecks(checks: CheckDef[], allowed: Set<string>): Check[] {
  const out: Check[] = [];
  for (const c of checks) {
    if (!allowed.has(c.check)) throw new Unsupported(`check ${c.check}`);
    if (c.check === 'min_length') {
      const n = c.minimum!;
      out.push((v) => (v as { length: number }).length >= n);
    } else if (c.check === 'max_length') {
      const n = c.maximum!;
      out.push((v) => (v as { length: number }).length <= n);
    }
  }
  return out;
}

function compile(s: Schema): Check {
  const def = s._zod.def;
  if (def.coerce) throw new Unsupported('coerce');
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  switch (def.type) {
    case 'number':
      return numberChecks(checks);
    case 'literal': {
      const values = new Set(def.values);
      if (checks.length) throw new Unsupported('literal checks');
      return (v) => values.has(v);
    }
    case 'string': {
      const regexes = checks.filter((c) => c.check === 'string_format').map((c) => {
        if (c.format !== 'regex' || !c.pattern) throw new Unsupported(`string format ${c.format}`);
        return c.pattern;
      });
      const lengths = lengthChecks(checks.filter((c) => c.check !== 'string_format'), new Set(['min_length', 'max_length']));
      return (v) => {
        if (typeof v !== 'string') return false;
        for (const t of lengths) if (!t(v)) return false;
        for (const re of regexes) {
          re.lastIndex = 0;
          if (!re.test(v)) return false;
        }
        return true;
      };
    }
    case 'array': {
      const el = compile(def.element!);
      const lengths = lengthChecks(checks, new Set(['min_length', 'max_length']));
      return (v) => {
        if (!Array.isArray(v)) return false;
        for (const t of lengths) if (!t(v)) return false;
        for (let i = 0; i < v.length; i++) if (!el(v[i])) return false;
        return true;
      };
    }
    case 'object': {
      if (checks.length) throw new Unsupported('object checks');
      const catchall = def.catchall?._zod.def.type;
      if (catchall !== undefined && catchall !== 'never') throw new Unsupported(`catchall ${catchall}`);
      const keys = Object.keys(def.shape!);
      const fields = keys.map((k) => {
        const f = def.shape![k];
        const optional = f._zod.optin === 'optional' && f._zod.optout === 'optional' && f._zod.def.type === 'optional';
        if (f._zod.optin !== undefined && !optional) throw new Unsupported(`field ${k}: ${f._zod.optin}`);
        return { k, optional, check: compile(optional ? f._zod.def.innerType! : f) };
      });
      const known = new Set(keys);
      return (v) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
        // an unknown key: zod would reject it (strict) or drop it (the copy would differ); either way, zod decides.
        // for…in also walks inherited enumerable keys, which parsed JSON does not have
        for (const k in v) if (!known.has(k)) return false;
        for (const f of fields) {
          if (!(f.k in v)) {
            if (f.optional) continue;
            return false;
          }
          const x = (v as Record<string, unknown>)[f.k];
          if (!f.check(x)) return false;
        }
        return true;
      };
    }
    default:
      throw new Unsupported(`type ${def.type}`);
  }
}

/** The predicate for `schema`, or null when it uses something not compiled here (then always use zod). */
export function fastCheck(schema: z.ZodType): Check | null {
  try {
    return compile(schema as unknown as Schema);
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}
