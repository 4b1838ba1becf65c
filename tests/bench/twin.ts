/**
 * Benchmark of the site twin on the large showcase site (KR-TMP-001, ~600 circuits), in Debian's Chromium
 * (software WebGL: the page picks its low-quality path there, see app/sites/[id]/scene/quality.ts).
 * Measures: time to first frame of a cold load (ms since navigation start); while 1 Hz deltas for every
 * circuit arrive (synthetic, injected in the page like socket deltas, on top of whatever the simulator
 * sends): frames drawn with the camera at rest (render on demand: about one per delta) and the frame rate
 * while the camera turns (as when a user drags), at the page's own quality and forced high quality; the
 * main-thread cost of one delta and of one frame; JS heap + live WebGL objects after 20 SPA navigations in and
 * out (GC forced through CDP). Prints a table, then one JSON line last.
 *   npm run bench:twin            (starts the system on free ports with a temp data folder)
 *   E2E_BASE_URL=http://… npm run bench:twin
 */
import { chromium, type Page } from '@playwright/test';
import globalSetup from '../e2e/global-setup.ts';

const SITE = process.env.BENCH_SITE ?? 'KR-TMP-001';
const NAVS = Number(process.env.BENCH_NAVS ?? 20);
const USER = process.env.BENCH_USER ?? 'admin';

type W = {
  __twin?: {
    firstFrameAt: number | null;
    frames: number;
    renderMs: number;
    moving: boolean;
    circuits: number;
    quality: { level: string; renderer: string };
    info: { memory: { geometries: number; textures: number }; render: { calls: number; triangles: number } };
    live: { geometries: number; textures: number; materials: number; engines: number };
    injectDelta(l: unknown[]): void;
    orbit(rad: number): void;
    disposed?: boolean;
  };
};

async function waitTwin(page: Page) {
  await page.waitForFunction(() => {
    const t = (window as unknown as W).__twin;
    return !!t && !t.disposed && t.firstFrameAt != null && !t.moving;
  }, null, { timeout: 90_000 });
}

/** 10 s of 1 Hz deltas for every circuit; with `turn`, the camera also turns every animation frame. */
function underDeltas(page: Page, turn: boolean) {
  return page.evaluate(async (turn) => {
    const t = (window as unknown as W).__twin!;
    const res = await fetch(location.pathname.replace('/sites/', '/api/sites/') + '/twin').then((r) => r.json());
    const ids: number[] = res.circuits.map((c: { id: number }) => c.id);
    let deltaMs = 0;
    let deltas = 0;
    const tick = () => {
      const a = performance.now();
      t.injectDelta(ids.map((id) => ({ circuitId: id, ts: Date.now(), ia: Math.random() * 20, ta: 15 + Math.random() * 50, ir: Math.random() * 30 })));
      deltaMs += performance.now() - a;
      deltas++;
    };
    let on = true;
    const spin = () => {
      if (!on) return;
      t.orbit(0.004);
      requestAnimationFrame(spin);
    };
    const [f0, r0, t0] = [t.frames, t.renderMs, performance.now()];
    tick();
    const timer = setInterval(tick, 1000);
    if (turn) spin();
    await new Promise((r) => setTimeout(r, 10_000));
    clearInterval(timer);
    on = false;
    const frames = t.frames - f0;
    return { fps: (frames * 1000) / (performance.now() - t0), deltaMs: deltaMs / deltas, frameMs: (t.renderMs - r0) / Math.max(1, frames), quality: t.quality.level, renderer: t.quality.renderer };
  }, turn);
}

