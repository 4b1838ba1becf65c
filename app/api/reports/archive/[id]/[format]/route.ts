/** GET /api/reports/archive/:id/:format — an archived report file (scope-checked, audited). */
import { route } from '../../../../../../server/http/route.ts';
import { services } from '../../../../../../server/services.ts';
import { AppError } from '../../../../../../server/http/errors.ts';
import { archiveFile } from '../../../../../../server/reports/archive.ts';
import { fileResponse } from '../../../../../../server/export/index.ts';

export const GET = route({ permission: 'report.view' }, async ({ principal, params, ip }) => {
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0 || !['pdf', 'xlsx', 'csv'].includes(params.format ?? '')) throw new AppError('NOT_FOUND');
  const f = await archiveFile(services().sql, principal, id, params.format!, ip);
  return fileResponse(new Uint8Array(f.data), f.mime, f.filename);
});
