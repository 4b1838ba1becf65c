/**
 * Ingest worker entry (started by the launcher as a forked child: DATABASE_URL, MQTT_URL, INTERNAL_TOKEN,
 * PORTAL_URL in the environment). Sends {type:'ready'} once subscribed; SIGTERM/SIGINT run the ordered stop()
 * and exit, forcibly after INGEST_STOP_TIMEOUT_MS.
 */
import { logger } from '../../platform/log.ts';
import { watchLoopStalls } from '../../platform/loop-stalls.ts';
import { ingestConfig } from './config.ts';
import { IngestWorker } from './worker.ts';

const log = logger('ingest');
watchLoopStalls(log);
const cfg = ingestConfig();
const worker = new IngestWorker(cfg);

let stopping = false;
async function shutdown(why: string) {
  if (stopping) return;
  stopping = true;
  log.info({ why }, 'shutdown requested');
  const force = setTimeout(() => {
    log.error('stop timed out; exiting');
    process.exit(1);
  }, cfg.stopTimeoutMs);
  force.unref();
  try {
    await worker.stop();
    process.exit(0);
  } catch (e) {
    log.error({ err: (e as Error).message }, 'stop failed');
    process.exit(1);
  }
}
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));
process.on('unhandledRejection', (e) => log.error({ err: String(e) }, 'unhandled rejection'));

try {
  await worker.start();
  process.send?.({ type: 'ready' });
} catch (e) {
  log.fatal({ err: (e as Error).message, stack: (e as Error).stack }, 'ingest failed to start');
  process.exit(1);
}
