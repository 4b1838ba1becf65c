/** The pure refusals behind the security suite: real calendar days, keyset cursors in range, public push hosts. */
import { describe, expect, it } from 'vitest';
import { isCalendarDateTime, isCalendarDay, isKeysetCursor } from '../../../lib/domain/params.ts';
import { publicHttpsHost } from '../../../platform/net/public-endpoint.ts';
import { contentSecurityPolicy } from '../../../server/http/csp.ts';

describe('calendar days and times', () => {
  it('accepts real ones, refuses the rest', () => {
    expect(['2024-02-29', '2026-12-31', '1970-01-01', '2100-12-31'].every(isCalendarDay)).toBe(true);
    expect(['2026-13-45', '9999-99-99', '2026-02-29', '2026-04-31', '0000-00-00', '1969-12-31', '2101-01-01', '2026-1-1', ' 2026-01-01', '2026-01-01x'].some(isCalendarDay)).toBe(false);
    expect(isCalendarDateTime('2026-01-01 23:59')).toBe(true);
    expect(isCalendarDateTime('2026-01-01T00:00')).toBe(true);
    expect(isCalendarDateTime('2026-01-01 24:00')).toBe(false);
    expect(isCalendarDateTime('2026-01-01 12:60')).toBe(false);
  });
});

describe('keyset cursors', () => {
  it('both parts fit what they are compared with', () => {
    expect(isKeysetCursor('1767225600000000_5')).toBe(true);
    expect(isKeysetCursor('0_0')).toBe(true);
    expect(isKeysetCursor('99999999999999999999_1')).toBe(false);
    expect(isKeysetCursor('4102444800000001_1')).toBe(false);
    expect(isKeysetCursor('1_99999999999999999')).toBe(false);
    expect(isKeysetCursor('1_2_3')).toBe(false);
  });
});

describe('push endpoints', () => {
  it('public https push services only', () => {
    expect(publicHttpsHost('https://fcm.googleapis.com/fcm/send/x')).toBe(true);
    expect(publicHttpsHost('https://fcm.googleapis.com:443/x')).toBe(true);
    for (const u of ['https://127.1/', 'https://0x7f000001/', 'https://[::ffff:127.0.0.1]/', 'https://10.1.2.3/', 'https://localhost./', 'https://x.local/', 'https://host/', 'https://a.b.123/', 'ftp://fcm.googleapis.com/', 'not a url'])
      expect(publicHttpsHost(u), u).toBe(false);
  });
});

describe('page CSP', () => {
  it('nonce and strict-dynamic for scripts, no eval outside development', () => {
    const p = contentSecurityPolicy('abc');
    expect(p).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(p).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy('abc', { dev: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy('abc', { https: true })).toContain('upgrade-insecure-requests');
  });
});
