export * from './geo.ts';
export * from './sites.ts';
export * from './telemetry.ts';
export * from './alarms.ts';
export * from './users.ts';
