/** Scope rules hold for coverage, supervision and report data and files (server/auth/scope.ts). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Sql } from '../../../platform/db.ts';
import { testSql, ensureSeeded } from '../helpers/db.ts';
import { coverageMatrix } from '../../../server/rollout/coverage.ts';
import { listRolloutSites } from '../../../server/rollout/sites.ts';
import { supervisionDashboard } from '../../../server/supervision/dashboard.ts';
import { buildReport } from '../../../server/reports/data.ts';
import { reportCsv, reportXlsx } from '../../../server/reports/files.ts';
import { reportHtml } from '../../../server/reports/html.ts';
import { principal } from './helpers.ts';
import { CATEGORIES } from '../../../lib/domain/vocabulary/index.ts';

let sql: Sql;
beforeAll(async () => {
  sql = testSql();
  await ensureSeeded(sql);
});
afterAll(async () => sql.end());

describe('coverage matrix', () => {
  it('counts match the registry for the whole city', async () => {
    const m = await coverageMatrix(sql, await principal(sql, 'anweiban'), { asOf: '2030-01-01' });
    const [r] = await sql<{ n: number; ins: number }[]>`SELECT count(*)::int AS n, count(*) FILTER (WHERE rollout_state = 'in_service')::int AS ins FROM sites`;
    expect(m.total.total).toBe(r.n);
    expect(m.total.inService).toBe(r.ins);
    expect(m.expected).toBe(1);
  });
  it('a county office sees only its county; a department only its sectors', async () => {
    const k = await coverageMatrix(sql, await principal(sql, 'karuo'), {});
    expect(new Set(k.cells.map((c) => c.county))).toEqual(new Set([540302]));
    const e = await coverageMatrix(sql, await principal(sql, 'edu'), {});
    expect(new Set(e.cells.map((c) => c.category))).toEqual(new Set(['school']));
    const [r] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM sites WHERE category = 'school'`;
    expect(e.total.total).toBe(r.n);
  });
  it('replays the past: nothing was in service before the pilots', async () => {
    const m = await coverageMatrix(sql, await principal(sql, 'anweiban'), { asOf: '2018-09-20' });
    expect(m.total.inService).toBe(0);
    expect(m.phase?.phase).toBe(2);
    expect(m.cells.every((c) => c.status !== 'laggard')).toBe(true);
  });
  it('the site list drill-down stays in scope', async () => {
    const { rows, total } = await listRolloutSites(sql, await principal(sql, 'edu'), { county: 540302 }, 1000);
    expect(total).toBeGreaterThan(0);
    expect(rows.every((r) => r.category === 'school' && r.county === 540302)).toBe(true);
  });
});

describe('supervision and reports in scope', () => {
  it('the dashboard of a department lists only its sectors', async () => {
    const d = await supervisionDashboard(sql, await principal(sql, 'edu'), { days: 365 });
    expect(d.all.length).toBeGreaterThan(0);
    expect(d.all.every((s) => s.category === 'school')).toBe(true);
    expect(d.sectors.map((s) => s.key)).toEqual(['school']);
  });
  it('a department report and its files never contain another sector', async () => {
    const p = await principal(sql, 'edu');
    const m = await buildReport(sql, p, { kind: 'annual', year: 2026 });
    expect(m.sites.every((s) => s.category === 'school')).toBe(true);
    expect(m.coverage.cells.every((c) => c.category === 'school')).toBe(true);
    const csv = reportCsv(m);
    const sectors = new Set(csv.trim().split('\r\n').slice(1).map((l) => l.split(',')[3]));
    expect(sectors).toEqual(new Set(['寄宿制学校']));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportXlsx(m)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('单位评分')!;
    const col: string[] = [];
    ws.eachRow((row, i) => i > 3 && col.push(String(row.getCell(4).value)));
    expect(new Set(col)).toEqual(new Set(['寄宿制学校']));
    const html = reportHtml(m);
    // long names in rows, short ones in the matrix headers
    for (const other of ['temple', 'hospital', 'hazchem'] as const) for (const w of [CATEGORIES[other].zh, CATEGORIES[other].zhShort]) expect(html).not.toContain(w);
  });
});
