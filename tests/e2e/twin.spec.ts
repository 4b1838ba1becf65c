/**
 * The site twin end to end: a temple in 3D with live circuits; a fault injected into the simulator turns its
 * circuit hot and pulsing with the alarm, its reason and the guidance in the side panel; scope refusal;
 * screenshots at three sizes (test-results/screens/twin/).
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

const SITE = 'KR-TMP-001';
const PASSWORD = 'Changdu@2018';

type Twin = {
  firstFrameMs: number | null;
  frames: number;
  disposed?: boolean;
  project(id: number): { x: number; y: number } | null;
  pickAt(x: number, y: number): { kind: string; id: number } | null;
  colorOf(id: number): string;
  isPulsing(id: number): boolean;
};
interface TwinJson {
  circuits: { id: number; deviceId: string; ch: number; nameZh: string; phases: number; loadType: string; buildingId: number }[];
  latest: { circuitId: number; ts: number }[];
  activeAlarms: { circuitId: number | null }[];
}

async function signIn(request: APIRequestContext, username: string) {
  const base = process.env.E2E_BASE_URL!;
  const r = await request.post('/api/auth/login', { data: { username, password: PASSWORD }, headers: { origin: base } });
  expect(r.ok(), `login ${username}`).toBeTruthy();
}

async function openTwin(page: Page, query = '') {
  // tsx-compiled helpers passed to evaluate may reference __name
  await page.addInitScript('window.__name = (f) => f');
  await page.goto(`/sites/${SITE}${query}`);
  await page.waitForFunction(() => {
    const t = (window as unknown as { __twin?: Twin }).__twin;
    return !!t && !t.disposed && t.firstFrameMs != null && t.frames > 3;
  }, null, { timeout: 90_000 });
}

/** A circuit that the 3D view shows unobstructed at its projected point (so a real click hits it). */
async function clickableCircuit(page: Page, ids: number[]): Promise<{ id: number; x: number; y: number }> {
  const hit = await page.evaluate((list) => {
    const t = (window as unknown as { __twin: Twin }).__twin;
    for (const id of list) {
      const p = t.project(id);
      if (!p || p.x < 80 || p.y < 120 || p.x > window.innerWidth - 460 || p.y > window.innerHeight - 40) continue;
      const got = t.pickAt(p.x, p.y);
      if (got?.kind === 'circuit' && got.id === id) return { id, ...p };
    }
    return null;
  }, ids);
  expect(hit, 'some circuit is clickable on screen').not.toBeNull();
  return hit!;
}

