import { describe, expect, it } from 'vitest';
import { MAX_PHOTO_BYTES, preparePhoto, sniffImage } from '../../../server/public/image.ts';

const seg = (marker: number, payload: Buffer) => {
  const h = Buffer.alloc(4);
  h[0] = 0xff;
  h[1] = marker;
  h.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([h, payload]);
};
const jpeg = Buffer.concat([
  Buffer.from([0xff, 0xd8]),
  seg(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
  seg(0xe1, Buffer.from('Exif\0\0GPSLatitude 31.1433 Owner Tashi', 'latin1')),
  seg(0xfe, Buffer.from('comment: taken at the monastery', 'latin1')),
  seg(0xdb, Buffer.alloc(65, 1)),
  Buffer.from([0xff, 0xda, 0x00, 0x08, 1, 2, 3, 4, 5, 6, 0x11, 0x22, 0xff, 0xd9]),
]);

function pngChunk(type: string, data: Buffer) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  return Buffer.concat([len, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
}
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  pngChunk('IHDR', Buffer.alloc(13, 1)),
  pngChunk('tEXt', Buffer.from('Author\0Dorje, 13912345678', 'latin1')),
  pngChunk('eXIf', Buffer.from('MM\0*GPS', 'latin1')),
  pngChunk('IDAT', Buffer.alloc(20, 7)),
  pngChunk('IEND', Buffer.alloc(0)),
]);

function riff(chunks: [string, Buffer][]) {
  const body = Buffer.concat(
    chunks.map(([t, d]) => {
      const h = Buffer.alloc(8);
      h.write(t, 0, 'latin1');
      h.writeUInt32LE(d.length, 4);
      return Buffer.concat([h, d, Buffer.alloc(d.length & 1)]);
    }),
  );
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length + 4, 4);
  head.write('WEBP', 8, 'latin1');
  return Buffer.concat([head, body]);
}
const vp8x = Buffer.alloc(10);
vp8x[0] = 0x08 | 0x04;
const webp = riff([['VP8X', vp8x], ['VP8 ', Buffer.alloc(11, 3)], ['EXIF', Buffer.from('GPS 31.14 97.17', 'latin1')], ['XMP ', Buffer.from('<x:xmpmeta/>', 'latin1')]]);

describe('photo checks', () => {
  it('decides the type by magic bytes', () => {
    expect(sniffImage(jpeg)).toBe('image/jpeg');
    expect(sniffImage(png)).toBe('image/png');
    expect(sniffImage(webp)).toBe('image/webp');
    expect(sniffImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(sniffImage(Buffer.from('GIF89a....'))).toBeNull();
    expect(preparePhoto(Buffer.from('<html>not an image</html>'))).toEqual({ ok: false, reason: 'bad_type' });
  });

  it('refuses large files', () => {
    expect(preparePhoto(Buffer.concat([jpeg, Buffer.alloc(MAX_PHOTO_BYTES)]))).toEqual({ ok: false, reason: 'too_large' });
  });

  it('strips EXIF and comments from JPEG, keeps the image data', () => {
    const r = preparePhoto(jpeg);
    if (!r.ok) throw new Error(r.reason);
    const s = r.data.toString('latin1');
    expect(s).not.toMatch(/Exif|GPS|Tashi|monastery/);
    expect(s).toContain('JFIF');
    expect(r.data.subarray(-4)).toEqual(Buffer.from([0x11, 0x22, 0xff, 0xd9]));
  });

  it('strips text and eXIf chunks from PNG', () => {
    const r = preparePhoto(png);
    if (!r.ok) throw new Error(r.reason);
    expect(r.data.toString('latin1')).not.toMatch(/Dorje|139|GPS|tEXt|eXIf/);
    expect(r.data.toString('latin1')).toContain('IDAT');
  });

  it('strips EXIF/XMP chunks from WebP and clears their flags', () => {
    const r = preparePhoto(webp);
    if (!r.ok) throw new Error(r.reason);
    const s = r.data.toString('latin1');
    expect(s).not.toMatch(/GPS|xmpmeta|EXIF/);
    expect(r.data.readUInt32LE(4)).toBe(r.data.length - 8);
    expect(r.data[20] & 0x0c).toBe(0);
  });

  it('reports corrupt files', () => {
    expect(preparePhoto(jpeg.subarray(0, 30))).toEqual({ ok: false, reason: 'corrupt' });
  });
});