async function main() {
  const teardown = process.env.E2E_BASE_URL ? null : await globalSetup();
  const base = process.env.E2E_BASE_URL!;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium',
    args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--enable-precise-memory-info', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
    const login = await ctx.request.post(`${base}/api/auth/login`, { data: { username: USER, password: 'Changdu@2018' }, headers: { origin: base } });
    if (!login.ok()) throw new Error(`login failed: ${login.status()}`);
    // tsx (esbuild keepNames) wraps functions handed to page.evaluate in __name(); give the page that helper
    await ctx.addInitScript('window.__name = (f) => f');
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Performance.enable');

    // warm the server (route compilation, caches), then measure a cold page load
    await page.goto(`${base}/sites/${SITE}`);
    await waitTwin(page);
    const firstFrames: number[] = [];
    for (let i = 0; i < 3; i++) {
      await page.goto(`${base}/sites/${SITE}`);
      await waitTwin(page);
      firstFrames.push(await page.evaluate(() => (window as unknown as W).__twin!.firstFrameAt!));
    }
    firstFrames.sort((a, b) => a - b);
    const firstFrameMs = Math.round(firstFrames[1]);

    // 1 Hz deltas for every circuit: at rest (frames on demand), then turning (the interactive frame rate),
    // at the page's own quality; then turning again with high quality forced, for comparison
    const rest = await underDeltas(page, false);
    const turning = await underDeltas(page, true);
    await page.goto(`${base}/sites/${SITE}?quality=high`);
    await waitTwin(page);
    const high = await underDeltas(page, true);
    await page.goto(`${base}/sites/${SITE}`);
    await waitTwin(page);
    const fps = turning.fps;
    const info = await page.evaluate(() => {
      const t = (window as unknown as W).__twin!;
      return { calls: t.info.render.calls, triangles: t.info.render.triangles, geometries: t.info.memory.geometries, textures: t.info.memory.textures, circuits: t.circuits };
    });

    const gc = async () => {
      for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
      await page.waitForTimeout(300);
    };
    const heapMb = async () => {
      const m = (await cdp.send('Performance.getMetrics')).metrics.find((x) => x.name === 'JSHeapUsedSize');
      return (m?.value ?? 0) / 1048576;
    };
    const live = () => page.evaluate(() => ({ ...(window as unknown as W).__twin!.live }));
    // SPA navigations through the page's own links (next/link): twin → list view → twin
    const toPlan = async () => {
      await page.getByTestId('twin-plan-link').click({ timeout: 90_000 });
      await page.getByTestId('twin-plan').waitFor({ timeout: 90_000 });
    };
    const toTwin = async () => {
      await page.getByTestId('twin-plan-3d').click({ timeout: 90_000 });
      await waitTwin(page);
    };

    await toPlan();
    await toTwin();
    await gc();
    const heap0 = await heapMb();
    const live0 = await live();
    const rows: string[] = [];
    for (let i = 1; i <= NAVS; i++) {
      await toPlan();
      await toTwin();
      if (i % 5 === 0) {
        await gc();
        const l = await live();
        rows.push(`  nav ${String(i).padStart(2)}  heap ${(await heapMb()).toFixed(1).padStart(6)} MB  live geometries ${l.geometries}  textures ${l.textures}  materials ${l.materials}  engines ${l.engines}`);
      }
    }
    await gc();
    const heap1 = await heapMb();
    const live1 = await live();
    const heapGrowthMb = Math.round((heap1 - heap0) * 10) / 10;
    const leakedGeometries = live1.geometries - live0.geometries;

    console.log(`
twin benchmark — site ${SITE} (${info.circuits} circuits), Chromium + SwiftShader, 1920×1080
  first frame (cold load, median of 3, ms since navigation start)  ${firstFrameMs} ms   [${firstFrames.map(Math.round).join(', ')}]   target ≤ 1500
  GL renderer                                                      ${turning.renderer} → quality '${turning.quality}'
  1 Hz deltas for all circuits, camera at rest                     ${rest.fps.toFixed(2)} frames/s (on demand)   ${rest.deltaMs.toFixed(1)} ms main thread per delta
  1 Hz deltas + camera turning, quality '${turning.quality}'                   ${fps.toFixed(1)} fps   ${turning.frameMs.toFixed(1)} ms main thread per frame
  1 Hz deltas + camera turning, quality 'high' (forced)            ${high.fps.toFixed(1)} fps   ${high.frameMs.toFixed(1)} ms main thread per frame
  draw calls / triangles per frame                                 ${info.calls} / ${info.triangles}
  renderer.info.memory                                             geometries ${info.geometries}, textures ${info.textures}
  after ${NAVS} navigations twin ⇄ plan (GC forced):
    JS heap      ${heap0.toFixed(1)} MB → ${heap1.toFixed(1)} MB   (growth ${heapGrowthMb} MB)
    live WebGL   geometries ${live0.geometries} → ${live1.geometries}, textures ${live0.textures} → ${live1.textures}, engines ${live0.engines} → ${live1.engines}
${rows.join('\n')}`);
    console.log(JSON.stringify({ bench: 'twin', firstFrameMs, fps: Math.round(fps * 10) / 10, heapGrowthMb, leakedGeometries, fpsHigh: Math.round(high.fps * 10) / 10, framesPerSecAtRest: Math.round(rest.fps * 100) / 100 }));
  } finally {
    await browser.close();
    await teardown?.();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
