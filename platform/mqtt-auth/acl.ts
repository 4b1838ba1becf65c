/**
 * Who may do what on the broker: one set of rules, applied per message by the embedded broker and turned into a
 * Mosquitto acl_file by mosquitto-files.ts. Pure; a principal is resolved once at connect, so a publish check is
 * a string prefix test, not a lookup.
 */
import { SIM_CONTROL_TOPIC } from '../../lib/events/sim-control.ts';

export type ServiceRole = 'ingest' | 'portal' | 'simctl';
/** Service account usernames. `esms-` is reserved: no registry credential and no device may use it. */
export const SERVICE_ACCOUNTS: Record<ServiceRole, string> = {
  ingest: 'esms-ingest',
  portal: 'esms-portal',
  simctl: 'esms-simctl',
};
export const RESERVED_PREFIX = 'esms-';
/** the simulated fleet's gateway (workers/simulator/fleet-credential.ts); the launcher revokes it when SIMULATOR=0 */
export const SIM_GATEWAY = 'simulator';

export type Principal =
  | { kind: 'device'; username: string; device: string; site: string }
  | { kind: 'gateway'; username: string; sites: ReadonlySet<string> }
  | { kind: 'service'; username: string; role: ServiceRole };

/** What a device sends; `cmd` itself is the platform's (the command service's) and never a device's. */
const DEVICE_UPLINK = new Set(['telemetry', 'event', 'status', 'cmd/ack']);
const TOPIC = /^esms\/v1\/([A-Za-z0-9_-]{1,64})\/([A-Za-z0-9_-]{1,64})\/(telemetry|event|status|cmd|cmd\/ack)$/;

export function parseDeviceTopic(topic: string): { site: string; device: string; leaf: string } | null {
  const m = TOPIC.exec(topic);
  return m ? { site: m[1]!, device: m[2]!, leaf: m[3]! } : null;
}

export function canPublish(p: Principal, topic: string): boolean {
  if (p.kind === 'service') {
    if (p.role === 'portal') return topic === SIM_CONTROL_TOPIC || parseDeviceTopic(topic)?.leaf === 'cmd';
    return false;
  }
  const t = parseDeviceTopic(topic);
  if (!t || !DEVICE_UPLINK.has(t.leaf)) return false;
  if (p.kind === 'device') return t.site === p.site && t.device === p.device;
  return p.sites.has(t.site);
}

export function canSubscribe(p: Principal, filter: string): boolean {
  if (p.kind === 'service') {
    if (p.role === 'ingest') return /^(\$share\/[A-Za-z0-9_-]{1,32}\/)?esms\/v1\/(#|\+\/\+\/(#|\+|telemetry|event|status|cmd\/ack))$/.test(filter);
    if (p.role === 'simctl') return filter === SIM_CONTROL_TOPIC;
    return false;
  }
  // exact topics only: no wildcard can reach further than the principal's own command topics
  const t = parseDeviceTopic(filter);
  if (!t || t.leaf !== 'cmd') return false;
  if (p.kind === 'device') return t.site === p.site && t.device === p.device;
  return p.sites.has(t.site);
}

/**
 * A client id names a session: whoever connects with it takes the session over. A device or gateway uses its
 * username; a service account its username or `username.suffix` ('.' never occurs in a registry id); the ingest
 * worker its configured INGEST_CLIENT_ID, which nobody else may use.
 */
export function clientIdAllowed(p: Principal, clientId: string, ingestClientId: string): boolean {
  if (clientId === ingestClientId) return p.kind === 'service' && p.role === 'ingest';
  if (p.kind !== 'service') return clientId === p.username;
  return clientId === p.username || clientId.startsWith(`${p.username}.`);
}
