/** Edge helpers for the workflow's route handlers: numeric path ids, multipart bodies with a size cap. */
import { AppError } from '../http/errors.ts';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_UPLOAD } from '../../lib/domain/workflow/attachments.ts';

export function idParam(params: Record<string, string>, name = 'id'): number {
  const v = params[name];
  if (!v || !/^\d{1,15}$/.test(v)) throw new AppError('NOT_FOUND');
  return Number(v);
}

export const isMultipart = (req: Request) => (req.headers.get('content-type') ?? '').startsWith('multipart/form-data');

/** Parse a multipart form no larger than every allowed file plus some text. */
export async function readForm(req: Request): Promise<FormData> {
  const max = MAX_ATTACHMENT_BYTES * MAX_ATTACHMENTS_PER_UPLOAD + 256 * 1024;
  const len = Number(req.headers.get('content-length') ?? '0');
  if (!len || len > max) throw new AppError('PAYLOAD_TOO_LARGE', { message: '上传内容过大（每个文件不超过 5 MB，最多 6 个）' });
  try {
    return await req.formData();
  } catch {
    throw new AppError('BAD_REQUEST', { message: '表单格式不正确' });
  }
}

/** Text fields of a form as a plain object (files excluded) for zod. */
export function formFields(form: FormData): Record<string, string> {
  const o: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === 'string') o[k] = v;
  return o;
}
