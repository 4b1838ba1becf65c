/**
 * The web findings of the security review as regression tests, through the real handlers and a seeded PostGIS:
 * the login redirect stays on site, malformed parameters answer 4xx in the error shape (never 500), LIKE searches
 * treat % and _ literally, push subscriptions only name public https hosts, a foreign Host gets 421, and pages
 * carry a nonce CSP and a Permissions-Policy.
 */
import './db-env.ts';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../../platform/db.ts';
import { safeNext } from '../../../app/_lib/safe-next.ts';
import { allowedHosts, guardHost, hostAllowed, originAllowed } from '../../../server/http/host-guard.ts';
import { escapeLike } from '../../../lib/text/like.ts';
import { toAppError } from '../../../server/http/errors.ts';
import { ensureSeeded, testSql } from '../helpers/db.ts';
import { call, isErrorShape, sessionCookie, type Handler } from './harness.ts';


let sql: Sql;
let admin: string;
const handler = async (mod: string, method = 'GET') => ((await import(mod)) as Record<string, Handler>)[method];

beforeAll(async () => {
  sql = testSql();
  await ensureSeeded(sql);
  admin = await sessionCookie(sql, 'admin');
});
afterAll(async () => {
  await sql.end();
  const { services } = await import('../../../server/services.ts');
  await services().sql.end();
});

describe('login redirect (/login?next=)', () => {
  it('refuses every way off site, keeps same-site paths', () => {
    for (const bad of ['/\t/evil.example', '/\n/evil.example', '/\r/evil.example', '//evil.example', '/\\evil.example', '/ /evil.example', '/%09/evil.example'.replace('%09', '\t'), 'https://evil.example', '/\u0000/evil', '/login?next=/x', 'javascript:alert(1)', '/\u000b/evil.example']) {
      expect(safeNext(bad), JSON.stringify(bad)).toBe('/map');
    }
    expect(safeNext('/alarms?severity=critical#top')).toBe('/alarms?severity=critical#top');
    expect(safeNext('/sites/KR-TMP-001')).toBe('/sites/KR-TMP-001');
    expect(safeNext(['/hazards', '//evil.example'])).toBe('/hazards');
  });
});

describe('malformed parameters answer 4xx with the error shape, never 500', () => {
  const cases: [string, string, string][] = [
    ['../../../app/api/alarms/route.ts', '/api/alarms?cursor=99999999999999999999_1', 'cursor overflowing bigint'],
    ['../../../app/api/alarms/route.ts', '/api/alarms?cursor=1_99999999999999999999', 'cursor id overflowing'],
    ['../../../app/api/alarms/route.ts', '/api/alarms?from=2026-13-45', 'month 13'],
    ['../../../app/api/alarms/route.ts', '/api/alarms?to=2026-02-30', 'February 30'],
    ['../../../app/api/alarms/route.ts', '/api/alarms?from=2026-01-01 25:61', 'hour 25'],
    ['../../../app/api/alarms/export/route.ts', '/api/alarms/export?from=9999-99-99', 'export date'],
    ['../../../app/api/records/route.ts', '/api/records?date=9999-99-99', 'records date'],
    ['../../../app/api/records/route.ts', '/api/records?date=2026-00-10&site=KR-TMP-001', 'records day 0 month'],
    ['../../../app/api/hazards/route.ts', '/api/hazards?cursor=99999999999999999999_1', 'hazard cursor'],
    ['../../../app/api/alarms/accuracy/route.ts', '/api/alarms/accuracy?from=2026-13-01', 'accuracy date'],
    ['../../../app/api/rollout/coverage/route.ts', '/api/rollout/coverage?asOf=2026-99-99', 'coverage asOf'],
    ['../../../app/api/supervision/export/route.ts', '/api/supervision/export?from=2026-13-45&to=2026-14-01', 'supervision dates'],
  ];
  // refused by the schema itself (422 VALIDATION with the field), not by the database afterwards
  it.each(cases)('%s %s (%s)', async (mod, path) => {
    const r = await call(await handler(mod), admin, path);
    expect(r.status).toBe(422);
    expect(isErrorShape(r.body)).toBe(true);
    expect((r.body as { error: { code: string } }).error.code).toBe('VALIDATION');
  });

  it('whatever still slips past a schema into Postgres as bad data is a 400, not a 500', () => {
    for (const code of ['22008', '22003', '22007', '22P02']) expect(toAppError(Object.assign(new Error('x'), { code })).status).toBe(400);
    expect(toAppError(Object.assign(new Error('x'), { code: '57014' })).status).toBe(500);
    expect(toAppError(new Error('boom')).toBody().error.messageEn).toBe('Internal server error');
  });

  it('still accepts good values', async () => {
    expect((await call(await handler('../../../app/api/alarms/route.ts'), admin, '/api/alarms?from=2026-02-28&to=2026-03-01 12:00&cursor=1767225600000000_5')).status).toBe(200);
    expect((await call(await handler('../../../app/api/records/route.ts'), admin, '/api/records?date=2024-02-29')).status).toBe(200);
  });
});

