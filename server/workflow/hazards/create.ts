/**
 * Creating a hazard work order: from an alarm (site, circuit and severity come from it; one order per alarm)
 * or by hand (inspection finding, photo report). The deadline follows the severity; with a responsible person
 * the order starts 'assigned' and that person is notified.
 */
import type { Sql } from '../../../platform/db.ts';
import type { Principal } from '../../../platform/scope.ts';
import type { Severity } from '../../../lib/protocol/v1.ts';
import { conflict, invalid, notFound, requireAction } from '../access.ts';
import { requireVisibleSite, visibleSite } from '../../queries/visible-site.ts';
import { deadlineFor } from '../../../lib/domain/workflow/deadlines.ts';
import { alarmTypeLabel } from '../../../lib/domain/vocabulary/index.ts';
import { notifyHazard, recordHazardEvent } from './events.ts';
import { storeAttachments, validateFiles, type UploadFile } from './attachments.ts';
import { assertAssignable, assignableUsers } from './people.ts';

export interface CreateHazardInput {
  alarmId?: number;
  siteId?: string;
  source: 'alarm' | 'inspection' | 'report';
  title?: string;
  description?: string;
  location?: string;
  severity?: Severity;
  assigneeId?: number | null;
}

export async function createHazard(sql: Sql, p: Principal, input: CreateHazardInput, ip: string | null, files: UploadFile[] = []) {
  requireAction(p, 'hazard.create');
  validateFiles(files);
  return sql.begin(async (t) => {
    const tx = t as unknown as Sql;
    let siteId = input.siteId;
    let severity = input.severity;
    let title = input.title?.trim();
    let circuitId: number | null = null;
    if (input.alarmId) {
      const [a] = await tx<{ site_id: string; severity: Severity; type: string; circuit_id: number | null; reason_zh: string }[]>`
        SELECT site_id, severity, type, circuit_id, reason_zh FROM alarms WHERE id = ${input.alarmId} FOR UPDATE`;
      // an alarm at a site out of scope looks missing, like the site itself
      if (!a || !(await visibleSite(tx, p, a.site_id))) throw notFound('报警', 'Alarm');
      const [dup] = await tx<{ id: number }[]>`SELECT id FROM hazards WHERE alarm_id = ${input.alarmId} LIMIT 1`;
      if (dup) throw conflict(`该报警已生成隐患 #${dup.id}`, `Hazard #${dup.id} exists`);
      siteId = a.site_id;
      severity ??= a.severity;
      circuitId = a.circuit_id;
      title ||= `${alarmTypeLabel(a.type)}：${a.reason_zh}`.slice(0, 120);
    }
    if (!siteId) throw invalid('请选择场所', 'siteId');
    if (!severity) throw invalid('请选择隐患等级', 'severity');
    if (!title) throw invalid('请填写隐患标题', 'title');
    const site = await requireVisibleSite(tx, p, siteId);
    // responsible person: as given, else the creator when they work at the site, else the site's manager
    let assigneeId = input.assigneeId;
    if (assigneeId === undefined) {
      const people = await assignableUsers(tx, site.id);
      assigneeId = (people.find((u) => u.id === p.userId) ?? people.find((u) => u.role === 'site_manager'))?.id ?? null;
    } else if (assigneeId !== null) await assertAssignable(tx, site.id, assigneeId);
    const now = new Date();
    const state = assigneeId != null ? 'assigned' : 'reported';
    const [h] = await tx<{ id: number }[]>`
      INSERT INTO hazards (site_id, alarm_id, circuit_id, source, title, description, location, severity, state, assignee_id, deadline, created_by)
      VALUES (${site.id}, ${input.alarmId ?? null}, ${circuitId}, ${input.alarmId ? 'alarm' : input.source}, ${title}, ${input.description ?? ''},
              ${input.location ?? ''}, ${severity}, ${state}, ${assigneeId}, ${deadlineFor(severity, now)}, ${p.userId})
      RETURNING id`;
    const ev = await recordHazardEvent(tx, p, ip, {
      hazardId: h.id,
      action: 'create',
      from: null,
      to: state,
      detail: { source: input.alarmId ? 'alarm' : input.source, alarmId: input.alarmId ?? null, severity, title, assigneeId, files: files.length },
    });
    if (files.length) await storeAttachments(tx, h.id, ev, 'report', p.userId, files);
    if (input.alarmId) {
      await tx`INSERT INTO alarm_notes (alarm_id, user_id, username, kind, body) VALUES (${input.alarmId}, ${p.userId}, ${p.displayName}, 'hazard', ${`已生成隐患整改单 #${h.id}`})`;
    }
    if (state === 'assigned') await notifyHazard(tx, h.id, 'assigned', site.id, severity);
    return { id: h.id, state };
  });
}
