/**
 * Moving a hazard through its states: lock the row, let the pure machine decide (role, state, four-eyes), write
 * the change, its history event, audit row and notification in one transaction.
 */
import type { Sql } from '../../../platform/db.ts';
import { can } from '../../../lib/domain/permissions.ts';
import type { Principal } from '../../../platform/scope.ts';
import { AppError } from '../../http/errors.ts';
import { invalid, notFound } from '../access.ts';
import { visibleSite } from '../../queries/visible-site.ts';
import { decide, type HazardCommand, type HazardState } from '../../../lib/domain/workflow/hazard-machine.ts';
import { notifyHazard, recordHazardEvent } from './events.ts';
import { storeAttachments, validateFiles, type UploadFile } from './attachments.ts';
import { assertAssignable } from './people.ts';

export interface TransitionInput {
  command: HazardCommand;
  /** submit: what was done; return: why; others: optional comment */
  text?: string;
  assigneeId?: number;
  deadline?: Date;
}

export async function transitionHazard(sql: Sql, p: Principal, id: number, input: TransitionInput, ip: string | null, files: UploadFile[] = []) {
  validateFiles(files);
  return sql.begin(async (t) => {
    const tx = t as unknown as Sql;
    const [h] = await tx<{ site_id: string; state: HazardState; assignee_id: number | null; rectified_by: number | null; severity: string; deadline: Date | null }[]>`
      SELECT site_id, state, assignee_id, rectified_by, severity, deadline FROM hazards WHERE id = ${id} FOR UPDATE`;
    // a hazard at a site out of scope looks missing
    if (!h || !(await visibleSite(tx, p, h.site_id))) throw notFound('隐患', 'Hazard');
    const d = decide(input.command, { state: h.state, assigneeId: h.assignee_id, rectifiedBy: h.rectified_by }, { userId: p.userId, role: p.role, can: (a) => can(p.role, a) });
    if (!d.ok) throw new AppError(d.code, { message: d.reason });
    const text = input.text?.trim() ?? '';
    const detail: Record<string, unknown> = {};
    if (text) detail.text = text;
    switch (input.command) {
      case 'assign': {
        if (input.assigneeId == null) throw invalid('请选择责任人', 'assigneeId');
        await assertAssignable(tx, h.site_id, input.assigneeId);
        const deadline = input.deadline ?? h.deadline;
        await tx`UPDATE hazards SET state = ${d.to}, assignee_id = ${input.assigneeId}, deadline = ${deadline}, updated_at = now() WHERE id = ${id}`;
        Object.assign(detail, { assigneeId: input.assigneeId, previousAssigneeId: h.assignee_id, deadline });
        break;
      }
      case 'start':
        await tx`UPDATE hazards SET state = ${d.to}, updated_at = now() WHERE id = ${id}`;
        break;
      case 'submit':
        if (text.length < 2) throw invalid('请填写整改说明', 'text');
        await tx`UPDATE hazards SET state = ${d.to}, rectification = ${text}, rectified_by = ${p.userId}, submitted_at = now(),
                   return_reason = NULL, updated_at = now() WHERE id = ${id}`;
        break;
      case 'verify':
        await tx`UPDATE hazards SET state = ${d.to}, verified_by = ${p.userId}, verified_at = now(), updated_at = now() WHERE id = ${id}`;
        break;
      case 'return':
        if (text.length < 2) throw invalid('请填写退回原因', 'text');
        await tx`UPDATE hazards SET state = ${d.to}, return_reason = ${text}, updated_at = now() WHERE id = ${id}`;
        break;
      case 'close':
        await tx`UPDATE hazards SET state = ${d.to}, closed_at = now(), updated_at = now() WHERE id = ${id}`;
        break;
    }
    if (files.length) detail.files = files.length;
    const ev = await recordHazardEvent(tx, p, ip, { hazardId: id, action: input.command, from: h.state, to: d.to, detail });
    if (files.length) await storeAttachments(tx, id, ev, input.command === 'submit' ? 'rectification' : 'report', p.userId, files);
    const change = ({ assign: 'assigned', submit: 'submitted', return: 'returned', close: 'closed' } as const)[input.command as 'assign'];
    if (change) await notifyHazard(tx, id, change, h.site_id, h.severity);
    return { id, state: d.to };
  });
}
