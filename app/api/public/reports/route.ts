/**
 * POST /api/public/reports — a resident's hazard report (multipart: text fields + optional photo).
 * Same-origin only, rate-limited per hashed address and globally, honeypot + signed minimum-fill-time token,
 * length limits, photo type by magic bytes with metadata stripped. Stored for staff review; never public.
 */
import { services } from '@/server/services.ts';
import { checkOrigin, clientIp, parseWith } from '@/server/http/route.ts';
import { AppError } from '@/server/http/errors.ts';
import { handlePublic, publicJson, readBodyLimited } from '@/server/public/http.ts';
import { checkFormToken, hashIp, publicSecret } from '@/server/public/secret.ts';
import { hitAll, LIMITS } from '@/server/public/ratelimit.ts';
import { MAX_PHOTO_BYTES, preparePhoto } from '@/server/public/image.ts';
import { insertReport, reportFormSchema } from '@/server/public/reports.ts';

export const dynamic = 'force-dynamic';

const MAX_BODY = MAX_PHOTO_BYTES + 64 * 1024;

export const POST = handlePublic(async (req) => {
  checkOrigin(req);
  const ct = req.headers.get('content-type') ?? '';
  if (!ct.startsWith('multipart/form-data')) throw new AppError('BAD_REQUEST');
  const { sql } = services();
  const secret = await publicSecret(sql);
  const ipHash = hashIp(secret, clientIp(req));
  const limited = await hitAll(sql, [
    [`report:h:${ipHash}`, LIMITS.reportPerHour],
    [`report:d:${ipHash}`, LIMITS.reportPerDay],
    ['report:all', LIMITS.reportGlobalPerHour],
  ]);
  if (!limited.ok) throw new AppError('RATE_LIMITED', { retryAfterS: limited.retryAfterS });

  const raw = await readBodyLimited(req, MAX_BODY);
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(raw), { headers: { 'content-type': ct } }).formData();
  } catch {
    throw new AppError('BAD_REQUEST');
  }
  const text: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === 'string' && k !== 'photo') text[k] = v;
  if (text.website) throw new AppError('VALIDATION', { details: [{ path: 'form', message: 'rejected' }] }); // honeypot
  const fields = parseWith(reportFormSchema, text);
  const tok = checkFormToken(secret, fields.token);
  if (tok !== 'ok') throw new AppError('VALIDATION', { details: [{ path: 'token', message: tok }] });

  let photo = null;
  const file = form.get('photo');
  if (file && typeof file !== 'string' && file.size > 0) {
    const p = preparePhoto(Buffer.from(await file.arrayBuffer()));
    if (!p.ok) throw new AppError('VALIDATION', { details: [{ path: 'photo', message: p.reason }] });
    photo = { mime: p.mime, data: p.data };
  }
  await insertReport(sql, fields, ipHash, photo);
  return publicJson({ ok: true }, 0);
});
