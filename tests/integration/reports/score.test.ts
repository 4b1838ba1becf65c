/** The score formula on crafted data: alarms, hazards and devices of one site in an isolated future window. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../../platform/db.ts';
import { testSql, ensureSeeded } from '../helpers/db.ts';
import { scoreSites, siteStats } from '../../../server/supervision/stats.ts';

let sql: Sql;
let site: { id: string; devices: string[] };
const start = new Date('2035-03-01T00:00:00+08:00');
const end = new Date('2035-03-31T00:00:00+08:00'); // 30 days
const at = (d: number, h = 0) => new Date(start.getTime() + d * 86_400_000 + h * 3_600_000);

beforeAll(async () => {
  sql = testSql();
  await ensureSeeded(sql);
  [site] = await sql<{ id: string; devices: string[] }[]>`
    SELECT s.id, array_agg(d.id ORDER BY d.id) AS devices FROM sites s JOIN devices d ON d.site_id = s.id
    GROUP BY s.id HAVING count(*) >= 2 ORDER BY s.id LIMIT 1`;
  const dev = site.devices[0];
  // 2 warnings, 1 alarm, 1 critical that was a false alarm (excluded); acks after 1 h, 3 h, 5 h → mean 3 h
  const rows = [
    { sev: 'warning', t: at(1), ack: at(1, 1), f: false, type: 'overload' },
    { sev: 'warning', t: at(2), ack: at(2, 3), f: false, type: 'overtemperature' },
    { sev: 'alarm', t: at(3), ack: at(3, 5), f: false, type: 'residual_current' },
    { sev: 'critical', t: at(4), ack: at(4, 1), f: true, type: 'arc_fault' },
  ];
  for (const r of rows)
    await sql`INSERT INTO alarms (site_id, device_id, ch, type, severity, opened_at, cleared_at, acknowledged_at, false_alarm, reason_zh)
              VALUES (${site.id}, ${dev}, 1, ${r.type}, ${r.sev}, ${r.t}, ${at(5)}, ${r.ack}, ${r.f}, 'it-score')`;
  // hazards: one open alarm-level past its deadline; one rectified late; one rectified in time (both due in the window)
  await sql`INSERT INTO hazards (site_id, source, title, severity, state, deadline, created_at) VALUES (${site.id}, 'inspection', 'it-score open', 'alarm', 'rectifying', ${at(10)}, ${at(5)})`;
  await sql`INSERT INTO hazards (site_id, source, title, severity, state, deadline, created_at, submitted_at, verified_at, closed_at)
            VALUES (${site.id}, 'inspection', 'it-score late', 'warning', 'closed', ${at(12)}, ${at(6)}, ${at(14)}, ${at(15)}, ${at(15)})`;
  await sql`INSERT INTO hazards (site_id, source, title, severity, state, deadline, created_at, submitted_at, verified_at, closed_at)
            VALUES (${site.id}, 'inspection', 'it-score ok', 'warning', 'closed', ${at(12)}, ${at(6)}, ${at(8)}, ${at(9)}, ${at(9)})`;
  await sql`UPDATE devices SET online = (id = ${dev}) WHERE site_id = ${site.id}`;
});

afterAll(async () => {
  await sql`DELETE FROM hazards WHERE title LIKE 'it-score%'`;
  await sql`DELETE FROM alarms WHERE reason_zh = 'it-score'`;
  await sql.end();
});

describe('safety score on crafted data', () => {
  it('gathers the inputs and applies SCORE.md', async () => {
    const rows = await siteStats(sql, { scope: { kind: 'sites', siteIds: [site.id] } }, start, end, end);
    expect(rows).toHaveLength(1);
    const s = rows[0];
    expect([s.alarms, s.alarmsWarning, s.alarmsAlarm, s.alarmsCritical, s.falseAlarms]).toEqual([4, 2, 1, 0, 1]);
    expect(s.ackN).toBe(3);
    expect(s.ackHoursSum).toBeCloseTo(9, 5);
    expect([s.openAlarm, s.overdueOpen, s.dueHazards, s.lateHazards, s.hazardsNew, s.hazardsNewRectified]).toEqual([1, 1, 3, 2, 3, 2]);
    const [scored] = scoreSites(rows, start, end, end);
    const t = Object.fromEntries(scored.score!.terms.map((x) => [x.key, x.penalty]));
    const devices = site.devices.length;
    expect(t.hazards).toBe(11); // 6 (alarm) + 5 (overdue)
    expect(t.alarms).toBe(2.5); // 0.5 × (2 + 3)
    expect(t.response).toBe(1.6); // 15 × 2.5 / 23.5
    expect(t.rectification).toBe(10); // 15 × 2/3 (the open one and the late one)
    expect(t.devices).toBeCloseTo(Math.round(15 * (1 - 1 / devices) * 10) / 10, 5);
    expect(scored.score!.score).toBe(Math.round(100 - 11 - 2.5 - 15 * 2.5 / 23.5 - 10 - 15 * (1 - 1 / devices)));
  });
  it('a site without detectors has no score', async () => {
    const [bare] = await sql<{ id: string }[]>`SELECT s.id FROM sites s WHERE NOT EXISTS (SELECT 1 FROM devices d WHERE d.site_id = s.id) LIMIT 1`;
    const rows = scoreSites(await siteStats(sql, { scope: { kind: 'sites', siteIds: [bare.id] } }, start, end, end), start, end, end);
    expect(rows[0].score).toBeNull();
  });
});
