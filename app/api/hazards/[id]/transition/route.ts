/** POST /api/hazards/:id/transition — assign | start | submit | verify | return | close (JSON, or multipart with files). */
import { z } from 'zod';
import { parseWith, readJsonBody, route } from '../../../../../server/http/route.ts';
import { services } from '../../../../../server/services.ts';
import { transitionHazard } from '../../../../../server/workflow/hazards/transition.ts';
import { filesFromForm } from '../../../../../server/workflow/hazards/attachments.ts';
import { formFields, idParam, isMultipart, readForm } from '../../../../../server/workflow/http.ts';

const empty = (v: unknown) => (v === '' || v == null ? undefined : v);
const schema = z.object({
  command: z.enum(['assign', 'start', 'submit', 'verify', 'return', 'close']),
  text: z.string().trim().max(4000).optional(),
  assigneeId: z.preprocess(empty, z.coerce.number().int().positive().optional()),
  deadline: z.preprocess(empty, z.coerce.date().optional()),
});

export const POST = route({ permission: 'hazard.view' }, async ({ req, principal, params, ip }) => {
  const { sql } = services();
  const id = idParam(params);
  if (isMultipart(req)) {
    const form = await readForm(req);
    return transitionHazard(sql, principal, id, parseWith(schema, formFields(form)), ip, await filesFromForm(form));
  }
  return transitionHazard(sql, principal, id, parseWith(schema, await readJsonBody(req, 64 * 1024)), ip);
});
