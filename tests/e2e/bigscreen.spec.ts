/**
 * The big screen on the full system: the leader's wall draws every county and site; a fault injected
 * through the simulator turns its site red and reaches the ticker; a county clicked on the map (or in the county
 * panel) zooms there and narrows everything; playback replays a stored past alarm; each layer toggle changes
 * what the map draws; the wall switches to English; an unattended wall tours the counties; a county user's and a
 * department user's walls show only their scope (into a site's twin: bigscreen-twin.spec.ts). Screenshots at 1920×1080, 3840×2160 and 5760×2160 go to
 * test-results/screens/bigscreen/ and are attached to the report.
 */
import { test, expect, type Page } from '@playwright/test';
import { createSql, type Sql } from '../../platform/db.ts';
import { BASE, mapSettled, shot, wallReady } from './bigscreen-helpers.ts';
import { apiSignIn, signInVia } from './helpers/sign-in.ts';

const KARUO = 540302;
const JIANGDA = 540321;

let sql: Sql;
test.beforeAll(() => {
  sql = createSql(process.env.E2E_PG_URL!, { max: 2, app: 'e2e-bigscreen' });
});
test.afterAll(async () => {
  await sql`DELETE FROM alarms WHERE reason_zh IN ('e2e-bigscreen-playback', 'e2e-bigscreen-history')`;
  await sql?.end();
});

async function mapShot(page: Page) {
  await mapSettled(page);
  return page.getByTestId('bigscreen-map').screenshot();
}

/** share of the pixels that differ (any channel by > 24) between two screenshots of the same element */
async function changedShare(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ([a64, b64]) => {
      const pixels = async (b: string) => {
        const bytes = Uint8Array.from(atob(b), (c) => c.charCodeAt(0));
        const img = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const c = new OffscreenCanvas(img.width, img.height);
        const g = c.getContext('2d')!;
        g.drawImage(img, 0, 0);
        return g.getImageData(0, 0, img.width, img.height).data;
      };
      const [x, y] = [await pixels(a64), await pixels(b64)];
      if (x.length !== y.length) return 1;
      let n = 0;
      for (let i = 0; i < x.length; i += 4)
        if (Math.abs(x[i] - y[i]) > 24 || Math.abs(x[i + 1] - y[i + 1]) > 24 || Math.abs(x[i + 2] - y[i + 2]) > 24) n++;
      return n / (x.length / 4);
    },
    [a.toString('base64'), b.toString('base64')] as const,
  );
}

/** a point inside the county on screen, at least 14 px from any drawn site (a click there selects the county) */
async function countyPoint(page: Page, adcode: number, sites: { lon: number; lat: number }[]) {
  const box = (await page.getByTestId('bigscreen-map').boundingBox())!;
  const pt = await page.evaluate(
    ({ adcode, sites, w, h }) => {
      const m = window.__bigscreenMap!;
      const px = sites.map((s) => m.project([s.lon, s.lat]));
      for (let y = 120; y < h - 200; y += 9)
        for (let x = 420; x < w - 60; x += 9) {
          const f = m.queryRenderedFeatures([x, y], { layers: ['county-fill'] })[0];
          if (Number(f?.properties?.adcode) !== adcode) continue;
          if (px.every((p) => Math.hypot(p.x - x, p.y - y) > 14)) return { x, y };
        }
      return null;
    },
    { adcode, sites, w: box.width, h: box.height },
  );
  expect(pt, `a free spot in county ${adcode}`).toBeTruthy();
  return { x: box.x + pt!.x, y: box.y + pt!.y };
}

