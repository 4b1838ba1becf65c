/** Attachment rules: ≤ 5 MB, JPEG/PNG/WebP/PDF, type decided by magic bytes (the declared type is not trusted). */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_UPLOAD = 6;
export const ALLOWED_MIME = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type AllowedMime = (typeof ALLOWED_MIME)[number];

export function sniffMime(b: Uint8Array): AllowedMime | null {
  const at = (i: number, bytes: number[]) => bytes.every((x, k) => b[i + k] === x);
  if (b.length >= 3 && at(0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (b.length >= 8 && at(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (b.length >= 12 && at(0, [0x52, 0x49, 0x46, 0x46]) && at(8, [0x57, 0x45, 0x42, 0x50])) return 'image/webp';
  if (b.length >= 5 && at(0, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return null;
}

export type AttachmentCheck = { ok: true; mime: AllowedMime } | { ok: false; message: string };
export function checkAttachment(name: string, bytes: Uint8Array): AttachmentCheck {
  if (bytes.length === 0) return { ok: false, message: `文件“${name}”为空` };
  if (bytes.length > MAX_ATTACHMENT_BYTES) return { ok: false, message: `文件“${name}”超过 5 MB` };
  const mime = sniffMime(bytes);
  if (!mime) return { ok: false, message: `文件“${name}”不是 JPEG/PNG/WebP 图片或 PDF` };
  return { ok: true, mime };
}
export function safeFilename(name: string): string {
  return (name.replace(/[\\/\x00-\x1f"<>|:*?]/g, '_').trim() || 'file').slice(0, 120);
}
