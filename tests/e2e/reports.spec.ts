/**
 * Rollout, supervision and reports on the full system: the Karuo county office sees its coverage
 * matrix and laggards (checked against the database), opens a site's score explanation and exports a monthly
 * PDF whose figures (pdftotext) match the database; a scheduled report reaches its inbox through the report
 * scheduler process with a live notification; the education bureau never sees another sector in any export
 * (report PDF, XLSX, CSV, every list export in CSV and XLSX, the archive). Screens go to test-results/screens/reports/.
 */
import { test, expect, request as pwRequest } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { createSql, type Sql } from '../../platform/db.ts';
import { CATEGORIES } from '../../lib/domain/vocabulary/index.ts';
import { apiSignIn, signInAt } from './helpers/sign-in.ts';

const BASE = () => process.env.E2E_BASE_URL!;
const SHOTS = 'test-results/screens/reports';
const KARUO = 540302;
const OTHER_SECTORS_THAN_SCHOOL = Object.values(CATEGORIES).filter((c) => c.id !== 'school').map((c) => c.zh);

let sql: Sql;
test.beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
  sql = createSql(process.env.E2E_PG_URL!, { max: 2, app: 'e2e-reports' });
});
test.afterAll(async () => sql?.end());

/** The sector column ('行业 Sector(s)') of every sheet of a workbook. */
async function xlsxSectors(buf: Buffer): Promise<Set<string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const out = new Set<string>();
  for (const ws of wb.worksheets) {
    let col = 0;
    ws.eachRow((row) => {
      if (col) return void out.add(String(row.getCell(col).value ?? ''));
      row.eachCell((c, j) => {
        if (/^行业 Sectors?$/.test(String(c.value))) col = j;
      });
    });
    expect(col, `sheet ${ws.name} has a sector column`).toBeGreaterThan(0);
  }
  return out;
}
/** The sector column of a CSV export, found by its header. */
function csvSectorsByHeader(buf: Buffer): Set<string> {
  const [head, ...lines] = buf.toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  const col = head.split(',').findIndex((h) => /^行业 Sectors?$/.test(h));
  expect(col, head).toBeGreaterThanOrEqual(0);
  return new Set(lines.map((l) => l.split(',')[col]));
}
const bjNow = () => new Date(Date.now() + 8 * 3600_000);
const pdfText = (buf: Buffer, name: string) => {
  writeFileSync(`${SHOTS}/${name}.pdf`, buf);
  return execFileSync('pdftotext', ['-layout', `${SHOTS}/${name}.pdf`, '-'], { encoding: 'utf8' });
};
const num = (s: string) => Number(s.replace(/,/g, ''));

