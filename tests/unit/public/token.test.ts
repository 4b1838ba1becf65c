import { describe, expect, it } from 'vitest';
import { checkFormToken, hashIp, issueFormToken, MIN_FILL_MS } from '../../../server/public/secret.ts';

describe('form token (minimum fill time)', () => {
  const secret = 'test-secret-0123456789';
  it('accepts a token after the minimum fill time and refuses a quick one', () => {
    const t0 = 1_800_000_000_000;
    const tok = issueFormToken(secret, t0);
    expect(checkFormToken(secret, tok, t0 + 500)).toBe('too_fast');
    expect(checkFormToken(secret, tok, t0 + MIN_FILL_MS + 1)).toBe('ok');
    expect(checkFormToken(secret, tok, t0 + 7 * 3600_000)).toBe('expired');
  });
  it('refuses forged or altered tokens', () => {
    const tok = issueFormToken(secret, 1000);
    expect(checkFormToken('another-secret-000000', tok, 10_000)).toBe('invalid');
    expect(checkFormToken(secret, tok.replace(/^1000/, '999'), 10_000)).toBe('invalid');
    expect(checkFormToken(secret, '', 10_000)).toBe('invalid');
    expect(checkFormToken(secret, 'abc', 10_000)).toBe('invalid');
  });
  it('hashes addresses with the secret, not reversibly', () => {
    expect(hashIp(secret, '10.0.0.1')).not.toContain('10.0.0.1');
    expect(hashIp(secret, '10.0.0.1')).not.toBe(hashIp('x'.repeat(20), '10.0.0.1'));
  });
});