test('leader: counties and sites drawn, live fault turns its site red and reaches the ticker, county filter, playback', async ({
  page,
  request,
}, info) => {
  test.setTimeout(420_000);
  const [{ n }] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM sites`;
  await signInVia(page, 'leader', '/bigscreen?idle=0');
  await wallReady(page);
  await expect(page.getByTestId('bigscreen-map')).toHaveAttribute('data-sites-drawn', String(n));
  await expect(page.getByTestId('kpi-sites-total')).toHaveAttribute('data-value', String(n));
  // sites not fitted yet are named as such, not counted as offline
  const [{ bare }] = await sql<
    { bare: number }[]
  >`SELECT count(*)::int AS bare FROM sites s WHERE NOT EXISTS (SELECT 1 FROM devices d WHERE d.site_id = s.id)`;
  await expect(page.getByTestId('kpi-sites-unconnected')).toHaveAttribute('data-value', String(bare));
  await expect(page.getByTestId('freshness')).toHaveAttribute('data-state', 'live', { timeout: 30_000 });
  await expect(page.getByTestId('clock')).toHaveText(/^\d{2}:\d{2}:\d{2}/);
  await mapSettled(page);
  await shot(page, info, 'bigscreen-1920x1080');
  // 4K: the same design scaled ×2; ultra-wide: the height sets the scale and the map takes the extra width
  for (const [w, h, scale] of [
    [3840, 2160, '2.000'],
    [5760, 2160, '2.000'],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await expect(page.getByTestId('bigscreen-stage')).toHaveAttribute('data-scale', scale);
    await mapSettled(page);
    await shot(page, info, `bigscreen-${w}x${h}`);
  }
  await page.setViewportSize({ width: 1920, height: 1080 });

  // a fault on a Karuo site, injected through the simulator as an administrator
  const [target] = await sql<{ site: string; device: string; ch: number }[]>`
    SELECT s.id AS site, d.id AS device, min(c.ch)::int AS ch FROM sites s JOIN devices d ON d.site_id = s.id JOIN circuits c ON c.device_id = d.id
    WHERE s.county_adcode = ${KARUO} AND s.status = 'normal' AND d.online GROUP BY 1, 2 ORDER BY 1, 2 LIMIT 1`;
  expect(target).toBeTruthy();
  const cookie = await apiSignIn(request, 'admin');
  const inj = await request.post('/api/admin/simulator/inject', {
    data: { device: target.device, ch: target.ch, kind: 'earth_fault', severity: 1, accelerate: 1000 },
    headers: { origin: BASE(), cookie },
  });
  expect(inj.status()).toBe(200);
  const t0 = Date.now();
  // a few 20-s reports: the fault's onset, its growth, the detector's confirmation
  await page.waitForFunction((id) => ['alarm', 'critical'].includes(window.__bigscreen?.siteStatus(id) ?? ''), target.site, {
    timeout: 180_000,
  });
  await expect(page.locator(`[data-testid=ticker-item][data-site="${target.site}"]`).first()).toBeAttached({ timeout: 20_000 });
  console.log(`fault → red + ticker in ${Date.now() - t0} ms`);
  await expect(page.getByTestId('kpi-active-alarms')).not.toHaveAttribute('data-value', '0', { timeout: 20_000 });
  await shot(page, info, 'bigscreen-alarm-1920x1080');

  // county filter from the map: a click inside 江达县 zooms there and narrows the map, the KPIs and the ticker
  const [{ jd }] = await sql<{ jd: number }[]>`SELECT count(*)::int AS jd FROM sites WHERE county_adcode = ${JIANGDA}`;
  const sites: { lon: number; lat: number }[] = (await (await page.request.get('/api/sites')).json()).sites;
  const zoom0 = await page.evaluate(() => window.__bigscreenMap!.getZoom());
  const at = await countyPoint(page, JIANGDA, sites);
  await page.mouse.click(at.x, at.y);
  await expect(page.getByTestId('bigscreen')).toHaveAttribute('data-county', String(JIANGDA));
  await expect(page.getByTestId('county-chip')).toBeVisible();
  await expect(page.getByTestId('bigscreen-map')).toHaveAttribute('data-sites-drawn', String(jd));
  await expect(page.getByTestId('kpi-sites-total')).toHaveAttribute('data-value', String(jd), { timeout: 20_000 });
  await mapSettled(page);
  expect(await page.evaluate(() => window.__bigscreenMap!.getZoom())).toBeGreaterThan(zoom0 + 0.5);
  const jdSites = await page.locator('[data-testid=ticker-item]').evaluateAll((els) => els.map((e) => e.getAttribute('data-site')));
  expect(jdSites.every((s) => s!.startsWith('JD-'))).toBe(true);
  await expect(page.getByTestId('county-panel')).toHaveAttribute('data-filled', '1');
  await shot(page, info, 'bigscreen-county-1920x1080');
  await page.getByTestId('county-clear').click();
  await expect(page.getByTestId('bigscreen')).toHaveAttribute('data-county', '');
  await expect(page.getByTestId('kpi-sites-total')).toHaveAttribute('data-value', String(n), { timeout: 20_000 });

  // the county panel filters too
  await page
    .getByTestId('county-panel')
    .locator('text')
    .filter({ hasText: /^江达县$/ })
    .click();
  await expect(page.getByTestId('bigscreen')).toHaveAttribute('data-county', String(JIANGDA));
  await expect(page.getByTestId('bigscreen-map')).toHaveAttribute('data-sites-drawn', String(jd));
  await page.getByTestId('county-clear').click();
  await expect(page.getByTestId('bigscreen')).toHaveAttribute('data-county', '');

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
  await shot(page, info, 'bigscreen-playback-1920x1080');
  // an hour later it had cleared
  await page.getByTestId('playback-scrub').fill(String(opened.getTime() + 90 * 60_000));
  await page.waitForFunction((id) => window.__bigscreen?.siteStatus(id) !== 'critical', past.id, { timeout: 15_000 });
  await page.getByTestId('go-live').click();
  await expect(page.getByTestId('mode-banner')).toHaveCount(0);
  expect(await page.evaluate(() => window.__bigscreen!.mode())).toBe('live');
});

test('layer toggles each change what the map draws; the wall switches to English and back', async ({ page }, info) => {
  test.setTimeout(240_000);
  // a week of past alarms across the prefecture (a fresh system has almost none) for density and columns
  await sql`
    INSERT INTO alarms (site_id, device_id, ch, type, severity, opened_at, cleared_at, reason_zh)
    SELECT s.id, d.id, 1, 'overload', (ARRAY['warning', 'alarm', 'critical'])[1 + s.n % 3],
           now() - (1 + s.n % 150) * interval '1 hour', now() - (s.n % 150) * interval '1 hour', 'e2e-bigscreen-history'
    FROM (SELECT id, row_number() OVER (ORDER BY id)::int AS n FROM sites) s
    JOIN LATERAL (SELECT id FROM devices WHERE site_id = s.id ORDER BY id LIMIT 1) d ON true
    WHERE s.n % 12 = 0`;
  await signInVia(page, 'leader', '/bigscreen?idle=0');
  await wallReady(page);
  const map = page.getByTestId('bigscreen-map');
  // live status changes move a handful of dots between two shots; a layer changes far more of the map
  const MIN_CHANGE = 0.01;

  // sites coloured by sector: the normal dots take their sector's hue
  let before = await mapShot(page);
  await page.getByTestId('layer-bysector').click();
  await expect(page.getByTestId('layer-bysector')).toHaveAttribute('aria-pressed', 'true');
  expect(await changedShare(page, before, await mapShot(page))).toBeGreaterThan(MIN_CHANGE);
  await page.getByTestId('layer-bysector').click();

  // a sector chip in the legend hides its sites
  const drawn = Number(await map.getAttribute('data-sites-drawn'));
  await page.getByTestId('legend').getByRole('button').first().click();
  await expect(map).not.toHaveAttribute('data-sites-drawn', String(drawn));
  expect(Number(await map.getAttribute('data-sites-drawn'))).toBeLessThan(drawn);
  await page.getByTestId('legend').getByRole('button').first().click();
  await expect(map).toHaveAttribute('data-sites-drawn', String(drawn));

  // alarm density (hexagons from the last 7 days' alarms)
  before = await mapShot(page);
  await page.getByTestId('layer-density').click();
  await expect(map).toHaveAttribute('data-layers', /density/);
  await expect(map).not.toHaveAttribute('data-activity', '0', { timeout: 20_000 });
  expect(await changedShare(page, before, await mapShot(page))).toBeGreaterThan(MIN_CHANGE);
  await shot(page, info, 'bigscreen-density-1920x1080');
  await page.getByTestId('layer-density').click();
  await expect(map).not.toHaveAttribute('data-layers', /density/);

  // 3D risk columns: the map tilts and columns rise
  before = await mapShot(page);
  await page.getByTestId('layer-columns').click();
  await expect(map).toHaveAttribute('data-layers', /risk-columns/);
  await expect.poll(() => page.evaluate(() => window.__bigscreenMap!.getPitch()), { timeout: 10_000 }).toBeGreaterThan(40);
  expect(await changedShare(page, before, await mapShot(page))).toBeGreaterThan(MIN_CHANGE);
  await shot(page, info, 'bigscreen-columns-1920x1080');
  await page.getByTestId('layer-columns').click();
  await expect.poll(() => page.evaluate(() => window.__bigscreenMap!.getPitch()), { timeout: 10_000 }).toBeLessThan(1);

  // county choropleths: coverage, then open hazards (each colours the counties)
  for (const id of ['choro-coverage', 'choro-hazards'] as const) {
    before = await mapShot(page);
    await page.getByTestId(id).click();
    await expect(map).toHaveAttribute('data-choro', id === 'choro-coverage' ? 'coverage' : 'hazards');
    const fill = await page.evaluate(() => window.__bigscreenMap!.getPaintProperty('bs-choro', 'fill-color'));
    expect(Array.isArray(fill) && fill[0] === 'match').toBe(true);
    expect(await changedShare(page, before, await mapShot(page))).toBeGreaterThan(0.1);
  }
  await shot(page, info, 'bigscreen-choropleth-1920x1080');
  await page.getByTestId('choro-hazards').click();
  await expect(map).toHaveAttribute('data-choro', 'none');

  // sites off: the dots go
  before = await mapShot(page);
  await page.getByTestId('layer-sites').click();
  await expect(map).toHaveAttribute('data-sites-drawn', '0');
  expect(await changedShare(page, before, await mapShot(page))).toBeGreaterThan(MIN_CHANGE);
  await page.getByTestId('layer-sites').click();
  await expect(map).toHaveAttribute('data-sites-drawn', String(drawn));

  // English: title, panels, and the map's county names (drawn above the dots) change
  before = await mapShot(page);
  await page.getByTestId('lang-toggle').click();
  await expect(page.getByTestId('bigscreen')).toHaveAttribute('data-lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Changdu Smart Electrical-Safety Platform');
  await expect(page.getByTestId('kpi-panel')).toContainText('Overview');
  await expect(page.getByTestId('legend')).toContainText('Critical');
  await expect(page.getByTestId('county-panel')).toContainText('Jomda');
  expect(await changedShare(page, before, await mapShot(page))).toBeGreaterThan(0.005);
  await shot(page, info, 'bigscreen-en-1920x1080');
  await page.getByTestId('lang-toggle').click();
  await expect(page.getByTestId('bigscreen')).toHaveAttribute('data-lang', 'zh');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('昌都市智慧式用电安全管理平台');
});

test('an unattended wall tours the counties; any input stops the tour', async ({ page }) => {
  test.setTimeout(120_000);
  // unattended after 3 s, 4 s per county (the defaults are 60 s and 12 s)
  await signInVia(page, 'leader', '/bigscreen?idle=3&tour=4');
  await wallReady(page);
  const c0 = await page.evaluate(() => window.__bigscreenMap!.getCenter());
  await expect(page.getByTestId('tour-badge')).toBeVisible({ timeout: 15_000 });
  await page.waitForFunction(() => (window.__bigscreen?.tourStop() ?? -1) >= 0);
  // the camera went to the first county
  await expect
    .poll(
      async () => {
        const c = await page.evaluate(() => window.__bigscreenMap!.getCenter());
        return Math.hypot(c.lng - c0.lng, c.lat - c0.lat);
      },
      { timeout: 10_000 },
    )
    .toBeGreaterThan(0.05);
  const first = await page.evaluate(() => window.__bigscreen!.tourStop());
  await page.waitForFunction((s) => window.__bigscreen!.tourStop() !== s, first, { timeout: 12_000 });
  // somebody touches the mouse: the wall is theirs again
  await page.mouse.move(200, 300);
  await page.mouse.move(240, 320);
  await expect(page.getByTestId('tour-badge')).toHaveCount(0, { timeout: 5000 });
  // stopped (it may rightly resume once the wall has been left alone for the 3 s again, so poll closely)
  await expect.poll(() => page.evaluate(() => window.__bigscreen!.tourStop()), { timeout: 5000, intervals: [100] }).toBe(-1);
});

test('a county user’s wall shows only its county', async ({ page }) => {
  const [{ n }] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM sites WHERE county_adcode = ${KARUO}`;
  await signInVia(page, 'karuo', '/bigscreen?idle=0');
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

test('a department user’s wall shows only its sector', async ({ page }) => {
  // 市教育局: boarding schools only
  const [{ n }] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM sites WHERE category = 'school'`;
  expect(n).toBeGreaterThan(0);
  await signInVia(page, 'edu', '/bigscreen?idle=0');
  await wallReady(page);
  await expect(page.getByTestId('bigscreen-map')).toHaveAttribute('data-sites-drawn', String(n));
  await expect(page.getByTestId('kpi-sites-total')).toHaveAttribute('data-value', String(n));
  // the sector panel and the legend know one sector only
  await expect(page.getByTestId('legend').getByRole('button')).toHaveCount(1);
  const body = await (await page.request.get('/api/bigscreen/summary')).json();
  expect(body.sectors.map((s: { category: string }) => s.category)).toEqual(['school']);
  const schools = new Set((await sql<{ id: string }[]>`SELECT id FROM sites WHERE category = 'school'`).map((r) => r.id));
  const tickerSites = await page.locator('[data-testid=ticker-item]').evaluateAll((els) => els.map((e) => e.getAttribute('data-site')));
  expect(tickerSites.every((id) => schools.has(id!))).toBe(true);
});
