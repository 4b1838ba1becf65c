/** Shared by the big-screen specs: sign-in onto the wall, readiness, a settled map, screenshots. */
import { expect, type Page, type TestInfo } from '@playwright/test';
import { DEMO_PASSWORD } from '../../db/seed/demo-accounts.ts';

export const BASE = () => process.env.E2E_BASE_URL!;
const SHOTS = 'test-results/screens/bigscreen';

export type MapProbe = {
  getZoom(): number;
  getPitch(): number;
  getCenter(): { lng: number; lat: number };
  project(p: [number, number]): { x: number; y: number };
  queryRenderedFeatures(p: [number, number], o: object): { properties?: Record<string, unknown> }[];
  getPaintProperty(layer: string, prop: string): unknown;
  isMoving(): boolean;
  once(e: string, f: () => void): void;
};
declare global {
  interface Window {
    __bigscreenMap?: MapProbe;
    __bigscreenDeckBusy?: () => boolean;
  }
}

export async function signIn(page: Page, username: string, query = '') {
  await page.goto(`/bigscreen${query}`);
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  // back on the wall, with its settings kept through the sign-in
  await page.waitForURL((u) => u.pathname === '/bigscreen');
  expect(new URL(page.url()).search).toBe(query);
}

export async function wallReady(page: Page) {
  await expect(page.getByTestId('bigscreen-map')).toHaveAttribute('data-ready', '1', { timeout: 60_000 });
  await expect(page.getByTestId('bigscreen-map')).toHaveAttribute('data-counties', '11');
  await expect(page.getByTestId('bigscreen')).toHaveAttribute('data-panels', '1', { timeout: 30_000 });
  await page.waitForFunction(() => window.__bigscreen?.firstRenderMs != null && window.__bigscreen?.panelsMs != null);
}

/**
 * the map at rest: no camera animation, tiles and labels placed, deck's last update drawn and shown (it draws
 * updates off screen and shows them once finished), then two frames
 */
export async function mapSettled(page: Page) {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const m = window.__bigscreenMap!;
        const until = performance.now() + 5000;
        const shown = () => (window.__bigscreenDeckBusy?.() && performance.now() < until ? setTimeout(shown, 50) : resolve());
        const done = () => requestAnimationFrame(() => requestAnimationFrame(shown));
        const t = setTimeout(done, 6000);
        const check = () => {
          if (m.isMoving()) return setTimeout(check, 200);
          m.once('idle', () => {
            clearTimeout(t);
            done();
          });
          // an already idle map fires no 'idle' again: nudge a render
          (m as unknown as { triggerRepaint(): void }).triggerRepaint();
        };
        check();
      }),
  );
}

export async function shot(page: Page, info: TestInfo, name: string) {
  const path = `${SHOTS}/${name}.png`;
  await page.screenshot({ path });
  await info.attach(name, { path, contentType: 'image/png' });
}
