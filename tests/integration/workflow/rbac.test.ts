/**
 * RBAC as a matrix against the real services (what the API handlers call): each principal × action on a temple
 * site in Karuo. Out-of-scope targets look missing (NOT_FOUND); in-scope but not permitted is FORBIDDEN.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSeeded, testSql } from '../helpers/db.ts';
import type { Sql } from '../../../platform/db.ts';
import type { Principal } from '../../../platform/scope.ts';
import { loadPrincipalForUser } from '../../../platform/principal.ts';
import { acknowledgeAlarm, addAlarmNote, markFalseAlarm } from '../../../server/workflow/alarms/actions.ts';
import { listAlarms } from '../../../server/workflow/alarms/list.ts';
import { createHazard } from '../../../server/workflow/hazards/create.ts';
import { transitionHazard } from '../../../server/workflow/hazards/transition.ts';
import { getHazard } from '../../../server/workflow/hazards/read.ts';
import { countHazards } from '../../../server/workflow/hazards/count.ts';
import { openAlarm, userId } from './harness.ts';

let sql: Sql;
let site: string;
const P: Record<string, Principal> = {};
const USERS = ['qbl', 'tech', 'karuo', 'jiangda', 'minzong', 'edu', 'leader', 'fire', 'admin'];
const outcome = (p: Promise<unknown>) => p.then(() => 'ok', (e) => (e?.code as string) ?? String(e));

beforeAll(async () => {
  sql = testSql();
  await ensureSeeded(sql);
  [{ site_id: site }] = await sql<{ site_id: string }[]>`SELECT us.site_id FROM user_sites us JOIN users u ON u.id = us.user_id WHERE u.username = 'qbl'`;
  for (const u of USERS) P[u] = (await loadPrincipalForUser(sql, await userId(sql, u)))!;
});
afterAll(() => sql.end());

describe('workflow RBAC matrix', () => {
  it('acknowledge / note / false alarm', async () => {
    const ack: Record<string, string> = {};
    const note: Record<string, string> = {};
    const fals: Record<string, string> = {};
    let ch = 11;
    for (const u of USERS) {
      const a = await openAlarm(sql, { siteId: site, ch: ch++, type: 'phase_imbalance', severity: 'warning' });
      ack[u] = await outcome(acknowledgeAlarm(sql, P[u], a.id, '10.0.0.1'));
      note[u] = await outcome(addAlarmNote(sql, P[u], a.id, '10.0.0.1', '测试'));
      fals[u] = await outcome(markFalseAlarm(sql, P[u], a.id, '10.0.0.1', '检修误动'));
    }
    const expected = { qbl: 'ok', tech: 'ok', karuo: 'ok', jiangda: 'NOT_FOUND', minzong: 'ok', edu: 'NOT_FOUND', leader: 'FORBIDDEN', fire: 'ok', admin: 'ok' };
    expect(ack).toEqual(expected);
    expect(note).toEqual(expected);
    expect(fals).toEqual(expected);
    const [au] = await sql`SELECT count(*)::int AS n FROM audit_log WHERE action IN ('alarm.ack', 'alarm.false') AND ip = '10.0.0.1'`;
    expect(au.n).toBeGreaterThanOrEqual(12);
  });

  it('alarm lists and hazard counts follow scope', async () => {
    for (const [u, sees] of [['qbl', true], ['minzong', true], ['karuo', true], ['edu', false], ['jiangda', false]] as const) {
      const { rows } = await listAlarms(sql, P[u], { site });
      expect(rows.length > 0, u).toBe(sees);
    }
    const all = await countHazards(sql, P.admin.scope);
    const edu = await countHazards(sql, P.edu.scope);
    expect(edu.total).toBeLessThanOrEqual(all.total);
  });

  it('hazard lifecycle: who may create, rectify, verify and close; the rectifier never verifies', async () => {
    const create: Record<string, string> = {};
    for (const u of USERS) create[u] = await outcome(createHazard(sql, P[u], { siteId: site, source: 'inspection', title: `检查发现 ${u}`, severity: 'alarm' }, '10.0.0.2'));
    expect(create).toEqual({ qbl: 'ok', tech: 'ok', karuo: 'ok', jiangda: 'NOT_FOUND', minzong: 'ok', edu: 'NOT_FOUND', leader: 'FORBIDDEN', fire: 'ok', admin: 'ok' });

    const a = await openAlarm(sql, { siteId: site, ch: 15, type: 'overtemperature', severity: 'critical' });
    const h = await createHazard(sql, P.qbl, { alarmId: a.id, source: 'alarm' }, '10.0.0.3');
    expect(h.state).toBe('assigned'); // the manager who reports is the responsible person by default
    expect(await outcome(createHazard(sql, P.qbl, { alarmId: a.id, source: 'alarm' }, null))).toBe('CONFLICT');
    const d0 = await getHazard(sql, P.qbl, h.id);
    expect(d0.hazard.severity).toBe('critical');
    expect(d0.hazard.deadline!.getTime() - d0.hazard.createdAt.getTime()).toBeCloseTo(24 * 3600_000, -4);

    expect(await outcome(transitionHazard(sql, P.tech, h.id, { command: 'submit', text: '不是我负责' }, null))).toBe('FORBIDDEN');
    expect(await outcome(transitionHazard(sql, P.qbl, h.id, { command: 'submit', text: '' }, null))).toBe('VALIDATION');
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(64).fill(1)]);
    expect(await outcome(transitionHazard(sql, P.qbl, h.id, { command: 'submit', text: '已更换端子' }, null, [{ name: 'x.jpg', bytes: new TextEncoder().encode('<html>') }]))).toBe('VALIDATION');
    expect(await outcome(transitionHazard(sql, P.qbl, h.id, { command: 'submit', text: '已更换端子' }, '10.0.0.4', [{ name: '整改后.jpg', bytes: jpeg }]))).toBe('ok');

    expect(await outcome(transitionHazard(sql, P.qbl, h.id, { command: 'verify' }, null))).toBe('FORBIDDEN'); // no hazard.verify
    expect(await outcome(transitionHazard(sql, P.edu, h.id, { command: 'verify' }, null))).toBe('NOT_FOUND');
    expect(await outcome(transitionHazard(sql, P.leader, h.id, { command: 'verify' }, null))).toBe('FORBIDDEN');
    expect(await outcome(transitionHazard(sql, P.minzong, h.id, { command: 'return', text: '照片不清晰' }, null))).toBe('ok');
    expect(await outcome(transitionHazard(sql, P.qbl, h.id, { command: 'submit', text: '已重新拍照' }, null))).toBe('ok');
    expect(await outcome(transitionHazard(sql, P.minzong, h.id, { command: 'verify' }, '10.0.0.5'))).toBe('ok');
    expect(await outcome(transitionHazard(sql, P.minzong, h.id, { command: 'close' }, '10.0.0.5'))).toBe('ok');

    const d = await getHazard(sql, P.minzong, h.id);
    expect(d.hazard.state).toBe('closed');
    expect(d.events.map((e) => e.action)).toEqual(['create', 'submit', 'return', 'submit', 'verify', 'close']);
    expect(d.events[1]).toMatchObject({ ip: '10.0.0.4', fromState: 'assigned', toState: 'submitted' });
    expect(d.attachments).toHaveLength(1);
    expect(d.attachments[0]).toMatchObject({ mime: 'image/jpeg', stage: 'rectification' });

    // four-eyes: a technician may verify, but never their own rectification; an unassigned order must be assigned first
    const h2 = await createHazard(sql, P.karuo, { siteId: site, source: 'inspection', title: '技术员整改', severity: 'warning', assigneeId: null }, null);
    expect(h2.state).toBe('reported');
    expect(await outcome(transitionHazard(sql, P.tech, h2.id, { command: 'submit', text: '自行整改' }, null))).toBe('CONFLICT');
    expect(await outcome(transitionHazard(sql, P.karuo, h2.id, { command: 'assign', assigneeId: P.edu.userId }, null))).toBe('VALIDATION');
    await transitionHazard(sql, P.karuo, h2.id, { command: 'assign', assigneeId: P.tech.userId }, null);
    await transitionHazard(sql, P.tech, h2.id, { command: 'submit', text: '自行整改' }, null);
    expect(await outcome(transitionHazard(sql, P.tech, h2.id, { command: 'verify' }, null))).toBe('FORBIDDEN');
    expect(await outcome(transitionHazard(sql, P.karuo, h2.id, { command: 'verify' }, null))).toBe('ok');
  });
});
