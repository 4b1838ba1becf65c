/** Shared by the big-screen specs: readiness, a settled map, screenshots (sign-in: helpers/sign-in.ts). */
import { expect, type Page, type TestInfo } from '@playwright/test';

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
