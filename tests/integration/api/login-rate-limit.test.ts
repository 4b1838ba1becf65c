/** Sign-in against the seeded users: argon2 verify, sessions, audit rows and the failure rate limits. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../../platform/db.ts';
import { DEMO_PASSWORD } from '../../../db/seed/demo-accounts.ts';
import { attemptLogin, createLoginLimiters, LOGIN_LIMITS } from '../../../server/auth/login.ts';
import { principalFromToken } from '../../../server/auth/session.ts';
import { AppError } from '../../../server/http/errors.ts';
import { ensureSeeded, testSql } from '../helpers/db.ts';

let sql: Sql;
beforeAll(async () => {
  sql = testSql();
  await ensureSeeded(sql);
});
afterAll(() => sql?.end());

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

const lastAudit = async (username: string) =>
  (
    await sql<{ action: string; detail: { reason?: string } }[]>`
    SELECT action, detail FROM audit_log WHERE username = ${username} ORDER BY id DESC LIMIT 1`
  )[0];

describe('attemptLogin', () => {
  it('signs in with the demo password: a session that resolves to the principal, audited', async () => {
    const limiters = createLoginLimiters();
    const r = await attemptLogin(sql, { username: 'karuo', password: DEMO_PASSWORD, ip: '10.0.0.1' }, { limiters, ttlHours: 1 });
    const p = await principalFromToken(sql, r.token);
    expect(p).toMatchObject({ username: 'karuo', role: 'county', scope: { kind: 'county', adcode: 540302 } });
    expect(r.expires.getTime()).toBeGreaterThan(Date.now());
    expect((await lastAudit('karuo')).action).toBe('auth.login');
  });

  it('refuses a wrong password and an unknown user with the same Chinese message', async () => {
    const limiters = createLoginLimiters();
    const a = await failure(attemptLogin(sql, { username: 'karuo', password: 'nope', ip: '10.0.0.2' }, { limiters, ttlHours: 1 }));
    const b = await failure(attemptLogin(sql, { username: 'ghost', password: 'nope', ip: '10.0.0.2' }, { limiters, ttlHours: 1 }));
    for (const e of [a, b]) {
      expect(e.status).toBe(401);
      expect(e.userMessage).toBe('用户名或密码错误');
    }
    expect(await lastAudit('karuo')).toMatchObject({ action: 'auth.login.failed', detail: { reason: 'bad_password' } });
    expect(await lastAudit('ghost')).toMatchObject({ action: 'auth.login.failed', detail: { reason: 'unknown_user' } });
  });

  it('the 6th failure for one username+ip is 429, even with the right password; other ips are unaffected', async () => {
    const limiters = createLoginLimiters();
    const opts = { limiters, ttlHours: 1 };
    for (let i = 0; i < LOGIN_LIMITS.userIpFailures; i++)
      expect((await failure(attemptLogin(sql, { username: 'edu', password: 'bad' + i, ip: '10.0.0.3' }, opts))).status).toBe(401);
    const blocked = await failure(attemptLogin(sql, { username: 'edu', password: 'bad', ip: '10.0.0.3' }, opts));
    expect(blocked.status).toBe(429);
    expect(blocked.code).toBe('RATE_LIMITED');
    expect(blocked.userMessage).toMatch(/登录失败次数过多/);
    expect(blocked.retryAfterS).toBeGreaterThan(0);
    expect(blocked.retryAfterS).toBeLessThanOrEqual(LOGIN_LIMITS.windowS);
    const evenRight = await failure(attemptLogin(sql, { username: 'edu', password: DEMO_PASSWORD, ip: '10.0.0.3' }, opts));
    expect(evenRight.status).toBe(429);
    expect(await lastAudit('edu')).toMatchObject({ action: 'auth.login.failed', detail: { reason: 'rate_limited' } });
    const elsewhere = await attemptLogin(sql, { username: 'edu', password: DEMO_PASSWORD, ip: '10.0.0.4' }, opts);
    expect(elsewhere.username).toBe('edu');
  });

  it('a success resets the username+ip counter', async () => {
    const limiters = createLoginLimiters();
    const opts = { limiters, ttlHours: 1 };
    for (let i = 0; i < LOGIN_LIMITS.userIpFailures - 1; i++)
      await failure(attemptLogin(sql, { username: 'wenwu', password: 'bad', ip: '10.0.0.5' }, opts));
    await attemptLogin(sql, { username: 'wenwu', password: DEMO_PASSWORD, ip: '10.0.0.5' }, opts);
    for (let i = 0; i < LOGIN_LIMITS.userIpFailures; i++)
      expect((await failure(attemptLogin(sql, { username: 'wenwu', password: 'bad', ip: '10.0.0.5' }, opts))).status).toBe(401);
  });

  it('one ip spraying many usernames hits the per-ip limit', async () => {
    const limits = { userIpFailures: 5, ipFailures: 3, windowS: 60 };
    const limiters = createLoginLimiters(limits);
    const opts = { limiters, ttlHours: 1, limits };
    for (const u of ['a1', 'a2', 'a3'])
      expect((await failure(attemptLogin(sql, { username: u, password: 'x', ip: '10.0.0.6' }, opts))).status).toBe(401);
    expect((await failure(attemptLogin(sql, { username: 'a4', password: 'x', ip: '10.0.0.6' }, opts))).status).toBe(429);
    expect((await failure(attemptLogin(sql, { username: 'a4', password: 'x', ip: '10.0.0.7' }, opts))).status).toBe(401);
  });
});
