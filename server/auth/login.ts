/**
 * Password sign-in: argon2 verify (uniform timing for unknown users), failed attempts rate-limited per
 * username+ip and per ip, every outcome audited. Route-independent so it can be tested against a real DB.
 */
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { z } from 'zod';
import type { Sql } from '../../platform/db.ts';
import { AppError } from '../http/errors.ts';
import { audit } from './audit.ts';
import { DUMMY_HASH, verifyPassword } from '../../platform/password.ts';
import { createSession } from './session.ts';

export const loginBodySchema = z.object({
  username: z.string().trim().toLowerCase().min(1).max(64),
  // capped: argon2 cost must not be a lever for a denial of service
  password: z.string().min(1).max(256),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export interface LoginLimiters {
  byUserIp: RateLimiterMemory;
  byIp: RateLimiterMemory;
}

export const LOGIN_LIMITS = {
  userIpFailures: 5,
  // an office behind one NAT shares an ip: generous, it only stops spraying across many usernames
  ipFailures: 50,
  windowS: 15 * 60,
};

export function createLoginLimiters(limits = LOGIN_LIMITS): LoginLimiters {
  return {
    byUserIp: new RateLimiterMemory({ keyPrefix: 'login_ui', points: limits.userIpFailures, duration: limits.windowS }),
    byIp: new RateLimiterMemory({ keyPrefix: 'login_ip', points: limits.ipFailures, duration: limits.windowS }),
  };
}

const KEY = Symbol.for('esms.loginLimiters');
/** One set per process: Next's route bundles and the custom server are separate module graphs. */
export function loginLimiters(): LoginLimiters {
  const g = globalThis as typeof globalThis & { [KEY]?: LoginLimiters };
  return (g[KEY] ??= createLoginLimiters());
}

export interface LoginAttempt extends LoginBody {
  ip: string | null;
  userAgent?: string | null;
}

export interface LoginOk {
  userId: number;
  username: string;
  token: string;
  expires: Date;
}

function rateLimited(msBeforeNext: number): AppError {
  const s = Math.max(1, Math.ceil(msBeforeNext / 1000));
  const min = Math.max(1, Math.ceil(s / 60));
  return new AppError('RATE_LIMITED', {
    message: `登录失败次数过多，请 ${min} 分钟后再试`,
    messageEn: `Too many failed sign-ins. Try again in ${min} min.`,
    retryAfterS: s,
  });
}

const badCredentials = () => new AppError('UNAUTHENTICATED', { message: '用户名或密码错误', messageEn: 'Wrong username or password' });

/** Blocked keys are refused before argon2 runs; only failures consume points; success resets username+ip. */
export async function attemptLogin(
  sql: Sql,
  a: LoginAttempt,
  opts: { limiters: LoginLimiters; ttlHours: number; limits?: typeof LOGIN_LIMITS },
): Promise<LoginOk> {
  const limits = opts.limits ?? LOGIN_LIMITS;
  const ip = a.ip ?? 'unknown';
  const userIpKey = `${a.username}|${ip}`;
  const [ui, byIp] = await Promise.all([opts.limiters.byUserIp.get(userIpKey), opts.limiters.byIp.get(ip)]);
  const blocked = [
    ui && ui.consumedPoints >= limits.userIpFailures ? ui.msBeforeNext : 0,
    byIp && byIp.consumedPoints >= limits.ipFailures ? byIp.msBeforeNext : 0,
  ];
  if (blocked.some((ms) => ms > 0)) {
    await audit(sql, { username: a.username, action: 'auth.login.failed', ip: a.ip, detail: { reason: 'rate_limited' } });
    throw rateLimited(Math.max(...blocked));
  }

  const [u] = await sql<{ id: number; username: string; password_hash: string; disabled: boolean }[]>`
    SELECT id, username, password_hash, disabled FROM users WHERE username = ${a.username}`;
  const ok = await verifyPassword(u?.password_hash ?? DUMMY_HASH, a.password);

  if (!u || !ok || u.disabled) {
    const reason = !u ? 'unknown_user' : !ok ? 'bad_password' : 'disabled';
    await Promise.all([
      opts.limiters.byUserIp.penalty(userIpKey, 1),
      opts.limiters.byIp.penalty(ip, 1),
      audit(sql, { userId: u?.id ?? null, username: a.username, action: 'auth.login.failed', ip: a.ip, detail: { reason } }),
    ]);
    throw badCredentials();
  }

  await opts.limiters.byUserIp.delete(userIpKey);
  const { token, expires } = await createSession(sql, u.id, opts.ttlHours, { ip: a.ip ?? undefined, userAgent: a.userAgent ?? undefined });
  await audit(sql, { userId: u.id, username: u.username, action: 'auth.login', ip: a.ip });
  return { userId: u.id, username: u.username, token, expires };
}
