/**
 * Broker secrets. Every secret is 256 random bits, so the hash only has to be one-way, not slow: a slow KDF
 * (argon2) protects guessable human passwords, and would make issuing the simulated fleet's credentials and every
 * connect storm slow for nothing. The stored form is Mosquitto's own password_file hash ($7$: PBKDF2-HMAC-SHA512,
 * 12-byte salt, 101 iterations, what mosquitto_passwd writes), so the embedded broker and a generated Mosquitto
 * password_file check the same string and a credential works on either broker.
 */
import { createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';

const ITERATIONS = 101;

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string, salt: Buffer = randomBytes(12)): string {
  const h = pbkdf2Sync(secret, salt, ITERATIONS, 64, 'sha512');
  return `$7$${ITERATIONS}$${salt.toString('base64')}$${h.toString('base64')}`;
}

export function verifySecret(secret: string, stored: string): boolean {
  const m = /^\$7\$(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(stored);
  if (!m) return false;
  const want = Buffer.from(m[3]!, 'base64');
  const got = pbkdf2Sync(secret, Buffer.from(m[2]!, 'base64'), Number(m[1]), want.length, 'sha512');
  return got.length === want.length && timingSafeEqual(got, want);
}

/** A service account's password: derived from MQTT_SERVICE_KEY, so the launcher hands each process only its own. */
export function servicePassword(serviceKey: string, username: string): string {
  return createHmac('sha256', serviceKey).update(`esms-mqtt-service:${username}`).digest('base64url');
}
