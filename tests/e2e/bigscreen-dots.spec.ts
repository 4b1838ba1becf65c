/**
 * The big screen's site dots on the full system: a live status change reaches the canvas (deck draws
 * updates off screen and shows them once drawn), and the dot under the pointer is the site deck picks: hovering
 * names it, a click opens its card.
 */
import { test, expect, type Page } from '@playwright/test';
import { mapSettled, wallReady } from './bigscreen-helpers.ts';
import { signInVia } from './helpers/sign-in.ts';

/** the colour on screen at a page point (RGB) */
async function pixelAt(page: Page, p: { x: number; y: number }): Promise<number[]> {
  const png = await page.screenshot({ clip: { x: Math.round(p.x), y: Math.round(p.y), width: 1, height: 1 } });
  return page.evaluate(async (b64) => {
    const img = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
    const c = new OffscreenCanvas(1, 1);
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    return [...g.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  }, png.toString('base64'));
}

test('a site’s dot under the pointer: hovering names it, a click opens its card', async ({ page }) => {
  test.setTimeout(180_000);
  await signInVia(page, 'leader', '/bigscreen?idle=0');
  await wallReady(page);
  await mapSettled(page);
  const box = (await page.getByTestId('bigscreen-map').boundingBox())!;
  // a normal site drawn well inside the map and clear of the others (≥ 24 px), so only its dot is under the pointer
  const spot = await page.evaluate(
    async ({ w, h }) => {
      const sites = ((await (await fetch('/api/sites')).json()) as { sites: { id: string; name: string; lon: number; lat: number }[] })
        .sites;
      const m = window.__bigscreenMap!;
      const px = sites.map((s) => ({ s, p: m.project([s.lon, s.lat]) }));
      const free = px.filter(
        ({ s, p }) =>
          window.__bigscreen!.siteStatus(s.id) === 'normal' &&
          p.x > 80 &&
          p.x < w - 80 &&
          p.y > 140 &&
          p.y < h - 240 &&
          px.every((o) => o.p === p || Math.hypot(o.p.x - p.x, o.p.y - p.y) > 24),
      );
      return free.length ? { id: free[0].s.id, name: free[0].s.name, x: free[0].p.x, y: free[0].p.y } : null;
    },
    { w: box.width, h: box.height },
  );
  expect(spot, 'an isolated site on the map').toBeTruthy();
  // a live change reaches the canvas (deck draws updates off screen and shows them once drawn): the dot turns red
  const centre = { x: box.x + spot!.x, y: box.y + spot!.y };
  const before = await pixelAt(page, centre);
  expect(before[0] - before[1], `not red before: ${before}`).toBeLessThan(60);
  await page.evaluate(
    (id) =>
      window.__bigscreen!.inject('sites:delta', {
        v: 1,
        at: Date.now(),
        sites: [{ id, status: 'critical', lastSeenAt: Date.now(), activeAlarms: 1 }],
      }),
    spot!.id,
  );
  await expect
    .poll(
      async () => {
        await mapSettled(page);
        const [r, g] = await pixelAt(page, centre);
        return r - g;
      },
      { timeout: 10_000 },
    )
    .toBeGreaterThan(100);
  // deck picks what it drew: the site is found under its own dot, and nothing 30 px off it
  await page.mouse.move(box.x + spot!.x + 1, box.y + spot!.y);
  const tip = page.getByTestId('map-tooltip');
  await expect(tip).toHaveAttribute('data-site', spot!.id, { timeout: 10_000 });
  await expect(tip).toContainText(spot!.name);
  await page.mouse.move(box.x + spot!.x + 30, box.y + spot!.y + 30);
  await expect(page.locator(`[data-testid=map-tooltip][data-site="${spot!.id}"]`)).toHaveCount(0);
  await page.mouse.click(box.x + spot!.x, box.y + spot!.y + 1);
  await expect(page.getByTestId('site-card')).toHaveAttribute('data-site', spot!.id, { timeout: 10_000 });
});
