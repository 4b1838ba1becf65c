/**
 * The domain's vocabulary: one module per table, each a Record over its union so a missing entry fails the build.
 * Pure and universal (server, workers, browser). Import from here.
 */
export * from './alarm-notes.ts';
export * from './alarm-types.ts';
export * from './circuits.ts';
export * from './colours.ts';
export * from './departments.ts';
export * from './hazard-sources.ts';
export * from './roles.ts';
export * from './rollout-states.ts';
export * from './severities.ts';
export * from './site-categories.ts';
export * from './site-statuses.ts';
export * from './structures.ts';
