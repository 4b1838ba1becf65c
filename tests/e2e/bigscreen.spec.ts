/**
 * The big screen (issue #5) on the full system: the leader's wall draws every county and site; a fault injected
 * through the simulator turns its site red and reaches the ticker within a minute; the county filter narrows
 * everything; playback replays a stored past alarm; a county user's wall shows only its county. Screenshots of
 * the 1080p and 4K layouts go to test-results/screens/bigscreen/.
 */
import { test, expect, type Page, type APIRequestContext } from '@playwright/test';
import { createSql, type Sql } from '../../db/client.ts';
import { DEMO_PASSWORD } from '../../db/seed/demo-accounts.ts';

const BASE = () => process.env.E2E_BASE_URL!;
const SHOTS = 'test-results/screens/bigscreen';
const KARUO = 540302;
const JIANGDA = 540321;

let sql: Sql;
test.beforeAll(() => {
  sql = createSql(process.env.E2E_PG_URL!, { max: 2, app: 'e2e-bigscreen' });
});
test.afterAll(async () => {
  await sql`DELETE FROM alarms WHERE reason_zh = 'e2e-bigscreen-playback'`;
  await sql?.end();
});

async function signIn(page: Page, username: string) {
  await page.goto('/bigscreen');
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/bigscreen$/);
}

async function wallReady(page: Page) {
  await expect(page.getByTestId('bigscreen-map')).toHaveAttribute('data-ready', '1', { timeout: 60_000 });
  await expect(page.getByTestId('bigscreen-map')).toHaveAttribute('data-counties', '11');
  await expect(page.getByTestId('bigscreen')).toHaveAttribute('data-panels', '1', { timeout: 30_000 });
  await page.waitForFunction(() => window.__bigscreen?.firstRenderMs != null && window.__bigscreen?.panelsMs != null);
}

async function adminCookie(request: APIRequestContext): Promise<string> {
  const r = await request.post('/api/auth/login', { data: { username: 'admin', password: DEMO_PASSWORD }, headers: { origin: BASE() } });
  expect(r.status()).toBe(200);
  return r.headers()['set-cookie']!.split(';')[0];
}

