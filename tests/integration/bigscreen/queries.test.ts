/** The big screen's queries against a seeded PostGIS: every figure follows the principal's scope and the county filter. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sql } from '../../../platform/db.ts';
import { loadPrincipalForUser } from '../../../platform/principal.ts';
import type { Principal } from '../../../platform/scope.ts';
import { narrowScope } from '../../../server/bigscreen/narrow-scope.ts';
import { bigscreenSummary } from '../../../server/bigscreen/summary.ts';
import { alarmTrend } from '../../../server/bigscreen/trends.ts';
import { playbackData } from '../../../server/bigscreen/playback.ts';
import { siteActivity } from '../../../server/bigscreen/site-activity.ts';
import { statesAt } from '../../../lib/domain/bigscreen/replay.ts';
import { ensureSeeded, testSql } from '../helpers/db.ts';

const KARUO = 540302;
const JIANGDA = 540321;
let sql: Sql;
const principals: Record<string, Principal> = {};
async function as(username: string): Promise<Principal> {
  if (principals[username]) return principals[username];
  const [u] = await sql<{ id: number }[]>`SELECT id FROM users WHERE username = ${username}`;
  return (principals[username] = (await loadPrincipalForUser(sql, u.id))!);
}
const MARK = 'bigscreen-it';
const now = Date.now();
const ago = (h: number) => new Date(now - h * 3600_000);
let karuoSchool: { id: string; device: string };
let karuoTemple: { id: string; device: string };
let jiangdaSite: { id: string; device: string };

async function siteOf(where: Sql extends never ? never : ReturnType<Sql>) {
  const [r] = await sql<{ id: string; device: string }[]>`
    SELECT s.id, d.id AS device FROM sites s JOIN devices d ON d.site_id = s.id WHERE ${where} ORDER BY s.id LIMIT 1`;
  return r;
}
async function alarm(site: { id: string; device: string }, ch: number, type: string, severity: string, opened: Date, cleared: Date | null) {
  await sql`INSERT INTO alarms (site_id, device_id, ch, type, severity, opened_at, cleared_at, reason_zh)
            VALUES (${site.id}, ${site.device}, ${ch}, ${type}, ${severity}, ${opened}, ${cleared}, ${MARK})`;
}

beforeAll(async () => {
  sql = testSql();
  await ensureSeeded(sql);
  karuoSchool = await siteOf(sql`s.county_adcode = ${KARUO} AND s.category = 'school'`);
  karuoTemple = await siteOf(sql`s.county_adcode = ${KARUO} AND s.category = 'temple'`);
  jiangdaSite = await siteOf(sql`s.county_adcode = ${JIANGDA}`);
  await alarm(karuoSchool, 11, 'overload', 'critical', ago(2), null);
  await alarm(karuoTemple, 11, 'arc_fault', 'alarm', ago(30), ago(29));
  await alarm(karuoTemple, 12, 'device_offline', 'alarm', ago(1), null);
  await alarm(jiangdaSite, 11, 'residual_current', 'warning', ago(3), null);
  await alarm(jiangdaSite, 12, 'overtemperature', 'alarm', ago(100), ago(90));
  // a hazard alarm of severity 'alarm' inside the 24 h trend window, so that series is not empty
  await alarm(karuoTemple, 13, 'overtemperature', 'alarm', ago(5), ago(4));
  // one rectified and one open hazard, so the rectification rate is neither the empty default nor trivial
  await sql`INSERT INTO hazards (site_id, source, title, severity, state, closed_at)
            VALUES (${karuoSchool.id}, 'inspection', ${MARK}, 'alarm', 'closed', ${ago(1)}),
                   (${jiangdaSite.id}, 'inspection', ${MARK}, 'warning', 'rectifying', NULL)`;
});
afterAll(async () => {
  await sql`DELETE FROM hazards WHERE title = ${MARK}`;
  await sql`DELETE FROM alarms WHERE reason_zh = ${MARK}`;
  await sql?.end();
});

describe('county filter as a scope', () => {
  it('narrows the leader to the county and a sector regulator to its sector within the county', async () => {
    expect(await narrowScope(sql, (await as('leader')).scope, KARUO)).toEqual({ kind: 'county', adcode: KARUO });
    const edu = await narrowScope(sql, (await as('edu')).scope, KARUO);
    const expected = await sql<{ id: string }[]>`SELECT id FROM sites WHERE county_adcode = ${KARUO} AND category = 'school' ORDER BY id`;
    expect(edu.kind === 'sites' && [...edu.siteIds].sort()).toEqual(expected.map((r) => r.id));
  });
  it('a county officer filtering another county sees nothing', async () => {
    expect(await narrowScope(sql, (await as('karuo')).scope, JIANGDA)).toEqual({ kind: 'sites', siteIds: [] });
  });
});

/** Newest first, at most 30; our 2-hour-old school alarm is there unless 30 newer ones crowd it out (the other
 * suites run alongside and open alarms of their own). */
