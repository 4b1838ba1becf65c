/**
 * From the big screen into a temple's 3D twin: the site card's button flies down onto the site's
 * building footprints before the scene opens, and the twin's way back returns to the wall with that site selected
 * over its footprints. Screenshot: test-results/screens/bigscreen/.
 */
import { test, expect } from '@playwright/test';
import { mapSettled, shot, wallReady } from './bigscreen-helpers.ts';
import { signInVia } from './helpers/sign-in.ts';

test('from the wall into a temple’s 3D twin over its footprints, and back to the same site', async ({ page }, info) => {
  test.setTimeout(180_000);
  const SITE = 'KR-TMP-001'; // 强巴林寺
  // the way back from a twin is /bigscreen?site=ID: that site selected, the view over its footprints
  await signInVia(page, 'leader', `/bigscreen?idle=0&site=${SITE}`);
  await wallReady(page);
  await expect(page.getByTestId('site-card')).toHaveAttribute('data-site', SITE, { timeout: 30_000 });
  await expect.poll(() => page.evaluate(() => window.__bigscreenMap!.getZoom()), { timeout: 30_000 }).toBeGreaterThan(13);
  await mapSettled(page);
  const footprints = () =>
    page.evaluate(() => (window.__bigscreenMap as unknown as { queryRenderedFeatures(o: object): unknown[] }).queryRenderedFeatures({ layers: ['fp-fill'] }).length);
  await expect.poll(footprints, { timeout: 30_000 }).toBeGreaterThan(0);
  await shot(page, info, 'bigscreen-site-footprints-1920x1080');
  // into the twin: the map flies down onto the halls first, then the 3D scene opens
  await page.getByTestId('open-twin').click();
  await expect.poll(() => page.evaluate(() => window.__bigscreenMap?.getZoom() ?? 99), { timeout: 10_000 }).toBeGreaterThan(15);
  await page.waitForURL(new RegExp(`/sites/${SITE}\\?from=bigscreen$`), { timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1, name: '强巴林寺' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('twin-back')).toHaveAttribute('href', `/bigscreen?site=${SITE}`);
  // and back: the same site's card, over its footprints
  await page.getByTestId('twin-back').click();
  await page.waitForURL(new RegExp(`/bigscreen\\?site=${SITE}$`));
  await expect(page.getByTestId('site-card')).toHaveAttribute('data-site', SITE, { timeout: 60_000 });
  await expect.poll(footprints, { timeout: 30_000 }).toBeGreaterThan(0);
});
