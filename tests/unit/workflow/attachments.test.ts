import { describe, expect, it } from 'vitest';
import { checkAttachment, safeFilename, sniffMime, MAX_ATTACHMENT_BYTES } from '../../../lib/domain/workflow/attachments.ts';
import { alarmFilterSchema, bjInstant, filterQuery } from '../../../lib/domain/workflow/alarm-filters.ts';

const bytes = (...b: number[]) => new Uint8Array([...b, ...new Array(16).fill(0)]);

describe('attachments', () => {
  it('decides the type by magic bytes, not the name', () => {
    expect(sniffMime(bytes(0xff, 0xd8, 0xff))).toBe('image/jpeg');
    expect(sniffMime(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
    expect(sniffMime(bytes(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50))).toBe('image/webp');
    expect(sniffMime(bytes(0x25, 0x50, 0x44, 0x46, 0x2d))).toBe('application/pdf');
    expect(sniffMime(new TextEncoder().encode('<svg onload=alert(1)>'))).toBeNull();
  });
  it('refuses empty, oversized and unknown files with Chinese messages', () => {
    expect(checkAttachment('a.jpg', new Uint8Array())).toMatchObject({ ok: false });
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set([0xff, 0xd8, 0xff]);
    expect(checkAttachment('big.jpg', big)).toMatchObject({ ok: false, message: expect.stringContaining('5 MB') });
    expect(checkAttachment('x.jpg', new TextEncoder().encode('GIF89a'))).toMatchObject({ ok: false });
    expect(safeFilename('../../etc/passwd')).toBe('.._.._etc_passwd');
  });
});

describe('alarm filters', () => {
  it('parses URL values, drops empties, rejects junk', () => {
    expect(alarmFilterSchema.parse({ severity: '', state: 'active', county: '540302', q: ' 强巴 ' })).toEqual({ state: 'active', county: 540302, q: '强巴' });
    expect(alarmFilterSchema.safeParse({ severity: 'boom' }).success).toBe(false);
    expect(alarmFilterSchema.safeParse({ cursor: "1'; drop" }).success).toBe(false);
  });
  it('Beijing dates; `to` covers the whole day; the query string round-trips without the cursor', () => {
    expect(bjInstant('2026-03-01').toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(bjInstant('2026-03-01', true).toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(filterQuery({ state: 'false', cursor: '1_2', type: 'arc_fault' })).toBe('state=false&type=arc_fault');
  });
});
