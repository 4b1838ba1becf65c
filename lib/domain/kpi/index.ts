/** The KPIs: definitions, shared arithmetic and wording (docs/KPI.md). */
export * from './definitions.ts';
export * from './ratio.ts';
export * from './plan.ts';
export * from './format.ts';
export * from './live.ts';