function expectOursOrCrowdedOut(ticker: { siteId: string; type: string; openedAt: number }[]) {
  const opened = ticker.map((x) => x.openedAt);
  expect(opened).toEqual([...opened].sort((a, b) => b - a));
  expect(ticker.length).toBeGreaterThan(0);
  expect(ticker.length).toBeLessThanOrEqual(30);
  const ours = ticker.some((x) => x.siteId === karuoSchool.id && x.type === 'overload');
  if (!ours) expect({ crowdedOut: ticker.length === 30 && opened[29] >= ago(2).getTime() }).toEqual({ crowdedOut: true });
}

describe('summary', () => {
  it('the leader sees the whole city; faults are counted apart from hazards', async () => {
    const s = await bigscreenSummary(sql, await as('leader'));
    const [db] = await sql<{ n: number; hz: number; f: number }[]>`
      SELECT count(*)::int AS n,
             (SELECT count(*)::int FROM alarms WHERE cleared_at IS NULL AND NOT false_alarm AND type NOT IN ('sensor_fault','device_offline')) AS hz,
             (SELECT count(*)::int FROM alarms WHERE cleared_at IS NULL AND NOT false_alarm AND type IN ('sensor_fault','device_offline')) AS f
      FROM sites`;
    expect(s.kpis.sites).toBe(db.n);
    // the online rate's base is the sites with devices; a site not fitted yet is neither online nor offline
    const [c] = await sql<{ connected: number; online: number }[]>`
      SELECT count(*)::int AS connected, count(*) FILTER (WHERE status <> 'offline')::int AS online
      FROM sites s WHERE EXISTS (SELECT 1 FROM devices d WHERE d.site_id = s.id)`;
    expect(s.kpis.sitesConnected).toBe(c.connected);
    expect(s.kpis.sitesOnline).toBe(c.online);
    expect(s.kpis.sitesConnected).toBeLessThan(s.kpis.sites);
    expect(s.kpis.activeAlarms).toBe(db.hz);
    expect(s.kpis.activeFaults).toBe(db.f);
    expect(s.counties.length).toBe(11);
    expectOursOrCrowdedOut(s.ticker);
    const [hz] = await sql<{ total: number; done: number }[]>`
      SELECT count(*)::int AS total, count(*) FILTER (WHERE state IN ('verified', 'closed'))::int AS done FROM hazards`;
    expect(hz.total).toBeGreaterThanOrEqual(2);
    expect(s.hazards.total).toBe(hz.total);
    expect(s.hazards.rectificationRate).toBe(hz.done / hz.total);
    expect(s.coverage.total.target).toBeGreaterThan(0);
  });
  it('a county officer sees only its county in every part', async () => {
    const s = await bigscreenSummary(sql, await as('karuo'));
    const [db] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM sites WHERE county_adcode = ${KARUO}`;
    expect(s.kpis.sites).toBe(db.n);
    expect(s.counties.map((c) => c.adcode)).toEqual([KARUO]);
    expect(s.ticker.every((x) => x.county === KARUO)).toBe(true);
    expect(s.ticker.some((x) => x.siteId === jiangdaSite.id)).toBe(false);
    expect(Object.keys(s.coverage.byCounty).map(Number)).toEqual([KARUO]);
  });
  it('a sector regulator sees only its sector', async () => {
    const s = await bigscreenSummary(sql, await as('edu'));
    expect(s.sectors.map((x) => x.category)).toEqual(['school']);
    expect(s.ticker.every((x) => x.category === 'school')).toBe(true);
    expectOursOrCrowdedOut(s.ticker);
  });
  it('the county filter narrows KPIs, sectors and ticker but keeps the county comparison', async () => {
    const s = await bigscreenSummary(sql, await as('leader'), JIANGDA);
    const [db] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM sites WHERE county_adcode = ${JIANGDA}`;
    expect(s.county).toBe(JIANGDA);
    expect(s.kpis.sites).toBe(db.n);
    expect(s.ticker.every((x) => x.county === JIANGDA)).toBe(true);
    expect(s.counties.length).toBe(11);
  });
});

