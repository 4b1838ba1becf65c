/**
 * Public awareness pages on the full system: every page in zh, bo and en renders, passes axe
 * (no serious/critical), leaks nothing site-level; the language choice is remembered; Tibetan is set in our
 * font; a resident's report travels through staff review into a work order.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { createSql, type Sql } from '../../platform/db.ts';
import { createSession } from '../../server/auth/session.ts';
import { findLeaks, loadSecrets, type Secrets } from '../integration/public/leaks.ts';

const LOCALES = ['zh', 'bo', 'en'] as const;
const PAGES = ['', '/knowledge', '/cases', '/figures', '/map', '/report'];
const LANG = { zh: 'zh-CN', bo: 'bo', en: 'en' };

let sql: Sql;
let secrets: Secrets;

test.beforeAll(async () => {
  sql = createSql(process.env.E2E_PG_URL!, { max: 2, app: 'e2e-public' });
  secrets = await loadSecrets(sql);
});
test.afterAll(async () => {
  await sql?.end();
});

async function axe(page: Page) {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const locale of LOCALES) {
  test(`public pages in ${locale}: render, accessible, nothing site-level`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const p of PAGES) {
      const res = await page.goto(`/public/${locale}${p}`);
      expect(res?.status(), p).toBe(200);
      await expect(page.locator('h1')).toBeVisible();
      expect(await page.getAttribute('html', 'lang')).toBe(LANG[locale]);
      await expect(page.locator(`[lang="${LANG[locale]}"]`).first()).toBeVisible();
      if (p === '/map') {
        await expect(page.locator('main svg path')).toHaveCount(11); // the server-drawn counties, no script needed
        expect(await axe(page), `${locale}${p} preview`).toEqual([]);
        await page.locator('main button').first().click(); // open the zoomable maplibre map
        await expect(page.locator('[data-ready="1"]')).toHaveCount(1, { timeout: 30_000 });
      }
      expect(await axe(page), `${locale}${p}`).toEqual([]);
      expect(findLeaks(await page.content(), secrets), `${locale}${p}`).toEqual([]);
    }
  });
}

test('Tibetan is set in the self-hosted Tibetan font, not tofu', async ({ page }) => {
  await page.goto('/public/bo/knowledge');
  await page.evaluate(() => document.fonts.ready);
  const loaded = await page.evaluate(() => [...document.fonts].filter((f) => f.family.includes('Pub Tibetan') && f.status === 'loaded').length);
  expect(loaded).toBeGreaterThan(0);
  const family = await page.locator('h1').evaluate((el) => getComputedStyle(el).fontFamily);
  expect(family).toContain('Pub Tibetan');
});

test('maplibre loads on the map page only; the language switch is remembered', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
  await page.goto('/public/zh/knowledge');
  await page.waitForLoadState('networkidle');
  const before = scripts.length;
  const js = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('maplibre')).length);
  expect(js).toBe(0);
  expect(before).toBeGreaterThan(0);
  await page.getByRole('link', { name: 'བོད་ཡིག' }).click();
  await expect(page).toHaveURL(/\/public\/bo\/knowledge$/);
  await page.goto('/public');
  await expect(page).toHaveURL(/\/public\/bo$/);
  await page.getByRole('link', { name: 'English' }).click();
  await page.goto('/public');
  await expect(page).toHaveURL(/\/public\/en$/);
});

test('only published cases are shown', async ({ page }) => {
  await page.goto('/public/en/cases');
  await expect(page.getByRole('heading', { name: /assembly hall/ })).toBeVisible();
  await expect(page.getByText('Extension leads plugged into each other')).toHaveCount(0);
});

test('a public report travels through review into a work order', async ({ page, context, baseURL }) => {
  const marker = `E2E-${Date.now()}`;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/public/zh/report');
  await page.getByLabel('插头、电线发烫').check();
  await page.getByLabel('所在县（区）').selectOption('540302');
  await page.getByLabel('地点').fill('农贸市场二楼东侧楼梯口');
  await page.getByLabel('情况描述').fill(`插线板串接了三个电暖器，插头很烫。${marker}`);
  await page.getByLabel('照片（可选）').setInputFiles({ name: 'p.png', mimeType: 'image/png', buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64') });
  await page.waitForTimeout(3300); // the minimum fill time
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByText('已收到，谢谢！')).toBeVisible();

  const [u] = await sql<{ id: number }[]>`SELECT id FROM users WHERE username = 'anweiban'`;
  const { token } = await createSession(sql, u.id, 1, {});
  await context.addCookies([{ name: 'esms_session', value: token, url: baseURL! }]);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/admin/public-reports');
  const card = page.locator('article', { hasText: marker });
  await expect(card).toBeVisible();
  await expect(card.locator('img')).toHaveJSProperty('naturalWidth', 1);
  const [site] = await sql<{ id: string }[]>`SELECT id FROM sites WHERE county_adcode = 540302 ORDER BY id LIMIT 1`;
  await card.getByLabel('查找单位 Site').fill(site.id);
  await expect(card.locator('select[name="site"] option', { hasText: site.id })).toHaveCount(1);
  await card.locator('select[name="site"]').selectOption(site.id);
  await card.getByRole('button', { name: '通过并生成工单' }).click();
  await expect(card).toHaveCount(0);

  const [h] = await sql<{ source: string; site_id: string; state: string }[]>`
    SELECT h.source, h.site_id, h.state FROM public_reports r JOIN hazards h ON h.id = r.hazard_id WHERE r.description LIKE ${'%' + marker}`;
  expect(h).toEqual({ source: 'public', site_id: site.id, state: 'reported' });
  expect(await axe(page)).toEqual([]);
});
