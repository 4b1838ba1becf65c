/** Hazard attachments stored as bytea, validated by size and magic bytes before they touch the database. */
import { createHash } from 'node:crypto';
import type { Sql } from '../../../platform/db.ts';
import { checkAttachment, MAX_ATTACHMENTS_PER_UPLOAD, safeFilename } from '../../../lib/domain/workflow/attachments.ts';
import { invalid } from '../access.ts';

export interface UploadFile {
  name: string;
  bytes: Uint8Array;
}

/** Throws a VALIDATION error naming the first bad file; nothing is stored unless every file passes. */
export function validateFiles(files: UploadFile[]) {
  if (files.length > MAX_ATTACHMENTS_PER_UPLOAD) throw invalid(`一次最多上传 ${MAX_ATTACHMENTS_PER_UPLOAD} 个文件`, 'files');
  return files.map((f) => {
    const c = checkAttachment(f.name, f.bytes);
    if (!c.ok) throw invalid(c.message, 'files');
    return { ...f, mime: c.mime };
  });
}

export async function storeAttachments(tx: Sql, hazardId: number, eventId: number | null, stage: 'report' | 'rectification', userId: number, files: UploadFile[]) {
  const ok = validateFiles(files);
  for (const f of ok) {
    const buf = Buffer.from(f.bytes);
    await tx`INSERT INTO hazard_attachments (hazard_id, event_id, stage, filename, mime, size, sha256, data, uploaded_by)
             VALUES (${hazardId}, ${eventId}, ${stage}, ${safeFilename(f.name)}, ${f.mime}, ${buf.length},
                     ${createHash('sha256').update(buf).digest('hex')}, ${buf}, ${userId})`;
  }
  return ok.length;
}

/** Files from a multipart form (the route wrapper leaves multipart bodies to the handler). */
export async function filesFromForm(form: FormData, field = 'files'): Promise<UploadFile[]> {
  const out: UploadFile[] = [];
  for (const v of form.getAll(field)) {
    if (typeof v === 'string' || v.size === 0) continue;
    out.push({ name: v.name || 'photo', bytes: new Uint8Array(await v.arrayBuffer()) });
  }
  return out;
}