describe('trends, activity, playback', () => {
  it('24 h trend counts hazard alarms opened in the window by severity', async () => {
    const tr = await alarmTrend(sql, { kind: 'county', adcode: KARUO }, '24h', now);
    expect(tr.t.length).toBe(24);
    const total = tr.series.critical.reduce((a, b) => a + b, 0);
    const [db] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM alarms a JOIN sites s ON s.id = a.site_id
      WHERE s.county_adcode = ${KARUO} AND a.severity = 'critical' AND a.opened_at >= ${new Date(tr.t[0])} AND NOT a.false_alarm`;
    expect(total).toBe(db.n);
    // severity 'alarm': equipment faults (the temple's device_offline) are left out, ours at 5 h ago is in
    const [al] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM alarms a JOIN sites s ON s.id = a.site_id
      WHERE s.county_adcode = ${KARUO} AND a.severity = 'alarm' AND a.type NOT IN ('sensor_fault', 'device_offline')
        AND a.opened_at >= ${new Date(tr.t[0])} AND a.opened_at < ${new Date(tr.t[0] + 24 * tr.stepMs)} AND NOT a.false_alarm`;
    expect(al.n).toBeGreaterThanOrEqual(1);
    expect(tr.series.alarm.reduce((a, b) => a + b, 0)).toBe(al.n);
  });
  it('site activity leaves out equipment faults and other scopes', async () => {
    const act = await siteActivity(sql, (await as('karuo')).scope, 7);
    expect(act.find((a) => a.id === karuoSchool.id)).toMatchObject({ active: 1 });
    expect(act.some((a) => a.id === jiangdaSite.id)).toBe(false);
  });
  it('playback rebuilds past states from stored alarms, in scope', async () => {
    const pb = await playbackData(sql, (await as('leader')).scope, 168, now);
    expect(pb.intervals.some((x) => x.siteId === jiangdaSite.id && x.type === 'overtemperature')).toBe(true);
    expect(statesAt(pb.intervals, now - 95 * 3600_000).get(jiangdaSite.id)).toBe('alarm');
    expect(statesAt(pb.intervals, now - 29.5 * 3600_000).get(karuoTemple.id)).toBe('alarm');
    const day = await playbackData(sql, (await as('leader')).scope, 24, now);
    expect(day.intervals.some((x) => x.type === 'overtemperature' && x.siteId === jiangdaSite.id)).toBe(false);
    const karuo = await playbackData(sql, (await as('karuo')).scope, 168, now);
    expect(karuo.intervals.every((x) => x.siteId.startsWith('KR'))).toBe(true);
  });
});
