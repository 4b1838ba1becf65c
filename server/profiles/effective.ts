/**
 * The effective profile of a site layer or one circuit, with the layer each value comes from: 默认 (site category,
 * load type and insulation defaults of the core), 场所 (the site override) or 回路 (the circuit override). Pure.
 */
import type { RegistryEntry } from '../../lib/protocol/v1.ts';
import { resolveProfile, type Overrides, type Profile, type ProfileOverride } from '../../lib/detection/profile.ts';
import { FIELDS, PERSISTENCE_FIELDS, PERSISTENCE_TYPES, type PersistenceKey, type PersistenceType, type ScalarKey } from './fields.ts';
import { checkResolves, type FieldIssue } from './validate.ts';

export type Source = 'default' | 'site' | 'circuit';

export interface Sources {
  fields: Record<ScalarKey, Source>;
  persistence: Record<PersistenceType, Record<PersistenceKey, Source>>;
}

export interface Effective {
  defaults: Profile;
  /** null when the stored layers no longer resolve for this circuit (see `issues`) */
  values: Profile | null;
  sources: Sources;
  issues: FieldIssue[];
}

function sourceOf(inCircuit: boolean, inSite: boolean): Source {
  return inCircuit ? 'circuit' : inSite ? 'site' : 'default';
}

/** `site`/`circuit`: the stored overrides of the two layers (circuit is undefined for the site layer view). */
export function effectiveFor(entry: RegistryEntry, names: { nameZh: string; nameEn: string }, site?: ProfileOverride, circuit?: ProfileOverride): Effective {
  const key = `${entry.device}/${entry.ch}`;
  const ov: Overrides = { sites: site ? { [entry.site]: site } : {}, circuits: circuit ? { [key]: circuit } : {} };
  const defaults = resolveProfile(entry);
  const issues = checkResolves([{ entry, ...names }], ov);
  const values = issues.length ? null : resolveProfile(entry, ov);
  const fields = Object.fromEntries(FIELDS.map((f) => [f.key, sourceOf(circuit?.[f.key] !== undefined, site?.[f.key] !== undefined)])) as Sources['fields'];
  const persistence = Object.fromEntries(
    PERSISTENCE_TYPES.map((t) => [
      t,
      Object.fromEntries(PERSISTENCE_FIELDS.map((pf) => [pf.key, sourceOf(circuit?.persistence?.[t]?.[pf.key] !== undefined, site?.persistence?.[t]?.[pf.key] !== undefined)])),
    ]),
  ) as Sources['persistence'];
  return { defaults, values, sources: { fields, persistence }, issues };
}