describe('LIKE searches take % and _ literally', () => {
  it('escapes the wildcards and the escape character', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
  it.each([
    ['../../../app/api/rollout/sites/route.ts', '/api/rollout/sites?q=', (b: { total: number }) => b.total],
    ['../../../app/api/admin/simulator/devices/route.ts', '/api/admin/simulator/devices?q=', (b: { sites: unknown[] }) => b.sites.length],
    ['../../../app/api/admin/public-reports/sites/route.ts', '/api/admin/public-reports/sites?q=', (b: { sites: unknown[] }) => b.sites.length],
  ] as [string, string, (b: never) => number][])('%s (%s): q=%% and q=_ match nothing', async (mod, path, count) => {
    const h = await handler(mod);
    const all = await call(h, admin, `${path}`);
    expect(all.status).toBe(200);
    expect(count(all.body as never)).toBeGreaterThan(0);
    for (const q of ['%25', '_', '%25%25', '\\']) {
      const r = await call(h, admin, `${path}${q}`);
      expect(r.status).toBe(200);
      expect(count(r.body as never), q).toBe(0);
    }
  });
  it('hazard and alarm searches too', async () => {
    const h = await call(await handler('../../../app/api/hazards/route.ts'), admin, '/api/hazards?q=%25');
    expect(h.status).toBe(200);
    expect((h.body as { rows: unknown[] }).rows).toEqual([]);
    const a = await call(await handler('../../../app/api/alarms/route.ts'), admin, '/api/alarms?q=%25');
    expect(a.status).toBe(200);
    expect((a.body as { rows: unknown[] }).rows).toEqual([]);
  });
});

describe('push subscriptions name public https hosts only', () => {
  const keys = { p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM', auth: 'tBHItJI5svbpez7KI4CCXg' };
  const refused = [
    'http://fcm.googleapis.com/fcm/send/x',
    'https://localhost/x',
    'https://127.0.0.1/x',
    'https://127.1/x',
    'https://2130706433/x',
    'https://0x7f000001/x',
    'https://[::1]/x',
    'https://[fe80::1]/x',
    'https://10.0.0.5/x',
    'https://192.168.1.1/x',
    'https://172.16.0.1/x',
    'https://169.254.169.254/latest/meta-data',
    'https://8.8.8.8/x',
    'https://printer.local/x',
    'https://metadata.google.internal/x',
    'https://intranet/x',
    'https://a.localhost/x',
    'https://user:pw@fcm.googleapis.com/x',
    'https://fcm.googleapis.com:8443/x',
  ];
  it.each(refused)('refuses %s (422, error shape)', async (endpoint) => {
    const r = await call(await handler('../../../app/api/notifications/push/route.ts', 'POST'), admin, '/api/notifications/push', { method: 'POST', body: JSON.stringify({ endpoint, keys }) });
    expect(r.status).toBe(422);
    expect(isErrorShape(r.body)).toBe(true);
  });
  it('accepts a push service', async () => {
    for (const endpoint of ['https://fcm.googleapis.com/fcm/send/abc', 'https://updates.push.services.mozilla.com/wpush/v2/abc', 'https://web.push.apple.com/abc']) {
      const r = await call(await handler('../../../app/api/notifications/push/route.ts', 'POST'), admin, '/api/notifications/push', { method: 'POST', body: JSON.stringify({ endpoint, keys }) });
      expect(r.status, endpoint).toBe(200);
    }
    await sql`DELETE FROM push_subscriptions WHERE endpoint LIKE 'https://%/abc' OR endpoint LIKE '%/wpush/v2/abc'`;
  });
});

describe('Host allowlist (DNS rebinding)', () => {
  const list = allowedHosts({ ALLOWED_HOSTS: undefined, HOST: '127.0.0.1', PORT: 3998, NOTIFY_PUBLIC_URL: 'https://esms.changdu.example' });
  it('defaults to the portal\'s own names on its port', () => {
    expect(list).toEqual(['localhost:3998', '127.0.0.1:3998', '[::1]:3998', 'esms.changdu.example']);
    expect(hostAllowed('LOCALHOST:3998', list)).toBe(true);
    expect(hostAllowed('localhost:3999', list)).toBe(false);
    expect(hostAllowed('evil.example:3998', list)).toBe(false);
    expect(hostAllowed(undefined, list)).toBe(false);
    expect(hostAllowed('portal.example:8443', ['portal.example'])).toBe(true);
    expect(originAllowed('http://evil.example', 'localhost:3998', list)).toBe(false);
    expect(originAllowed('http://localhost:3998', 'localhost:3998', list)).toBe(true);
    expect(originAllowed('null', 'localhost:3998', list)).toBe(false);
  });

  it('a real server answers a foreign Host with 421 in the error shape', async () => {
    const server = http.createServer((req, res) => {
      if (!guardHost(req, res, list)) return;
      res.end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const get = (host: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        http.get({ port, host: '127.0.0.1', path: '/map', headers: { host } }, (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        }).on('error', reject);
      });
    const bad = await get('rebind.evil.example');
    expect(bad.status).toBe(421);
    expect(isErrorShape(JSON.parse(bad.body))).toBe(true);
    expect((await get('127.0.0.1:3998')).status).toBe(200);
    await new Promise((r) => server.close(r));
  });
});

describe('pages carry a nonce CSP, every response a Permissions-Policy', () => {
  it('the proxy sets a fresh nonce with strict-dynamic on request and response', async () => {
    const { proxy } = await import('../../../proxy.ts');
    const { NextRequest } = await import('next/server');
    const csp = () => proxy(new NextRequest('http://127.0.0.1:3998/map')).headers.get('content-security-policy') ?? '';
    const a = csp();
    const b = csp();
    expect(a).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
    expect(a).toContain("worker-src 'self' blob:");
    expect(a).toContain("object-src 'none'");
    expect(a).not.toContain('unsafe-eval');
    expect(a.match(/nonce-([^']+)/)![1]).not.toBe(b.match(/nonce-([^']+)/)![1]);
  });
  it('next.config.mjs sends Permissions-Policy on every path', async () => {
    // @ts-expect-error next.config.mjs is plain JavaScript without declarations
    const cfg = (await import('../../../next.config.mjs')).default as { headers(): Promise<{ source: string; headers: { key: string; value: string }[] }[]> };
    const all = (await cfg.headers()).find((h) => h.source === '/:path*')!;
    const pp = all.headers.find((h) => h.key === 'Permissions-Policy')?.value ?? '';
    expect(pp).toContain('camera=()');
    expect(pp).toContain('geolocation=()');
    expect(pp).toContain('microphone=()');
  });
});
