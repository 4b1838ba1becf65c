/**
 * The notification and hazard workflow end to end: an alarm row appears (as the ingest worker would write it) → the trigger and the notify
 * worker → the site manager (qbl, 强巴林寺) sees the toast within 5 s → acknowledges → creates a hazard → uploads a
 * photo and submits from a phone-sized screen → the regulator (minzong) verifies and closes → counters follow.
 * Needs the notify worker in the launcher (workers/notify/main.ts).
 */
import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { apiSignIn } from './helpers/sign-in.ts';

// 1×1 JPEG
const JPEG = Buffer.from('/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=', 'base64');

test('alarm → toast in 5 s → acknowledge → hazard → photo + submit → regulator verifies and closes', async ({ browser }) => {
  const sql = postgres(process.env.E2E_PG_URL!, { max: 2, onnotice: () => {} });
  try {
    const [beat] = await sql<{ at: number }[]>`SELECT (value->>'at')::float8 AS at FROM meta WHERE key = 'notify.worker'`;
    expect(beat && Date.now() - beat.at < 30_000, 'the notify worker (workers/notify/main.ts) must be running').toBe(true);
    const [{ site_id: siteId }] = await sql`SELECT us.site_id FROM user_sites us JOIN users u ON u.id = us.user_id WHERE u.username = 'qbl'`;
    const [dev] = await sql`SELECT id FROM devices WHERE site_id = ${siteId} ORDER BY id LIMIT 1`;

    const manager = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await apiSignIn(manager, 'qbl');
    const page = await manager.newPage();
    await page.addInitScript(() => ((window as unknown as { __esmsToastLatency: number[] }).__esmsToastLatency = []));
    await page.goto('/alarms');
    await expect(page.getByTestId('alert-bell')).toBeVisible();
    await page.waitForTimeout(1000); // socket connected and in its rooms

    const regulator = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await apiSignIn(regulator, 'minzong');
    const countsBefore = await (await regulator.request.get('/api/hazards/counts')).json();

    // the fault: an alarm row as the ingest worker writes it (the trigger queues the notification in the same transaction)
    await sql`UPDATE alarms SET cleared_at = now() WHERE device_id = ${dev.id} AND ch = 1 AND type = 'abnormal_heating' AND cleared_at IS NULL`;
    const t0 = Date.now();
    const [alarm] = await sql`
      INSERT INTO alarms (site_id, device_id, ch, type, severity, opened_at, value, threshold, reason_zh)
      VALUES (${siteId}, ${dev.id}, 1, 'abnormal_heating', 'alarm', now(), 78.2, 65, 'B 相端子比 A/C 相高 21 K（等负载），疑似接头松动')
      RETURNING id`;
    const toast = page.getByTestId('alarm-toast').filter({ hasText: '接点异常发热' }).first();
    await expect(toast).toBeVisible({ timeout: 5000 });
    const seen = Date.now() - t0;
    const inPage = await page.evaluate(() => (window as unknown as { __esmsToastLatency: number[] }).__esmsToastLatency);
    console.log(`[latency] alarm row inserted → toast visible: ${seen} ms (event → toast in page: ${inPage.join(', ')} ms)`);
    await expect(page.getByTestId('alert-unread')).toBeVisible();

    // acknowledge
    await toast.getByRole('link', { name: /立即处置/ }).click();
    await expect(page).toHaveURL(new RegExp(`/alarms/${alarm.id}$`));
    await page.getByTestId('ack').click();
    await expect(page.getByTestId('alarm-state')).toHaveText(/处置中/);

    // hazard from the alarm
    await page.getByTestId('create-hazard').click();
    await expect(page).toHaveURL(/\/hazards\/\d+$/);
    const hazardUrl = page.url();
    await expect(page.getByTestId('hazard-state')).toContainText('已派发');

    // the manager, on a phone, photographs the fix and submits
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await apiSignIn(phone, 'qbl');
    const mob = await phone.newPage();
    await mob.goto(hazardUrl);
    await mob.getByTestId('hazard-text').fill('已更换烧蚀端子并按力矩紧固，复测 B 相温度 41 °C，恢复正常。');
    await mob.getByTestId('photo-files').setInputFiles({ name: '整改后.jpg', mimeType: 'image/jpeg', buffer: JPEG });
    await expect(mob.locator('figure img')).toHaveCount(1);
    await mob.screenshot({ path: 'test-results/screens/e2e-phone-submit-390.png', fullPage: true });
    await mob.getByTestId('cmd-submit').click();
    await expect(mob.getByTestId('hazard-state')).toContainText('待验收');
    await expect(mob.getByTestId('cmd-verify')).toHaveCount(0); // the rectifier never verifies

    // the regulator verifies and closes
    const reg = await regulator.newPage();
    await reg.goto(hazardUrl);
    await reg.getByTestId('cmd-verify').click();
    await expect(reg.getByTestId('hazard-state')).toContainText('已验收');
    await reg.getByTestId('cmd-close').click();
    await expect(reg.getByTestId('hazard-state')).toContainText('已销号');
    await expect(reg.getByTestId('hazard-history')).toContainText('销号');

    const countsAfter = await (await regulator.request.get('/api/hazards/counts')).json();
    expect(countsAfter.closedThisMonth).toBe(countsBefore.closedThisMonth + 1);
    expect(countsAfter.open).toBe(countsBefore.open);
    expect(countsAfter.total).toBe(countsBefore.total + 1);
    await reg.goto('/hazards');
    await expect(reg.getByTestId('count-closed')).toHaveText(String(countsAfter.closedThisMonth));
  } finally {
    await sql.end();
  }
});
