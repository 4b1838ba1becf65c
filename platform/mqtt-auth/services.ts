/**
 * Service accounts: the platform's own broker clients. Their passwords are derived from MQTT_SERVICE_KEY (the
 * launcher generates one per start, like INTERNAL_TOKEN); only the broker side holds the key, each process gets
 * its own username and password through MQTT_USERNAME / MQTT_PASSWORD.
 */
import { timingSafeEqual } from 'node:crypto';
import { servicePassword } from './hash.ts';
import { SERVICE_ACCOUNTS, type Principal, type ServiceRole } from './acl.ts';

export function serviceRoleOf(username: string): ServiceRole | null {
  for (const [role, name] of Object.entries(SERVICE_ACCOUNTS)) if (name === username) return role as ServiceRole;
  return null;
}

export function serviceCredential(serviceKey: string, role: ServiceRole): { username: string; password: string } {
  const username = SERVICE_ACCOUNTS[role];
  return { username, password: servicePassword(serviceKey, username) };
}

/** The service principal for these credentials, or null (not a service account, or a wrong password). */
export function checkService(serviceKey: string | undefined, username: string, password: string): Principal | null | 'wrong' {
  const role = serviceRoleOf(username);
  if (!role) return null;
  if (!serviceKey) return 'wrong';
  const want = Buffer.from(servicePassword(serviceKey, username));
  const got = Buffer.from(password);
  return want.length === got.length && timingSafeEqual(want, got) ? { kind: 'service', username, role } : 'wrong';
}
