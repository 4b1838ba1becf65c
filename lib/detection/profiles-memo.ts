/**
 * Resolving a profile parses it (zod): tens of µs, seconds over a full fleet. A resolved profile depends only on
 * the circuit's site category, load type, conductor limit and the override layers that apply to it, so circuits
 * alike share one resolution. One memo serves one (registry, overrides) build and is then dropped.
 */
import type { RegistryEntry } from '../protocol/v1.ts';
import { resolveProfile, type Overrides, type Profile } from './profile.ts';

export function profileResolver(overrides?: Overrides): (e: RegistryEntry) => Profile {
  const memo = new Map<string, Profile>();
  return (e) => {
    // the layers are named in the key only when they exist (a circuit layer makes the profile its own)
    const site = overrides?.sites?.[e.site] ? e.site : '';
    const circuit = overrides?.circuits?.[`${e.device}/${e.ch}`] ? `${e.device}/${e.ch}` : '';
    const key = `${e.siteCategory}\u0000${e.loadType}\u0000${e.maxConductorC}\u0000${site}\u0000${circuit}`;
    let p = memo.get(key);
    if (!p) memo.set(key, (p = resolveProfile(e, overrides)));
    return p;
  };
}

/** Deep equality of plain JSON-like values (registry entries, profiles). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}
