/**
 * Sign-in and the map on the full system: scoped site counts equal the database, scope
 * violations are refused over HTTP and socket.io, failed sign-ins are explained in Chinese and rate-limited.
 * Screenshots of /login and /map at 1920×1080 and 390×844 go to test-results/screens/.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { io } from 'socket.io-client';
import { createSql, type Sql } from '../../platform/db.ts';
import { DEMO_PASSWORD } from '../../db/seed/demo-accounts.ts';
import type { JoinAck } from '../../lib/events/realtime.ts';
import { apiSignIn, fillSignIn } from './helpers/sign-in.ts';

const BASE = () => process.env.E2E_BASE_URL!;
const SHOTS = 'test-results/screens';
const PHONE = { width: 390, height: 844 };

let sql: Sql;
test.beforeAll(() => {
  sql = createSql(process.env.E2E_PG_URL!, { max: 2, app: 'e2e-auth-map' });
});
test.afterAll(async () => {
  await sql?.end();
});

async function mapReady(page: Page) {
  await expect(page.getByTestId('site-map')).toHaveAttribute('data-ready', '1', { timeout: 60_000 });
  await expect(page.getByTestId('site-map')).toHaveAttribute('data-counties', '11');
  await expect(page.getByTestId('site-count')).toBeVisible();
}

function socketJoin(cookie: string, room: string): Promise<{ hello: string[]; ack: JoinAck }> {
  return new Promise((resolve, reject) => {
    const s = io(BASE(), { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false, timeout: 10_000 });
    const t = setTimeout(() => (s.disconnect(), reject(new Error('socket timeout'))), 15_000);
    s.on('connect_error', (e) => (clearTimeout(t), s.disconnect(), reject(e)));
    s.on('hello', (h) => {
      s.emit('join', room, (ack: JoinAck) => {
        clearTimeout(t);
        s.disconnect();
        resolve({ hello: h.rooms, ack });
      });
    });
  });
}

test('unauthenticated visitors are sent to /login and back to where they were going', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/map');
  await expect(page).toHaveURL(/\/login\?next=%2Fmap|\/login\?next=\/map/);
  await expect(page.getByRole('heading', { name: '昌都市智慧式用电安全管理平台' })).toBeVisible();
  const violations = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(violations.map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/login-1920.png` });
  // empty submit: inline messages in Chinese, no request
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('请输入用户名')).toBeVisible();
  await expect(page.getByText('请输入密码')).toBeVisible();
});

test('city leader: counties drawn, every site counted, live connection', async ({ page }) => {
  const [{ n }] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM sites`;
  await page.goto('/map');
  await fillSignIn(page, 'leader');
  await expect(page).toHaveURL(/\/map$/);
  await mapReady(page);
  await expect(page.getByTestId('site-count')).toHaveAttribute('data-count', String(n));
  await expect(page.getByTestId('site-map')).toHaveAttribute('data-sites-drawn', String(n));
  await expect(page.getByTestId('user-badge')).toContainText('市领导');
  await expect(page.getByTestId('freshness')).toHaveAttribute('data-state', 'live', { timeout: 30_000 });
  await page.waitForTimeout(1500); // let the basemap's labels settle for the screenshot
  await page.screenshot({ path: `${SHOTS}/map-1920-leader.png` });

  // a category toggle hides its sites without refetching
  const [{ t }] = await sql<{ t: number }[]>`SELECT count(*)::int AS t FROM sites WHERE category = 'temple'`;
  await page.getByTestId('cat-temple').uncheck();
  await expect(page.getByTestId('site-map')).toHaveAttribute('data-sites-drawn', String(n - t));
  await page.getByTestId('cat-temple').check();

  // sign out ends the session
  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/map');
  await expect(page).toHaveURL(/\/login/);
});

test("county officer (karuo): exactly Karuo's sites; a site card opens", async ({ page }) => {
  const [{ n }] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM sites WHERE county_adcode = 540302`;
  await page.goto('/login');
  await fillSignIn(page, 'karuo');
  await mapReady(page);
  await expect(page.getByTestId('site-count')).toHaveAttribute('data-count', String(n));
  const counties = await page.evaluate(async () => {
    const r = await fetch('/api/sites');
    const body = (await r.json()) as { sites: { county: number; id: string; lon: number; lat: number }[] };
    return { counties: [...new Set(body.sites.map((s) => s.county))], first: body.sites[0] };
  });
  expect(counties.counties).toEqual([540302]);

  // hover + click the first site: tooltip, then the card
  const pt = await page.evaluate(({ lon, lat }) => {
    const m = (window as unknown as { __esmsMap: { project(p: [number, number]): { x: number; y: number }; getContainer(): HTMLElement } })
      .__esmsMap;
    const p = m.project([lon, lat]);
    const r = m.getContainer().getBoundingClientRect();
    return { x: p.x + r.left, y: p.y + r.top };
  }, counties.first);
  await page.mouse.move(pt.x, pt.y);
  await expect(page.getByTestId('site-tooltip')).toBeVisible();
  await page.mouse.click(pt.x, pt.y);
  await expect(page.getByTestId('site-card')).toBeVisible();
  await expect(page.getByTestId('site-card')).toContainText('卡若区');
  await expect(page.getByTestId('card-devices')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/map-1920-karuo-card.png` });
});

test('scope violations are refused: HTTP 404 like a missing site, and socket joins {ok:false}', async ({ request }) => {
  const cookie = await apiSignIn(request, 'karuo');
  const [other] = await sql<{ id: string }[]>`SELECT id FROM sites WHERE county_adcode = 540321 LIMIT 1`;
  const [own] = await sql<{ id: string }[]>`SELECT id FROM sites WHERE county_adcode = 540302 LIMIT 1`;

  const r = await request.get(`/api/sites/${other.id}`, { headers: { cookie } });
  expect(r.status()).toBe(404);
  const missing = await request.get('/api/sites/NO-SUCH-SITE', { headers: { cookie } });
  expect(missing.status()).toBe(404);
  // no existence oracle: an out-of-scope site answers exactly like one that does not exist
  expect(await r.json()).toEqual(await missing.json());
  expect((await request.get(`/api/sites/${own.id}`, { headers: { cookie } })).status()).toBe(200);
  expect((await fetch(`${BASE()}/api/sites/${own.id}`)).status).toBe(401);

  const county = await socketJoin(cookie, 'county:540321');
  expect(county.hello).toEqual(['county:540302']);
  expect(county.ack).toMatchObject({ ok: false });
  expect((await socketJoin(cookie, `site:${other.id}`)).ack).toMatchObject({ ok: false });
  expect((await socketJoin(cookie, 'all')).ack).toMatchObject({ ok: false });
  expect((await socketJoin(cookie, `site:${own.id}`)).ack).toMatchObject({ ok: true });
});

test('wrong password: a Chinese message; the 6th failure is 429', async ({ page, request }) => {
  await page.goto('/login');
  await fillSignIn(page, 'minzheng', 'wrong-password');
  await expect(page.getByTestId('login-error')).toHaveText(/用户名或密码错误/);
  await page.screenshot({ path: `${SHOTS}/login-1920-error.png` });
  for (let i = 2; i <= 5; i++) {
    const r = await request.post('/api/auth/login', { data: { username: 'minzheng', password: 'wrong' + i }, headers: { origin: BASE() } });
    expect(r.status()).toBe(401);
  }
  const r6 = await request.post('/api/auth/login', { data: { username: 'minzheng', password: 'wrong6' }, headers: { origin: BASE() } });
  expect(r6.status()).toBe(429);
  expect(Number(r6.headers()['retry-after'])).toBeGreaterThan(0);
  expect((await r6.json()).error.message).toMatch(/登录失败次数过多/);
  // the page shows the same refusal
  await fillSignIn(page, 'minzheng', DEMO_PASSWORD);
  await expect(page.getByTestId('login-error')).toHaveText(/登录失败次数过多/);
  // a cross-site post is refused before any password check
  const csrf = await request.post('/api/auth/login', {
    data: { username: 'leader', password: DEMO_PASSWORD },
    headers: { origin: 'https://evil.example' },
  });
  expect(csrf.status()).toBe(403);
});

test.describe('phone', () => {
  test.use({ viewport: PHONE, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  test('login and map at 390×844', async ({ page }) => {
    await page.goto('/login');
    await page.screenshot({ path: `${SHOTS}/login-390.png` });
    await fillSignIn(page, 'karuo');
    await mapReady(page);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${SHOTS}/map-390.png` });
    // the header keeps name, language and sign-out reachable
    await expect(page.getByTestId('sign-out')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Switch to English' })).toBeVisible();
  });
});
