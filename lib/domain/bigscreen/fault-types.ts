/**
 * Alarm types that are equipment faults (故障), not electrical hazards (报警): the big screen keeps them apart, as
 * Chinese fire-alarm panels do, so a network outage never reads as thousands of fire risks. Same set as the
 * live site-status rule (workers/ingest/site-status.ts).
 */
export const FAULT_TYPES = ['sensor_fault', 'device_offline'] as const;
export const isFaultType = (t: string) => (FAULT_TYPES as readonly string[]).includes(t);
