/**
 * Detection profiles on the full system: the religion regulator signs in, opens a temple's profile,
 * picks a circuit, types a residual set point outside the GB range and sees the field named in Chinese and English,
 * saves a valid one with a reason, sees it effective (source 回路) and in the history; the site manager sees the same
 * page read-only. Screenshots at 1920×1080 and 390×844 go to .scratch/profiles/.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { createSql, type Sql } from '../../platform/db.ts';
import { signInAt } from './helpers/sign-in.ts';

const SHOTS = '.scratch/profiles';
const PHONE = { width: 390, height: 844 };
let sql: Sql;
let site: string;

test.beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  sql = createSql(process.env.E2E_PG_URL!, { max: 2, app: 'e2e-profiles' });
  [{ site_id: site }] = await sql<{ site_id: string }[]>`SELECT us.site_id FROM user_sites us JOIN users u ON u.id = us.user_id WHERE u.username = 'qbl'`;
});
test.afterAll(async () => {
  await sql`DELETE FROM profile_overrides WHERE site_id = ${site}`;
  await sql?.end();
});

test('regulator: out-of-range refused per field, valid value saved, effective and in the history', async ({ page }) => {
  await signInAt(page, 'minzong', `/sites/${site}/profile`);
  await expect(page.getByRole('heading', { name: /检测阈值配置/ })).toBeVisible();
  await expect(page.getByTestId('eff-residualSetMa')).toHaveText('300');

  // one circuit of the temple
  const layer = page.getByTestId('profile-layer');
  const first = await layer.locator('option').nth(1).getAttribute('value');
  await layer.selectOption(first!);
  await page.waitForURL(new RegExp(`/sites/${site}/profile\\?circuit=${first}$`));
  await expect(page.getByText(/Circuit layer: blank fields inherit/)).toBeVisible();

  const field = page.getByLabel(/剩余电流报警设定值/);
  await expect(page.getByTestId('field-residualSetMa')).toContainText('GB 范围 20–1000 mA');
  await field.fill('1500');
  await page.getByTestId('profile-reason').fill('木结构殿堂，按宗教局要求收紧剩余电流设定值');
  await page.getByTestId('profile-save').click();
  const err = page.getByTestId('err-residualSetMa');
  await expect(err).toContainText('剩余电流报警设定值超出 GB 允许范围 20–1000 mA（填写的是 1500）');
  await expect(err).toContainText('outside the GB range 20–1000 mA');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('profile-error')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/profile-error-1920.png`, fullPage: false });

  await field.fill('200');
  await page.getByTestId('profile-save').click();
  await expect(page.getByTestId('profile-saved')).toContainText('已保存');
  await expect(page.getByTestId('eff-residualSetMa')).toHaveText('200');
  await expect(page.getByTestId('field-residualSetMa')).toContainText('回路');
  const history = page.getByTestId('profile-history');
  await expect(history.locator('tbody tr').first()).toContainText('剩余电流报警设定值：继承 → 200');
  await expect(history.locator('tbody tr').first()).toContainText('木结构殿堂');

  const [a] = await sql<{ username: string; detail: { after: { residualSetMa: number } } }[]>`
    SELECT username, detail FROM audit_log WHERE action = 'profile.set' AND detail->>'siteId' = ${site} ORDER BY id DESC LIMIT 1`;
  expect(a.username).toBe('minzong');
  expect(a.detail.after.residualSetMa).toBe(200);

  const axe = await new AxeBuilder({ page }).include('main').analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);

  await page.screenshot({ path: `${SHOTS}/profile-1920.png`, fullPage: true });
  await page.setViewportSize(PHONE);
  await page.evaluate(() => window.scrollTo(0, 0));
  // nothing wider than the phone (tables scroll inside their own frame)
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('[class*="tableWrap"], nav'))
      .slice(0, 5)
      .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
  );
  expect(wide).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/profile-390.png`, fullPage: false });
  await page.screenshot({ path: `${SHOTS}/profile-390-full.png`, fullPage: true });
});

test('site manager: the same page, read-only', async ({ page }) => {
  await signInAt(page, 'qbl', `/sites/${site}/profile`);
  await expect(page.getByTestId('profile-readonly')).toBeVisible();
  await expect(page.getByLabel(/剩余电流报警设定值/)).toBeDisabled();
  await expect(page.getByTestId('profile-save')).toHaveCount(0);
  await expect(page.getByTestId('profile-history')).toBeVisible();
});