test('karuo: coverage matrix and laggards, score explanation, monthly PDF matches the database', async ({ page }) => {
  test.setTimeout(180_000);
  await signInAt(page, 'karuo', '/rollout');
  await page.goto('/rollout');
  const matrix = page.getByTestId('coverage-matrix');
  await expect(matrix).toBeVisible();

  // every sector cell is Karuo's and its figures are the database's
  const cells = await matrix.locator('td[data-category]:not([data-category=""])[data-county]:not([data-county=""])').evaluateAll((tds) =>
    tds.map((td) => ({ county: Number(td.getAttribute('data-county')), category: td.getAttribute('data-category')!, covered: Number(td.getAttribute('data-covered')), target: Number(td.getAttribute('data-target')), status: td.getAttribute('data-status')! })),
  );
  expect(cells.length).toBeGreaterThan(5);
  expect(new Set(cells.map((c) => c.county))).toEqual(new Set([KARUO]));
  const db = await sql<{ category: string; covered: number; target: number }[]>`
    SELECT s.category, count(*) FILTER (WHERE s.in_service_at <= (now() AT TIME ZONE 'Asia/Shanghai')::date)::int AS covered,
           coalesce(max(t.target_units), count(*) FILTER (WHERE s.power_ok AND s.network_ok))::int AS target
    FROM sites s LEFT JOIN rollout_targets t ON t.county_adcode = s.county_adcode AND t.category = s.category
    WHERE s.county_adcode = ${KARUO} GROUP BY s.category`;
  for (const c of cells) {
    const d = db.find((x) => x.category === c.category)!;
    expect({ category: c.category, covered: c.covered, target: c.target }).toEqual({ category: c.category, covered: d.covered, target: d.target });
    // the plan ended in 2021: 100 % is due; a laggard is more than 25 points short, behind more than 2
    const gap = c.target ? 1 - c.covered / c.target : null;
    const want = gap == null ? 'none' : gap > 0.25 ? 'laggard' : gap > 0.02 ? 'behind' : 'ok';
    expect(c.status, `${c.category} ${c.covered}/${c.target}`).toBe(want);
  }
  const laggards = cells.filter((c) => c.status === 'laggard').length;
  await expect(page.getByTestId('laggard-count').locator('b')).toHaveText(String(laggards));
  await expect(page.getByTestId('laggards').locator('tbody tr')).toHaveCount(cells.filter((c) => c.status === 'laggard' || c.status === 'behind').length);
  await page.screenshot({ path: `${SHOTS}/rollout-karuo.png`, fullPage: true });

  // drill-down from a cell to its sites
  const first = cells.find((c) => c.target > 0)!;
  await matrix.locator(`td[data-category="${first.category}"][data-county="${KARUO}"] a`).click();
  await expect(page.getByTestId('rollout-sites')).toBeVisible();
  const [{ n }] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM sites WHERE county_adcode = ${KARUO} AND category = ${first.category}`;
  await expect(page.getByText(`共 ${n} 家`)).toBeVisible();

  // supervision: a site's score explanation on hover
  await page.goto('/supervision?days=30');
  const score = page.getByTestId('score').first();
  await expect(score).toBeVisible();
  await score.hover();
  const tip = page.getByTestId('score-tip').first();
  await expect(tip).toBeVisible();
  await expect(tip.locator('tr[data-term]')).toHaveCount(5);
  for (const zh of ['未整改隐患', '报警频次与级别', '报警响应（确认）时间', '隐患整改时效', '设备在线']) await expect(tip).toContainText(zh);
  await page.screenshot({ path: `${SHOTS}/supervision-karuo.png`, fullPage: false });

  // the monthly report: preview, then the PDF; its figures are the database's
  const bj = bjNow();
  const [y, m] = [bj.getUTCFullYear(), bj.getUTCMonth() + 1];
  await page.goto(`/reports?kind=monthly&year=${y}&month=${m}`);
  await expect(page.getByTestId('report-preview')).toBeVisible();
  await expect(page.frameLocator('[data-testid=report-preview]').locator('h2').first()).toHaveText('一、总体情况', { timeout: 60_000 });
  await page.screenshot({ path: `${SHOTS}/reports-karuo.png`, fullPage: false });
  const monthStart = new Date(Date.UTC(y, m - 1, 1) - 8 * 3600_000);
  const before = new Date();
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByTestId('download-pdf').click()]);
  const after = new Date();
  const buf = readFileSync((await dl.path())!);
  expect(buf.subarray(0, 5).toString()).toBe('%PDF-');
  const text = pdfText(buf, 'monthly-karuo');
  execFileSync('pdftoppm', ['-r', '80', '-png', '-f', '1', '-l', '2', `${SHOTS}/monthly-karuo.pdf`, `${SHOTS}/monthly-karuo-page`]);
  const flat = text.replace(/\s+/g, '');
  expect(flat).toContain(`卡若区智慧式用电安全管理月度报告`);
  expect(flat).toContain(`${y}年${m}月`);
  expect(text).toMatch(/第\s*1\s*页\s*\/\s*共\s*\d+\s*页/);
  const [sites] = await sql<{ n: number; ins: number }[]>`SELECT count(*)::int AS n, count(*) FILTER (WHERE rollout_state = 'in_service')::int AS ins FROM sites WHERE county_adcode = ${KARUO}`;
  expect(num(flat.match(/纳入监管的重点单位([\d,]+)家/)![1])).toBe(sites.n);
  const alarmsInPdf = num(flat.match(/期间共产生报警([\d,]+)次/)![1]);
  const count = async (until: Date) =>
    (await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM alarms a JOIN sites s ON s.id = a.site_id WHERE s.county_adcode = ${KARUO} AND a.opened_at >= ${monthStart} AND a.opened_at < ${until}`)[0].n;
  expect(alarmsInPdf).toBeGreaterThanOrEqual(await count(before));
  expect(alarmsInPdf).toBeLessThanOrEqual(await count(after));
  const [hz] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM hazards h JOIN sites s ON s.id = h.site_id WHERE s.county_adcode = ${KARUO} AND h.created_at >= ${monthStart} AND h.created_at < ${after}`;
  expect(num(flat.match(/新增隐患([\d,]+)项/)![1])).toBeLessThanOrEqual(hz.n);
  expect(num(flat.match(/已投入使用([\d,]+)家/)![1])).toBe(sites.ins);
  for (const other of ['江达县', '丁青县', '边坝县']) expect(flat).not.toContain(other);
});

test('edu: no export ever contains another sector (CSV, XLSX, PDF)', async ({ request }) => {
  test.setTimeout(180_000);
  await apiSignIn(request, 'edu');
  const bj = bjNow();
  const q = `kind=monthly&year=${bj.getUTCFullYear()}&month=${bj.getUTCMonth() + 1}`;
  const get = async (url: string) => {
    const r = await request.get(url);
    expect(r.status(), url).toBe(200);
    return Buffer.from(await r.body());
  };
  const csvSectors = (buf: Buffer, col: number) => new Set(buf.toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).map((l) => l.split(',')[col]));
  // report CSV (per-site detail), also when asking for another sector explicitly
  expect(csvSectors(await get(`/api/reports/render?${q}&format=csv`), 3)).toEqual(new Set(['寄宿制学校']));
  expect(csvSectors(await get(`/api/reports/render?${q}&category=temple&format=csv`), 3)).toEqual(new Set());
  // the lists' exports
  expect(csvSectors(await get('/api/supervision/export?what=sites&format=csv'), 3)).toEqual(new Set(['寄宿制学校']));
  expect(csvSectors(await get('/api/rollout/sites?format=csv'), 3)).toEqual(new Set(['寄宿制学校']));
  expect(csvSectors(await get('/api/rollout/coverage?format=csv'), 1)).toEqual(new Set(['寄宿制学校']));
  // report XLSX: every sheet's sector column
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await get(`/api/reports/render?${q}&format=xlsx`)) as unknown as ArrayBuffer);
  const cellsOf = (sheet: string, col: number) => {
    const out = new Set<string>();
    const ws = wb.getWorksheet(sheet)!;
    let header = 0;
    ws.eachRow((row, i) => {
      if (!header && /^(编号 ID|行业 Sector|县（区） County)$/.test(String(row.getCell(1).value ?? ''))) header = i;
      else if (header && i > header) out.add(String(row.getCell(col).value ?? ''));
    });
    return out;
  };
  expect(cellsOf('单位评分', 4)).toEqual(new Set(['寄宿制学校']));
  expect(cellsOf('行业', 1)).toEqual(new Set(['寄宿制学校', '合计']));
  expect(cellsOf('推广覆盖', 2)).toEqual(new Set(['寄宿制学校']));
  const xlsxText = JSON.stringify(wb.worksheets.map((ws) => ws.getSheetValues()));
  for (const other of OTHER_SECTORS_THAN_SCHOOL) expect(xlsxText, other).not.toContain(other);
  // report PDF: no other sector's name anywhere
  const text = pdfText(await get(`/api/reports/render?${q}&format=pdf`), 'monthly-edu').replace(/\s+/g, '');
  expect(text).toContain('寄宿制学校');
  for (const other of OTHER_SECTORS_THAN_SCHOOL) expect(text, other).not.toContain(other);

  // every list export, CSV and XLSX, also when another sector is asked for explicitly
  const school = new Set(['寄宿制学校']);
  const lists = [
    { url: '/api/supervision/export?what=sites', rows: true },
    { url: '/api/supervision/export?what=sectors', rows: true },
    { url: '/api/rollout/sites?', rows: true },
    { url: '/api/rollout/coverage?', rows: true },
    { url: '/api/rollout/inspections?', rows: false },
    { url: '/api/alarms/export?', rows: false },
  ];
  for (const l of lists)
    for (const format of ['csv', 'xlsx'] as const) {
      const buf = await get(`${l.url}&format=${format}`);
      const got = format === 'csv' ? csvSectorsByHeader(buf) : await xlsxSectors(buf);
      got.delete('合计');
      if (l.rows) expect(got, `${l.url} ${format}`).toEqual(school);
      else expect([...got].every((x) => school.has(x)), `${l.url} ${format}: ${[...got]}`).toBe(true);
    }
  for (const url of ['/api/rollout/sites?category=temple', '/api/supervision/export?what=sites&category=temple', '/api/alarms/export?sector=temple']) {
    const r = await request.get(`${url}&format=csv`);
    // a sector outside the scope is refused or empty, never widened
    if (r.status() === 200) expect(csvSectorsByHeader(Buffer.from(await r.body())).size, url).toBe(0);
    else expect(r.status(), url).toBeGreaterThanOrEqual(400);
  }

  // the archive: a report Karuo issued is neither listed nor downloadable for the education bureau
  const karuo = await pwRequest.newContext({ baseURL: BASE() });
  await apiSignIn(karuo, 'karuo');
  const issued = await karuo.post('/api/reports/archive', { data: { kind: 'monthly', year: bj.getUTCFullYear(), month: bj.getUTCMonth() + 1, formats: ['csv'] }, headers: { origin: BASE() } });
  expect(issued.status()).toBe(200);
  const { id: karuoReport, reportNo } = (await issued.json()) as { id: number; reportNo: string };
  await karuo.dispose();
  const listed = (await (await request.get('/api/reports/archive')).json()) as { rows: { id: number }[] };
  expect(listed.rows.some((r) => r.id === karuoReport)).toBe(false);
  expect((await request.get(`/api/reports/archive/${karuoReport}/csv`)).status()).toBe(404);
  const archiveCsv = (await get('/api/reports/archive?format=csv')).toString('utf8');
  expect(archiveCsv).not.toContain(reportNo);
});

test('karuo: a scheduled report reaches the inbox with a live notification; the owner sees its delivery', async ({ page }) => {
  test.setTimeout(120_000);
  await signInAt(page, 'karuo', '/reports');
  await page.goto('/reports');
  await expect(page.getByTestId('schedules')).toBeVisible();
  const post = async (url: string, data?: unknown) => {
    const r = await page.request.post(url, { data, headers: { origin: BASE() } });
    expect(r.status(), url).toBe(200);
    return r.json();
  };
  const { id } = (await post('/api/reports/schedules', { kind: 'monthly', formats: ['xlsx'], channels: ['portal'], recipientIds: [], hourBj: 8 })) as { id: number };
  try {
    // run now (the portal issues and queues it); the scheduler process delivers it and notifies the open page
    const { archiveId } = (await post(`/api/reports/schedules/${id}/run`)) as { archiveId: number };
    const toast = page.getByTestId('alarm-toast').filter({ hasText: '报告已送达' });
    await expect(toast).toBeVisible({ timeout: 60_000 });
    await page.screenshot({ path: `${SHOTS}/report-delivered-toast.png`, fullPage: false });
    const [d] = await sql<{ state: string; notification_id: number | null; title: string }[]>`
      SELECT d.state, d.notification_id, a.title FROM report_deliveries d JOIN report_archive a ON a.id = d.archive_id
      WHERE d.archive_id = ${archiveId} AND d.channel = 'portal'`;
    expect(d.state).toBe('delivered');
    expect(d.notification_id).not.toBeNull();
    await expect(toast).toContainText(d.title);

    await page.reload();
    const inbox = page.getByTestId('deliveries');
    await expect(inbox).toContainText(d.title);
    const link = inbox.locator(`a[href="/api/reports/archive/${archiveId}/xlsx"]`);
    await expect(link).toBeVisible();
    const file = await page.request.get(`/api/reports/archive/${archiveId}/xlsx`);
    expect(file.status()).toBe(200);
    expect(Buffer.from(await file.body()).subarray(0, 2).toString()).toBe('PK');
    await expect(page.getByTestId('schedules').getByTestId('schedule-deliveries').first()).toContainText('已送达 1');
    await page.screenshot({ path: `${SHOTS}/reports-inbox-karuo.png`, fullPage: true });
  } finally {
    await page.request.delete(`/api/reports/schedules/${id}`, { headers: { origin: BASE() } });
  }
});
