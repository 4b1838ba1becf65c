/**
 * Photos from the public: the type is decided by magic bytes (never by the name or the declared type), and
 * metadata that can carry a location or a name (EXIF, XMP, IPTC, text chunks, comments) is removed.
 * Photos are shown to signed-in reviewers only and are never served publicly. Pure; Node Buffers.
 */
export type ImageMime = 'image/jpeg' | 'image/png' | 'image/webp';
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

const PNG_SIG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function sniffImage(b: Buffer): ImageMime | null {
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(PNG_SIG)) return 'image/png';
  if (b.length >= 16 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/** JPEG: drop APP1 (EXIF/XMP), APP3–APP13, APP15 and COM; keep JFIF, ICC (APP2) and Adobe (APP14). */
function stripJpeg(b: Buffer): Buffer {
  const out: Buffer[] = [b.subarray(0, 2)];
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) throw new Error('bad JPEG marker');
    const marker = b[i + 1];
    if (marker === 0xff) { i++; continue; } // fill byte
    if (marker === 0xda || marker === 0xd9) { out.push(b.subarray(i)); return Buffer.concat(out); } // scan data onwards
    if (marker >= 0xd0 && marker <= 0xd7) { out.push(b.subarray(i, i + 2)); i += 2; continue; }
    const len = b.readUInt16BE(i + 2);
    if (len < 2 || i + 2 + len > b.length) throw new Error('truncated JPEG segment');
    const drop = marker === 0xfe || (marker >= 0xe1 && marker <= 0xef && marker !== 0xe2 && marker !== 0xee);
    if (!drop) out.push(b.subarray(i, i + 2 + len));
    i += 2 + len;
  }
  throw new Error('JPEG without image data');
}

const PNG_KEEP = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'bKGD', 'pHYs', 'acTL', 'fcTL', 'fdAT']);

/** PNG: keep rendering chunks; drop text (tEXt/zTXt/iTXt), eXIf, tIME and anything unknown. */
function stripPng(b: Buffer): Buffer {
  const out: Buffer[] = [PNG_SIG];
  let i = 8;
  while (i + 12 <= b.length) {
    const len = b.readUInt32BE(i);
    const type = b.toString('latin1', i + 4, i + 8);
    const end = i + 12 + len;
    if (end > b.length) throw new Error('truncated PNG chunk');
    if (PNG_KEEP.has(type)) out.push(b.subarray(i, end));
    i = end;
    if (type === 'IEND') return Buffer.concat(out);
  }
  throw new Error('PNG without IEND');
}

/** WebP: drop EXIF and XMP chunks and clear their flags in VP8X. */
function stripWebp(b: Buffer): Buffer {
  const chunks: Buffer[] = [];
  let i = 12;
  while (i + 8 <= b.length) {
    const fourcc = b.toString('latin1', i, i + 4);
    const size = b.readUInt32LE(i + 4);
    const end = i + 8 + size + (size & 1);
    if (i + 8 + size > b.length) throw new Error('truncated WebP chunk');
    if (fourcc !== 'EXIF' && fourcc !== 'XMP ') {
      const c = Buffer.from(b.subarray(i, Math.min(end, b.length)));
      if (fourcc === 'VP8X' && c.length > 8) c[8] &= ~(0x08 | 0x04);
      chunks.push(c);
    }
    i = end;
  }
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length + 4, 4);
  head.write('WEBP', 8, 'latin1');
  return Buffer.concat([head, body]);
}

export type PhotoCheck = { ok: true; mime: ImageMime; data: Buffer } | { ok: false; reason: 'too_large' | 'bad_type' | 'corrupt' };

export function preparePhoto(b: Buffer): PhotoCheck {
  if (b.length > MAX_PHOTO_BYTES) return { ok: false, reason: 'too_large' };
  const mime = sniffImage(b);
  if (!mime) return { ok: false, reason: 'bad_type' };
  try {
    const data = mime === 'image/jpeg' ? stripJpeg(b) : mime === 'image/png' ? stripPng(b) : stripWebp(b);
    return { ok: true, mime, data };
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
}
