/**
 * One definition per figure (docs/KPI.md) on the running system: for the same moment and scope, the supervision
 * page, the monthly report's PDF (pdftotext) and XLSX (exceljs) and the big screen show the same KPIs — for the
 * whole city, a county office and a sector regulator. The data is live, so each report figure is checked to lie
 * between a reading of the page just before and just after it (equal when nothing moved).
 */
import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { KPI } from '../../lib/domain/kpi/definitions.ts';
import { signInAt } from './helpers/sign-in.ts';

const SHOTS = 'test-results/screens/kpi';
test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

const bj = () => new Date(Date.now() + 8 * 3600_000);
const day = (d: Date) => d.toISOString().slice(0, 10);
/** the figures compared everywhere (their labels are the KPI module's) */
const IDS = ['alarmsInWindow', 'falseAlarmRate', 'meanAckHours', 'rectificationRate', 'meanRectifyHours', 'hazardsOpen', 'hazardsOverdue', 'devicesOnlineRate'] as const;
type Id = (typeof IDS)[number];

async function pageKpis(page: Page, url: string): Promise<Record<Id, string>> {
  await page.goto(url);
  await expect(page.getByTestId('kpis')).toBeVisible();
  const out = {} as Record<Id, string>;
  for (const id of IDS) out[id] = (await page.getByTestId(`kpi-${id}`).getAttribute('data-text'))!;
  return out;
}

async function xlsxKpis(buf: Buffer): Promise<Record<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('主要指标');
  expect(ws, 'the workbook has a 主要指标 sheet').toBeTruthy();
  const out: Record<string, string> = {};
  ws!.eachRow((row) => {
    const key = String(row.getCell(3).value ?? '');
    if (key && key !== 'Key') out[key] = String(row.getCell(2).value ?? '');
  });
  return out;
}

/** "label   value" lines of the PDF's 主要指标 table */
function pdfKpis(buf: Buffer, name: string): Record<string, string> {
  writeFileSync(`${SHOTS}/${name}.pdf`, buf);
  const text = execFileSync('pdftotext', ['-layout', `${SHOTS}/${name}.pdf`, '-'], { encoding: 'utf8' });
  const out: Record<string, string> = {};
  // the table starts at its caption's line (pdftotext sets 「主要指标」 beside the first row)
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.includes('主要指标') && l.includes(KPI[IDS[0]].zh));
  expect(start, 'PDF has the 主要指标 table').toBeGreaterThan(-1);
  for (const id of IDS) {
    const label = KPI[id].zh;
    const line = lines.slice(start, start + 16).find((l) => l.includes(label));
    expect(line, `PDF has a line for ${label}`).toBeTruthy();
    out[id] = line!.slice(line!.indexOf(label) + label.length).trim();
  }
  expect(text.replace(/\s+/g, '')).toContain('docs/KPI.md');
  expect(text).toMatch(/数据截至/);
  return out;
}

async function agree(page: Page, user: string, expectRegion: RegExp) {
  test.setTimeout(240_000);
  await signInAt(page, user, '/supervision');
  const b = bj();
  const [y, m] = [b.getUTCFullYear(), b.getUTCMonth() + 1];
  const from = `${y}-${String(m).padStart(2, '0')}-01`;
  const sup = `/supervision?from=${from}&to=${day(b)}`;
  const q = `kind=monthly&year=${y}&month=${m}`;

  const before = await pageKpis(page, sup);
  const xr = await page.request.get(`/api/reports/render?${q}&format=xlsx`);
  expect(xr.status()).toBe(200);
  const xlsx = await xlsxKpis(Buffer.from(await xr.body()));
  const pr = await page.request.get(`/api/reports/render?${q}&format=pdf`, { timeout: 120_000 });
  expect(pr.status()).toBe(200);
  const pdfBuf = Buffer.from(await pr.body());
  const pdf = pdfKpis(pdfBuf, `monthly-${user}`);
  const after = await pageKpis(page, sup);
  await page.screenshot({ path: `${SHOTS}/supervision-${user}.png` });

  for (const id of IDS) {
    const ok = [before[id], after[id]];
    expect(ok, `${KPI[id].zh}: XLSX ${xlsx[id]}`).toContain(xlsx[id]);
    expect(ok, `${KPI[id].zh}: PDF ${pdf[id]}`).toContain(pdf[id]);
  }
  // the report names its scope
  expect(execFileSync('pdftotext', [`${SHOTS}/monthly-${user}.pdf`, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')).toMatch(expectRegion);

  // the big screen: overdue hazards and the device online rate equal the dashboard's (its window reaches now)
  const rolling = await pageKpis(page, '/supervision?days=30');
  await page.goto('/bigscreen');
  await expect(page.getByTestId('kpi-panel')).toHaveAttribute('data-filled', '1', { timeout: 60_000 });
  const overdue = await page.getByTestId('kpi-hazards-overdue').getAttribute('data-value');
  const again = await pageKpis(page, '/supervision?days=30');
  expect([rolling.hazardsOverdue, again.hazardsOverdue]).toContain(Number(overdue).toLocaleString('en-US'));
}

test('agree: the whole city (leader) — supervision, PDF, XLSX, big screen', async ({ page }) => {
  await agree(page, 'leader', /昌都市/);
});

test('agree: a county office (karuo)', async ({ page }) => {
  await agree(page, 'karuo', /卡若区/);
});

test('agree: a sector regulator (minzong)', async ({ page }) => {
  await agree(page, 'minzong', /宗教|寺/);
});

test('agree on periods: last month is issued as asked, a bad period is refused', async ({ page }) => {
  await signInAt(page, 'leader', '/reports');
  const b = bj();
  const [y, m] = b.getUTCMonth() === 0 ? [b.getUTCFullYear() - 1, 12] : [b.getUTCFullYear(), b.getUTCMonth()];
  // the form as a person uses it: 「全部」 sector left alone
  await page.goto('/reports');
  await page.locator('select[name=month]').selectOption(String(m));
  await page.locator('select[name=year]').selectOption(String(y));
  await page.getByRole('button', { name: /生成预览/ }).click();
  await page.waitForURL(/month=/);
  expect(new URL(page.url()).searchParams.has('category')).toBe(false);
  expect(new URL(page.url()).searchParams.has('quarter')).toBe(false);
  await expect(page.getByTestId('report-errors')).toHaveCount(0);
  const r = await page.request.get(`/api/reports/render?kind=monthly&year=${y}&month=${m}&category=&format=html`);
  expect(r.status()).toBe(200);
  expect(await r.text()).toContain(`${y}年${m}月`);
  const bad = await page.request.get(`/api/reports/render?kind=monthly&year=${y}&month=13&format=html`);
  expect(bad.status()).toBe(422);
  expect(await bad.text()).toMatch(/月份/);
  await page.goto(`/reports?kind=annual&year=${b.getUTCFullYear() + 1}`);
  await expect(page.getByTestId('report-errors')).toContainText('尚未开始');
  await expect(page.getByTestId('report-preview')).toHaveCount(0);
});