test.describe('site twin', () => {
  test.describe.configure({ timeout: 240_000 });

  test('a temple in 3D: click a circuit and watch its values change', async ({ page }) => {
    await signIn(page.request, 'qbl');
    await openTwin(page, '?from=map');
    await expect(page.getByTestId('twin-back')).toHaveAttribute('href', `/map?focus=${SITE}`);
    await expect(page.getByText('措钦大殿').first()).toBeVisible();
    await expect(page.getByTestId('twin-legend')).toBeVisible();
    const twin = (await (await page.request.get(`/api/sites/${SITE}/twin`)).json()) as TwinJson;
    expect(twin.circuits.length).toBeGreaterThan(300);
    // wait for the live pipeline to have data, then pick a circuit that reports
    await expect.poll(async () => ((await (await page.request.get(`/api/sites/${SITE}/twin`)).json()) as TwinJson).latest.length, { timeout: 60_000 }).toBeGreaterThan(0);
    const live = ((await (await page.request.get(`/api/sites/${SITE}/twin`)).json()) as TwinJson).latest.map((l) => l.circuitId);
    const c = await clickableCircuit(page, live);
    await page.mouse.click(c.x, c.y);
    const detail = page.getByTestId('twin-circuit-detail');
    await expect(detail).toBeVisible();
    await expect(detail).toHaveAttribute('data-circuit', String(c.id));
    await expect(page.getByTestId('twin-values')).toContainText('°C');
    const updated = page.getByTestId('twin-updated');
    await expect(updated).not.toHaveAttribute('data-ts', '', { timeout: 60_000 });
    const ts0 = await updated.getAttribute('data-ts');
    await expect(updated).not.toHaveAttribute('data-ts', ts0!, { timeout: 60_000 }); // a newer reading arrived live
    await expect(page.getByTestId('twin-trend')).toBeVisible();
  });

  test('an injected loose connection turns its circuit hot and pulsing, with reason and guidance', async ({ page }) => {
    test.setTimeout(480_000);
    await signIn(page.request, 'admin');
    await openTwin(page);
    const twin = (await (await page.request.get(`/api/sites/${SITE}/twin`)).json()) as TwinJson;
    const busy = new Set(twin.activeAlarms.map((a) => a.circuitId));
    const candidates = twin.circuits.filter((x) => x.phases === 1 && !busy.has(x.id) && (x.loadType === 'sockets' || x.loadType === 'heating'));
    const target = await clickableCircuit(page, candidates.map((x) => x.id));
    const circuit = twin.circuits.find((x) => x.id === target.id)!;
    const inject = await page.request.post('/api/admin/simulator/inject', {
      data: { device: circuit.deviceId, ch: circuit.ch, kind: 'loose_connection', severity: 1, accelerate: 3000 },
      headers: { origin: process.env.E2E_BASE_URL! },
    });
    expect(inject.ok(), await inject.text()).toBeTruthy();
    await page.mouse.click(target.x, target.y);
    const detail = page.getByTestId('twin-circuit-detail');
    await expect(detail).toHaveAttribute('data-circuit', String(circuit.id));
    // the alarm opens (detection on the simulator's readings) and reaches the page live; the terminal's own
    // thermal time constant (150–240 s in the physics) is not accelerated, so allow a few minutes
    await expect(page.getByTestId('twin-alarm').first()).toBeVisible({ timeout: 300_000 });
    await expect(page.getByTestId('twin-alarm-reason').first()).not.toBeEmpty();
    await expect(detail).toHaveAttribute('data-alarm', /abnormal_heating|overtemperature/);
    await expect(page.getByTestId('twin-guidance')).toContainText(/持证电工/);
    await expect(page.getByTestId('twin-guidance')).toContainText(/切勿打开带电的配电箱/);
    const state = await page.evaluate((id) => {
      const t = (window as unknown as { __twin: Twin }).__twin;
      return { color: t.colorOf(id), pulsing: t.isPulsing(id) };
    }, circuit.id);
    expect(state.pulsing).toBe(true);
    expect(['#ffb020', '#ff4d4f', '#ff1f6b']).toContain(state.color);
    await page.getByTestId('twin-guidance').getByRole('button').click();
    await expect(page.getByTestId('twin-guidance')).toContainText(/licensed electrician/);
    await page.request.post('/api/admin/simulator/inject', { data: { device: circuit.deviceId, ch: circuit.ch, kind: 'loose_connection', op: 'clear' }, headers: { origin: process.env.E2E_BASE_URL! } });
  });

  test('users outside the site scope get a refusal, and so does the API', async ({ page }) => {
    await signIn(page.request, 'edu'); // education regulator: schools only
    const api = await page.request.get(`/api/sites/${SITE}/twin`);
    expect(api.status()).toBe(403);
    await page.goto(`/sites/${SITE}`);
    await expect(page.getByTestId('twin-forbidden')).toContainText('403');
    await expect(page.getByTestId('twin-forbidden')).toContainText('无权查看该场所');
    const trend = await page.request.get(`/api/sites/${SITE}/circuits/1/trend?range=hour`);
    expect(trend.status()).toBe(403);
  });

  for (const [w, h] of [[1920, 1080], [3840, 2160], [390, 844]] as const) {
    test(`screenshot ${w}×${h}`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      await signIn(page.request, 'qbl');
      await openTwin(page);
      await page.waitForTimeout(2500);
      await page.screenshot({ path: `test-results/screens/twin/twin-${w}x${h}.png` });
      await page.getByRole('button', { name: /^(实景|Exterior)$/ }).click();
      await page.waitForTimeout(1200);
      await page.screenshot({ path: `test-results/screens/twin/twin-${w}x${h}-exterior.png` });
    });
  }
});
