/** Raw quarantined bytes are shown safely: UTF-8 as escaped text, anything else as hex. */
import { describe, expect, it } from 'vitest';
import { showBytes } from '../../../server/queries/quarantine.ts';

describe('showBytes', () => {
  it('keeps valid UTF-8 (HTML stays text; React escapes it) and escapes control characters', () => {
    expect(showBytes(Buffer.from('<script>alert(1)</script> 温度\u0000\u001b'))).toEqual({ text: '<script>alert(1)</script> 温度\\u0000\\u001b', hex: null, truncated: false });
  });
  it('shows invalid UTF-8 as hex', () => {
    expect(showBytes(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))).toEqual({ text: null, hex: '7b ff fe 7d', truncated: false });
  });
  it('truncates long payloads', () => {
    const r = showBytes(Buffer.alloc(5000, 0x61));
    expect(r.truncated).toBe(true);
    expect(r.text!.length).toBe(2048);
  });
});
