/** Rollout edits are audited and scoped; archived reports and deliveries respect scope. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../../platform/db.ts';
import { testSql, ensureSeeded } from '../helpers/db.ts';
import { updateSiteRollout } from '../../../server/rollout/transition.ts';
import { setTarget } from '../../../server/rollout/targets.ts';
import { createInspection, listInspections } from '../../../server/rollout/inspections.ts';
import { issueReport, listArchive, archiveFile } from '../../../server/reports/archive.ts';
import { createSchedule, runSchedule } from '../../../server/reports/schedules.ts';
import { principal } from './helpers.ts';

let sql: Sql;
beforeAll(async () => {
  sql = testSql();
  await ensureSeeded(sql);
});
afterAll(async () => sql.end());

describe('rollout edits', () => {
  it('moving back needs a reason, is recorded and audited; other counties are out of reach', async () => {
    const karuo = await principal(sql, 'karuo');
    const [s] = await sql<{ id: string; provider: string }[]>`
      SELECT id, service_provider AS provider FROM sites WHERE county_adcode = 540302 AND rollout_state = 'in_service' ORDER BY id LIMIT 1`;
    const edit = { state: 'installed' as const, dates: {}, powerOk: true, networkOk: true, serviceProvider: s.provider };
    await expect(updateSiteRollout(sql, karuo, s.id, edit, '127.0.0.1')).rejects.toMatchObject({ code: 'VALIDATION' });
    const r = await updateSiteRollout(sql, karuo, s.id, { ...edit, reason: '终端返厂检修' }, '127.0.0.1');
    expect(r.state).toBe('installed');
    const [ev] = await sql`SELECT from_state, to_state, backwards, reason FROM site_rollout_events WHERE site_id = ${s.id} ORDER BY id DESC LIMIT 1`;
    expect(ev).toMatchObject({ from_state: 'in_service', to_state: 'installed', backwards: true, reason: '终端返厂检修' });
    const [a] = await sql`SELECT action, username FROM audit_log WHERE target = ${s.id} ORDER BY id DESC LIMIT 1`;
    expect(a).toMatchObject({ action: 'rollout.transition', username: 'karuo' });
    const [site] = await sql`SELECT rollout_state, in_service_at FROM sites WHERE id = ${s.id}`;
    expect(site).toMatchObject({ rollout_state: 'installed', in_service_at: null });
    const [other] = await sql<{ id: string }[]>`SELECT id FROM sites WHERE county_adcode <> 540302 LIMIT 1`;
    await expect(updateSiteRollout(sql, karuo, other.id, { ...edit, reason: 'xxxx' }, null)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
  it('targets: a county edits only its own cells', async () => {
    const karuo = await principal(sql, 'karuo');
    await setTarget(sql, karuo, { county: 540302, category: 'school', target: 42, note: 'it' }, null);
    const [t] = await sql`SELECT target_units, derived FROM rollout_targets WHERE county_adcode = 540302 AND category = 'school'`;
    expect(t).toMatchObject({ target_units: 42, derived: false });
    await expect(setTarget(sql, karuo, { county: 540321, category: 'school', target: 1, note: '' }, null)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
  it('inspections: recorded by the fire brigade with a snapshot, read within scope', async () => {
    const fire = await principal(sql, 'fire');
    await expect(createInspection(sql, await principal(sql, 'karuo'), { inspectedOn: '2026-11-01', departmentId: 'education', county: 540302, findings: 'x', rectificationRequired: false }, null)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await createInspection(sql, fire, { inspectedOn: '2026-11-01', departmentId: 'education', county: 540302, findings: '抽查寄宿制学校 3 家', rectificationRequired: true }, null);
    await createInspection(sql, fire, { inspectedOn: '2026-11-02', departmentId: 'religion', county: 540321, findings: '抽查寺庙', rectificationRequired: false }, null);
    const eduRows = await listInspections(sql, await principal(sql, 'edu'));
    expect(eduRows.length).toBeGreaterThan(0);
    expect(eduRows.every((r) => r.departmentId === 'education')).toBe(true);
    expect(eduRows[0].snapshot.categories).toEqual(['school']);
    const kRows = await listInspections(sql, await principal(sql, 'karuo'));
    expect(kRows.every((r) => r.county === 540302)).toBe(true);
  });
});

describe('archive and scheduled delivery', () => {
  it('an issued county report is visible to the county and the city, not to a department', async () => {
    const karuo = await principal(sql, 'karuo');
    const issued = await issueReport(sql, karuo, { kind: 'monthly', year: 2026, month: 10 }, ['csv', 'xlsx']);
    expect(issued.reportNo).toMatch(/^CD-YB-\d{8}-\d{4}$/);
    expect((await listArchive(sql, karuo)).some((a) => a.id === issued.id)).toBe(true);
    expect((await listArchive(sql, await principal(sql, 'fire'))).some((a) => a.id === issued.id)).toBe(true);
    const edu = await principal(sql, 'edu');
    expect((await listArchive(sql, edu)).some((a) => a.id === issued.id)).toBe(false);
    await expect(archiveFile(sql, edu, issued.id, 'csv', null)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const f = await archiveFile(sql, karuo, issued.id, 'csv', null);
    expect(f.data.toString('utf8')).toContain('卡若区');
  });
  it('a schedule refuses recipients who may not see the region, and delivers to the others', async () => {
    const karuo = await principal(sql, 'karuo');
    const [{ id: eduId }] = await sql<{ id: number }[]>`SELECT id FROM users WHERE username = 'edu'`;
    const [{ id: fireId }] = await sql<{ id: number }[]>`SELECT id FROM users WHERE username = 'fire'`;
    const input = { kind: 'monthly' as const, county: null, category: null, formats: ['csv' as const], channels: ['portal' as const, 'email' as const], hourBj: 8 };
    await expect(createSchedule(sql, karuo, { ...input, recipientIds: [eduId] }, null)).rejects.toMatchObject({ code: 'VALIDATION' });
    const id = await createSchedule(sql, karuo, { ...input, recipientIds: [fireId] }, null);
    const archiveId = await runSchedule(sql, id, new Date('2026-12-01T00:30:00Z'));
    const d = await sql<{ user_id: number; channel: string; state: string }[]>`SELECT user_id, channel, state FROM report_deliveries WHERE archive_id = ${archiveId} ORDER BY user_id, channel`;
    // every row waits for the scheduler process's delivery loop (server/reports/delivery.ts)
    expect(d.map((x) => `${x.user_id}:${x.channel}:${x.state}`).sort()).toEqual(
      [`${karuo.userId}:email:pending`, `${karuo.userId}:portal:pending`, `${fireId}:email:pending`, `${fireId}:portal:pending`].sort(),
    );
    const [a] = await sql`SELECT params FROM report_archive WHERE id = ${archiveId}`;
    expect(a.params).toMatchObject({ kind: 'monthly', year: 2026, month: 11 });
    const [s] = await sql`SELECT next_run_at FROM report_schedules WHERE id = ${id}`;
    expect((s.next_run_at as Date).toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });
});
