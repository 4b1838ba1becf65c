/** Public API of the pure detection core (see ../README.md for the purity rule). */
export { Engine, type EngineSnapshot, type EngineStats, type UpdateStats } from './engine.ts';
export type { DetectionRecord } from './records.ts';
export type { Evidence } from './reasons.ts';
export {
  resolveProfile, profileSchema, profileOverrideSchema, overridesSchema,
  type Profile, type ProfileOverride, type Overrides,
} from './profile.ts';
export { ampacityA } from './thermal.ts';
export { SeqBook, SeqRing, DUP_WINDOW_MS } from './seqs.ts';