test('leader: counties and sites drawn, live fault turns its site red and reaches the ticker, county filter, playback', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  const [{ n }] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM sites`;
  await signIn(page, 'leader');
  await wallReady(page);
  await expect(page.getByTestId('bigscreen-map')).toHaveAttribute('data-sites-drawn', String(n));
  await expect(page.getByTestId('kpi-sites-total')).toHaveAttribute('data-value', String(n));
  await expect(page.getByTestId('freshness')).toHaveAttribute('data-state', 'live', { timeout: 30_000 });
  await expect(page.getByTestId('clock')).toHaveText(/^\d{2}:\d{2}:\d{2}/);
  await page.screenshot({ path: `${SHOTS}/bigscreen-1920x1080.png` });
  await page.setViewportSize({ width: 3840, height: 2160 });
  await expect(page.getByTestId('bigscreen-stage')).toHaveAttribute('data-scale', '2.000');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${SHOTS}/bigscreen-3840x2160.png` });
  await page.setViewportSize({ width: 1920, height: 1080 });

  // a fault on a Karuo site, injected through the simulator as an administrator
  const [target] = await sql<{ site: string; device: string; ch: number }[]>`
    SELECT s.id AS site, d.id AS device, min(c.ch)::int AS ch FROM sites s JOIN devices d ON d.site_id = s.id JOIN circuits c ON c.device_id = d.id
    WHERE s.county_adcode = ${KARUO} AND s.status = 'normal' AND d.online GROUP BY 1, 2 ORDER BY 1, 2 LIMIT 1`;
  expect(target).toBeTruthy();
  const cookie = await adminCookie(request);
  const inj = await request.post('/api/admin/simulator/inject', {
    data: { device: target.device, ch: target.ch, kind: 'earth_fault', severity: 1, accelerate: 1000 },
    headers: { origin: BASE(), cookie },
  });
  expect(inj.status()).toBe(200);
  const t0 = Date.now();
  await page.waitForFunction((id) => ['alarm', 'critical'].includes(window.__bigscreen?.siteStatus(id) ?? ''), target.site, {
    timeout: 60_000,
  });
  await expect(page.locator(`[data-testid=ticker-item][data-site="${target.site}"]`).first()).toBeAttached({ timeout: 20_000 });
  console.log(`fault → red + ticker in ${Date.now() - t0} ms`);
  await expect(page.getByTestId('kpi-active-alarms')).not.toHaveAttribute('data-value', '0', { timeout: 20_000 });
  await page.screenshot({ path: `${SHOTS}/bigscreen-alarm-1920x1080.png` });

  // county filter: a click on 江达县 in the county panel narrows the map, the KPIs and the ticker
  const [{ jd }] = await sql<{ jd: number }[]>`SELECT count(*)::int AS jd FROM sites WHERE county_adcode = ${JIANGDA}`;
  await page
    .getByTestId('county-panel')
    .locator('text')
    .filter({ hasText: /^江达县$/ })
    .click();
  await expect(page.getByTestId('bigscreen')).toHaveAttribute('data-county', String(JIANGDA));
  await expect(page.getByTestId('county-chip')).toBeVisible();
  await expect(page.getByTestId('bigscreen-map')).toHaveAttribute('data-sites-drawn', String(jd));
  await expect(page.getByTestId('kpi-sites-total')).toHaveAttribute('data-value', String(jd), { timeout: 20_000 });
  const tickerSites = await page.locator('[data-testid=ticker-item]').evaluateAll((els) => els.map((e) => e.getAttribute('data-site')));
  expect(tickerSites.every((s) => s!.startsWith('JD-'))).toBe(true);
  await page.getByTestId('county-clear').click();
  await expect(page.getByTestId('bigscreen')).toHaveAttribute('data-county', '');
  await expect(page.getByTestId('kpi-sites-total')).toHaveAttribute('data-value', String(n), { timeout: 20_000 });

  // playback: a stored alarm from three hours ago shows on the map at that time
  const [past] = await sql<{ id: string; device: string }[]>`
    SELECT s.id, d.id AS device FROM sites s JOIN devices d ON d.site_id = s.id
    WHERE s.county_adcode = ${KARUO} AND s.id <> ${target.site} ORDER BY s.id DESC LIMIT 1`;
  const opened = new Date(Date.now() - 3 * 3600_000);
  await sql`INSERT INTO alarms (site_id, device_id, ch, type, severity, opened_at, cleared_at, reason_zh)
            VALUES (${past.id}, ${past.device}, 15, 'overload', 'critical', ${opened}, ${new Date(opened.getTime() + 3600_000)}, 'e2e-bigscreen-playback')`;
  await page.getByTestId('playback-24h').click();
  await expect(page.getByTestId('mode-banner')).toContainText('回放 PLAYBACK');
  await expect(page.getByTestId('playback-toggle')).toBeVisible();
  await expect(page.getByTestId('timeline')).not.toContainText('加载中', { timeout: 20_000 });
  await page.getByTestId('playback-toggle').click(); // pause
  await page.getByTestId('playback-scrub').fill(String(opened.getTime() + 30 * 60_000));
  await page.waitForFunction((id) => window.__bigscreen?.siteStatus(id) === 'critical', past.id, { timeout: 15_000 });
  expect(await page.evaluate(() => window.__bigscreen!.mode())).toBe('playback');
  await expect(page.locator(`[data-testid=ticker-item][data-site="${past.id}"]`).first()).toBeAttached();
  await page.screenshot({ path: `${SHOTS}/bigscreen-playback-1920x1080.png` });
  // an hour later it had cleared
  await page.getByTestId('playback-scrub').fill(String(opened.getTime() + 90 * 60_000));
  await page.waitForFunction((id) => window.__bigscreen?.siteStatus(id) !== 'critical', past.id, { timeout: 15_000 });
  await page.getByTestId('go-live').click();
  await expect(page.getByTestId('mode-banner')).toHaveCount(0);
  expect(await page.evaluate(() => window.__bigscreen!.mode())).toBe('live');
});

test('a county user’s wall shows only its county', async ({ page }) => {
  const [{ n }] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM sites WHERE county_adcode = ${KARUO}`;
  await signIn(page, 'karuo');
  await wallReady(page);
  await expect(page.getByTestId('bigscreen-map')).toHaveAttribute('data-sites-drawn', String(n));
  await expect(page.getByTestId('kpi-sites-total')).toHaveAttribute('data-value', String(n));
  const tickerSites = await page.locator('[data-testid=ticker-item]').evaluateAll((els) => els.map((e) => e.getAttribute('data-site')));
  expect(tickerSites.every((s) => s!.startsWith('KR-'))).toBe(true);
  // the API refuses another county's figures as empty, never leaks them
  const r = await page.request.get(`/api/bigscreen/summary?county=${JIANGDA}`);
  expect(r.status()).toBe(200);
  expect((await r.json()).kpis.sites).toBe(0);
});
