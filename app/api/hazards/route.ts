/** GET /api/hazards — list; POST — create from an alarm or by hand (JSON, or multipart with photos). */
import { z } from 'zod';
import { parseWith, route } from '../../../server/http/route.ts';
import { readJsonBody } from '../../../server/http/route.ts';
import { services } from '../../../server/services.ts';
import { SEVERITIES } from '../../../lib/protocol/v1.ts';
import { createHazard } from '../../../server/workflow/hazards/create.ts';
import { filesFromForm } from '../../../server/workflow/hazards/attachments.ts';
import { hazardFilterSchema, listHazards } from '../../../server/workflow/hazards/read.ts';
import { formFields, isMultipart, readForm } from '../../../server/workflow/http.ts';

const empty = (v: unknown) => (v === '' || v == null ? undefined : v);
const createSchema = z.object({
  alarmId: z.preprocess(empty, z.coerce.number().int().positive().optional()),
  siteId: z.preprocess(empty, z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '请选择场所').optional()),
  source: z.enum(['alarm', 'inspection', 'report']).default('inspection'),
  title: z.preprocess(empty, z.string().trim().min(2, '标题至少 2 个字').max(120, '标题不超过 120 字').optional()),
  description: z.string().trim().max(4000).optional(),
  location: z.string().trim().max(200).optional(),
  severity: z.preprocess(empty, z.enum(SEVERITIES).optional()),
  assigneeId: z.preprocess((v) => (v === '' ? undefined : v === 'none' ? null : v), z.coerce.number().int().positive().nullable().optional()),
});

export const GET = route({ permission: 'hazard.view', query: hazardFilterSchema }, async ({ principal, query }) => listHazards(services().sql, principal, query));

export const POST = route({ permission: 'hazard.create' }, async ({ req, principal, ip }) => {
  const { sql } = services();
  if (isMultipart(req)) {
    const form = await readForm(req);
    const input = parseWith(createSchema, formFields(form));
    return createHazard(sql, principal, input, ip, await filesFromForm(form));
  }
  const input = parseWith(createSchema, await readJsonBody(req, 64 * 1024));
  return createHazard(sql, principal, input, ip);
});
