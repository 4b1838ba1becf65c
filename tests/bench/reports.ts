/**
 * Reports bench (`npm run bench:reports`): its own throwaway PostGIS cluster, migrated and seeded (1,600 sites,
 * ~58k circuits), then a year of operations backfilled with COPY (tests/bench/reports-backfill.ts: ~100k
 * alarms, ~10k hazards, a year of per-site daily aggregates — what reports read — and hourly rollups of a
 * sample of circuits). Times the city-wide annual report (figures + charts + PDF), the monthly report and
 * the coverage matrix. Readable table, then LAST LINE the JSON summary.
 */
import getPort from 'get-port';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalPostgres, destroyLocalPostgres } from '../../platform/infra/pg-local.ts';
import { createSql } from '../../platform/db.ts';
import { runMigrations } from '../../db/migrate.ts';
import { seedDatabase } from '../../db/seed/index.ts';
import { loadPrincipalForUser } from '../../platform/principal.ts';
import { buildReport } from '../../server/reports/data.ts';
import { renderReport } from '../../server/reports/files.ts';
import { closeBrowser, htmlToPdf } from '../../server/reports/pdf.ts';
import { rollupDay } from '../../server/reports/rollup.ts';
import { coverageMatrix } from '../../server/rollout/coverage.ts';
import { previousPeriodParams } from '../../lib/domain/reports/period.ts';
import { backfillYear } from './reports-backfill.ts';

const TARGETS = { annualReportMs: 10_000, monthlyReportMs: 2_000, coverageMatrixMs: 300 };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function time(n: number, f: () => Promise<unknown>) {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await f();
    ms.push(performance.now() - t);
  }
  return Math.round(median(ms));
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'esms-bench-reports-'));
chmodSync(tmp, 0o755);
const pg = startLocalPostgres({ dataDir: path.join(tmp, 'pg'), port: await getPort({ port: Array.from({ length: 1000 }, (_, i) => 61000 + i) }) });
const sql = createSql(pg.url, { max: 10, app: 'bench-reports' });
try {
  const t0 = performance.now();
  await runMigrations(sql);
  const seed = await seedDatabase(sql, {});
  const setupMs = Math.round(performance.now() - t0);
  const now = new Date();
  // the whole previous calendar year (the annual report) and this year to date (the monthly report), Beijing time
  const yearStart = new Date(Date.UTC(new Date(now.getTime() + 8 * 3600_000).getUTCFullYear() - 1, 0, 1) - 8 * 3600_000);
  const bf = await backfillYear(sql, { start: yearStart, end: now, alarms: 100_000 });
  const [{ id }] = await sql<{ id: number }[]>`SELECT id FROM users WHERE username = 'anweiban'`;
  const p = (await loadPrincipalForUser(sql, id))!;
  const bj = new Date(now.getTime() + 8 * 3600_000);
  const annualReq = { kind: 'annual' as const, year: bj.getUTCFullYear() - 1 };
  const monthlyReq = previousPeriodParams('monthly', now);

  await htmlToPdf('<p>warm-up</p>'); // the portal keeps one Chromium running; its cold start is reported apart
  const coldT = performance.now();
  await closeBrowser();
  await htmlToPdf('<p>cold</p>');
  const chromiumColdMs = Math.round(performance.now() - coldT);

  const pages: Record<string, number> = {};
  const annualDataMs = await time(3, () => buildReport(sql, p, annualReq));
  const annualReportMs = await time(3, async () => {
    const m = await buildReport(sql, p, annualReq);
    const f = await renderReport(m, 'pdf');
    pages.annual = f.data.length;
  });
  const annualXlsxMs = await time(1, async () => renderReport(await buildReport(sql, p, annualReq), 'xlsx'));
  const monthlyDataMs = await time(3, () => buildReport(sql, p, monthlyReq));
  const monthlyReportMs = await time(3, async () => {
    const m = await buildReport(sql, p, monthlyReq);
    const f = await renderReport(m, 'pdf');
    pages.monthly = f.data.length;
  });
  await coverageMatrix(sql, p, {});
  const coverageMatrixMs = await time(7, () => coverageMatrix(sql, p, {}));
  const [{ day }] = await sql<{ day: string }[]>`SELECT (max(bucket) AT TIME ZONE 'Asia/Shanghai')::date::text AS day FROM readings_1h`;
  const rollupDayMs = await time(1, () => rollupDay(sql, day));
  const [counts] = await sql<{ alarms: number; hazards: number; site_days: number; r1h: number }[]>`
    SELECT (SELECT count(*) FROM alarms)::int AS alarms, (SELECT count(*) FROM hazards)::int AS hazards,
           (SELECT count(*) FROM site_daily_stats)::int AS site_days, (SELECT count(*) FROM readings_1h)::int AS r1h`;

  const rows: [string, string, string][] = [
    ['cluster + migrate + seed', `${setupMs} ms`, `${seed.sites} sites, ${seed.circuits} circuits`],
    ['backfill (COPY)', `${bf.ms} ms`, `${counts.alarms} alarms, ${counts.hazards} hazards, ${counts.site_days} site-days, ${counts.r1h} readings_1h (sample)`],
    ['chromium cold start', `${chromiumColdMs} ms`, 'once per portal process (kept warm 5 min)'],
    [`annual report figures (${annualReq.year})`, `${annualDataMs} ms`, 'queries + narrative'],
    ['annual report → PDF', `${annualReportMs} ms`, `target ≤ ${TARGETS.annualReportMs} ms · ${(pages.annual / 1024).toFixed(0)} KiB`],
    ['annual report → XLSX', `${annualXlsxMs} ms`, ''],
    [`monthly report figures (${monthlyReq.year}-${monthlyReq.month})`, `${monthlyDataMs} ms`, ''],
    ['monthly report → PDF', `${monthlyReportMs} ms`, `target ≤ ${TARGETS.monthlyReportMs} ms · ${(pages.monthly / 1024).toFixed(0)} KiB`],
    ['coverage matrix (city)', `${coverageMatrixMs} ms`, `target ≤ ${TARGETS.coverageMatrixMs} ms`],
    [`site_daily_stats rollup of ${day}`, `${rollupDayMs} ms`, 'from readings_1h'],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  console.log(`\nreports bench — ${os.cpus().length} CPU, medians\n`);
  for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padStart(9)}  ${c}`);
  const ok = annualReportMs <= TARGETS.annualReportMs && monthlyReportMs <= TARGETS.monthlyReportMs && coverageMatrixMs <= TARGETS.coverageMatrixMs;
  console.log(`\ntargets ${ok ? 'met' : 'NOT met'}\n`);
  console.log(JSON.stringify({ bench: 'reports', annualReportMs, monthlyReportMs, coverageMatrixMs }));
} finally {
  await closeBrowser();
  await sql.end();
  destroyLocalPostgres(pg);
  rmSync(tmp, { recursive: true, force: true });
}
