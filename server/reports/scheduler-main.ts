/**
 * The report scheduler process: every minute, runs due report schedules (server/reports/schedules.ts).
 * Start: `DATABASE_URL=… node --import tsx server/reports/scheduler-main.ts` (the launcher may supervise it like
 * the other workers: it sends {type:'ready'} over IPC and stops on SIGTERM/SIGINT).
 */
import { createSql } from '../../db/client.ts';
import { runDueSchedules } from './schedules.ts';
import { closeBrowser } from './pdf.ts';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set');
const sql = createSql(url, { max: 3, app: 'esms-report-scheduler' });
const every = Number(process.env.REPORT_SCHEDULER_INTERVAL_S ?? 60) * 1000;
let stopping = false;
let timer: NodeJS.Timeout | null = null;

async function tick() {
  try {
    const r = await runDueSchedules(sql);
    if (r.ran || r.failed) console.log(JSON.stringify({ msg: 'report schedules', ...r, at: new Date().toISOString() }));
  } catch (e) {
    console.error('[report-scheduler]', e);
  }
  if (!stopping) timer = setTimeout(tick, every);
}

async function stop() {
  stopping = true;
  if (timer) clearTimeout(timer);
  await closeBrowser();
  await sql.end({ timeout: 2 });
  process.exit(0);
}
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
process.send?.({ type: 'ready' });
void tick();
