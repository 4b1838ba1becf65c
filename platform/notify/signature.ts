/** Webhook signing: HMAC-SHA256 over `${timestamp}.${body}` with a shared secret (like Stripe/Slack). */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIG_HEADER = 'x-esms-signature';
export const TS_HEADER = 'x-esms-timestamp';
export const IDEMPOTENCY_HEADER = 'x-idempotency-key';

export function signBody(secret: string, timestamp: number, body: string): string {
  return 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** What a receiver does: check the signature and refuse stale timestamps (replay window). */
export function verifySignature(secret: string, timestamp: number, body: string, sig: string, now = Date.now(), windowMs = 5 * 60_000): boolean {
  if (!Number.isFinite(timestamp) || Math.abs(now - timestamp) > windowMs) return false;
  const want = Buffer.from(signBody(secret, timestamp, body));
  const got = Buffer.from(sig);
  return want.length === got.length && timingSafeEqual(want, got);
}
