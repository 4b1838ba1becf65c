/**
 * Public pages on a phone: LCP, CLS and bytes transferred before images, per page and language, with
 * Debian Chromium at 390×844, CDP network throttling (Fast 3G-like: 150 ms RTT, 1.6 Mbit/s down) and
 * CPU throttling ×4. Cold cache per load; median of BENCH_RUNS (3) loads per page. Starts the system like tests/e2e/global-setup.ts unless
 * E2E_BASE_URL is given. Last line: {"bench":"public","lcpMs":…,"cls":…,"kb":…} (worst page).
 * Run: npm run bench:public   (targets: LCP ≤ 1500 ms, CLS ≤ 0.05, ≤ 300 KB)
 */
import { chromium, type Page } from '@playwright/test';
import globalSetup from '../e2e/global-setup.ts';

const PAGES = ['', '/knowledge', '/cases', '/figures', '/map', '/report'];
const LOCALES = ['zh', 'bo', 'en'];
/** cold loads per page; the median is reported (a shared CI machine is noisy) */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const median = (rs: Omit<Row, 'page'>[]) => ({ lcpMs: mid(rs.map((r) => r.lcpMs)), cls: mid(rs.map((r) => r.cls)), kb: mid(rs.map((r) => r.kb)), imgKb: mid(rs.map((r) => r.imgKb)) });
const NET = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

interface Row {
  page: string;
  lcpMs: number;
  cls: number;
  kb: number;
  imgKb: number;
}

async function measure(page: Page, url: string, then?: (p: Page) => Promise<void>): Promise<Omit<Row, 'page'>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', NET);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const types = new Map<string, string>();
  let bytes = 0;
  let imgBytes = 0;
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    if (types.get(e.requestId) === 'Image') imgBytes += e.encodedDataLength;
    else bytes += e.encodedDataLength;
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __lcp: number; __cls: number };
    w.__lcp = 0;
    w.__cls = 0;
    new PerformanceObserver((l) => l.getEntries().forEach((e) => (w.__lcp = Math.max(w.__lcp, e.startTime)))).observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((l) =>
      l.getEntries().forEach((e) => {
        const s = e as PerformanceEntry & { value: number; hadRecentInput: boolean };
        if (!s.hadRecentInput) w.__cls += s.value;
      }),
    ).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(url, { waitUntil: 'networkidle', timeout: 120_000 });
  if (then) await then(page);
  await page.waitForTimeout(1500); // late shifts (fonts, map frame)
  const m = await page.evaluate(() => {
    const w = window as unknown as { __lcp: number; __cls: number };
    return { lcp: w.__lcp, cls: w.__cls };
  });
  await cdp.detach();
  return { lcpMs: Math.round(m.lcp), cls: Math.round(m.cls * 1000) / 1000, kb: Math.round(bytes / 102.4) / 10, imgKb: Math.round(imgBytes / 102.4) / 10 };
}

async function main() {
  let teardown: (() => Promise<void>) | undefined;
  if (!process.env.E2E_BASE_URL) {
    console.error('starting the system (tests/e2e/global-setup.ts) …');
    teardown = (await globalSetup()) as (() => Promise<void>) | undefined;
  }
  const base = process.env.E2E_BASE_URL!;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium', args: ['--no-sandbox', '--enable-unsafe-swiftshader'] });
  const rows: Row[] = [];
  const extra: Row[] = [];
  try {
    // warm the server (first request of a dynamic page compiles nothing in production, but fills caches)
    for (const l of LOCALES) for (const p of PAGES) await fetch(`${base}/public/${l}${p}`).then((r) => r.text());
    for (const l of LOCALES)
      for (const p of PAGES) {
        const runs: Omit<Row, 'page'>[] = [];
        for (let i = 0; i < RUNS; i++) {
          const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
          runs.push(await measure(await ctx.newPage(), `${base}/public/${l}${p}`));
          await ctx.close();
        }
        rows.push({ page: `/public/${l}${p}`, ...median(runs) });
      }
    // on request only: the zoomable map (maplibre) after the visitor taps "open"; reported, not in the worst line
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const openMap = async (p: Page) => {
      await p.locator('main button').first().click();
      await p.waitForSelector('[data-ready="1"]', { timeout: 120_000 });
    };
    extra.push({ page: '/public/zh/map +tap', ...(await measure(await ctx.newPage(), `${base}/public/zh/map`, openMap)) });
    await ctx.close();
  } finally {
    await browser.close();
    await teardown?.();
  }
  console.log(`${'page'.padEnd(24)} ${'LCP ms'.padStart(7)} ${'CLS'.padStart(6)} ${'KB'.padStart(7)} ${'img KB'.padStart(7)}`);
  for (const r of [...rows, ...extra]) console.log(`${r.page.padEnd(24)} ${String(r.lcpMs).padStart(7)} ${r.cls.toFixed(3).padStart(6)} ${r.kb.toFixed(1).padStart(7)} ${r.imgKb.toFixed(1).padStart(7)}`);
  console.log('targets: LCP ≤ 1500 ms, CLS ≤ 0.05, ≤ 300 KB before images; "+tap" = after opening the zoomable map (on request, not in the worst line)');
  const worst = { lcpMs: Math.max(...rows.map((r) => r.lcpMs)), cls: Math.max(...rows.map((r) => r.cls)), kb: Math.max(...rows.map((r) => r.kb)) };
  console.log(JSON.stringify({ bench: 'public', ...worst }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
