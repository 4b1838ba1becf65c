/**
 * HTML → PDF with Debian's Chromium (playwright-core, no downloads). One browser per process, launched on first
 * use and closed after 5 idle minutes; each report gets its own page. Page numbers via the footer template
 * (the cover page has no margins, so no footer).
 */
import type { Browser } from 'playwright-core';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { env } from '../../platform/env.ts';

const KEY = Symbol.for('esms.reports.browser');
type Holder = { browser: Promise<Browser> | null; idle: NodeJS.Timeout | null; busy: number };
type G = typeof globalThis & { [KEY]?: Holder };
const holder = (): Holder => ((globalThis as G)[KEY] ??= { browser: null, idle: null, busy: 0 });

export const PDFUNITE = env.PDFUNITE_PATH;
export const CHROMIUM_PATH = env.CHROMIUM_PATH;

async function launch(): Promise<Browser> {
  // a computed specifier keeps the bundler (Next route handlers) from trying to bundle playwright-core
  const spec = ['playwright', 'core'].join('-');
  const { chromium } = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ spec)) as typeof import('playwright-core');
  const b = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--font-render-hinting=none', '--disable-background-networking', '--no-first-run'],
  });
  b.on('disconnected', () => {
    holder().browser = null;
  });
  return b;
}

async function browser(): Promise<Browser> {
  const h = holder();
  if (h.idle) clearTimeout(h.idle);
  h.idle = null;
  h.browser ??= launch().catch((e) => {
    h.browser = null;
    throw e;
  });
  return h.browser;
}

function release() {
  const h = holder();
  h.busy--;
  if (h.busy > 0) return;
  h.idle = setTimeout(() => void closeBrowser(), 5 * 60_000);
  h.idle.unref?.();
}

export async function closeBrowser() {
  const h = holder();
  const b = h.browser;
  h.browser = null;
  if (b) await (await b).close().catch(() => {});
}

const FOOTER = `<div style="width:100%;font-family:'Noto Sans CJK SC',sans-serif;font-size:8px;color:#666;padding:0 18mm;display:flex;justify-content:space-between;">
<span>昌都市智慧式用电安全管理平台</span><span>第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页</span></div>`;

const HEADER = (title: string) =>
  `<div style="width:100%;font-family:'Noto Sans CJK SC',sans-serif;font-size:8px;color:#888;padding:0 18mm;text-align:right;">${title.replace(/[<>&]/g, '')}</div>`;

/** One document → PDF; `numbered`: header (title) and footer (第 n 页 / 共 m 页). */
export async function htmlToPdf(html: string, opts: { title?: string; numbered?: boolean } = {}): Promise<Buffer> {
  const h = holder();
  h.busy++;
  try {
    const b = await browser();
    const page = await b.newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      const numbered = opts.numbered ?? true;
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: numbered,
        headerTemplate: numbered ? HEADER(opts.title ?? '') : undefined,
        footerTemplate: numbered ? FOOTER : undefined,
        tagged: true,
      });
      return Buffer.from(pdf);
    } finally {
      await page.close().catch(() => {});
    }
  } finally {
    release();
  }
}

/**
 * Cover + numbered body: two renders joined with poppler's pdfunite, so the cover carries no header or page
 * number and the body counts from 1. Without pdfunite: one document, the cover then shows the footer too.
 */
export async function reportPdf(docs: { cover: string; body: string; full: string }, title: string): Promise<Buffer> {
  const [cover, body] = await Promise.all([htmlToPdf(docs.cover, { numbered: false }), htmlToPdf(docs.body, { title })]);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'esms-pdf-'));
  try {
    writeFileSync(path.join(dir, 'a.pdf'), cover);
    writeFileSync(path.join(dir, 'b.pdf'), body);
    await new Promise<void>((resolve, reject) =>
      execFile(/*turbopackIgnore: true*/ PDFUNITE, [path.join(dir, 'a.pdf'), path.join(dir, 'b.pdf'), path.join(dir, 'out.pdf')], { timeout: 20_000 }, (e) => (e ? reject(e) : resolve())),
    );
    return readFileSync(path.join(dir, 'out.pdf'));
  } catch {
    return htmlToPdf(docs.full, { title });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
