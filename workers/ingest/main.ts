/**
 * Ingest worker entry (started by the launcher as a forked child: DATABASE_URL, MQTT_URL, INTERNAL_TOKEN,
 * PORTAL_URL in the environment). Ready once subscribed; a stop runs the worker's ordered stop() (consume →
 * flush → ack → snapshot → close), forcibly after INGEST_STOP_TIMEOUT_MS. Life cycle: platform/process.ts.
 */
import { runProcess } from '../../platform/process.ts';
import { ingestConfig } from './config.ts';
import { IngestWorker } from './worker.ts';

const cfg = ingestConfig();

await runProcess({
  name: 'ingest',
  stopTimeoutMs: cfg.stopTimeoutMs,
  async start() {
    const worker = new IngestWorker(cfg);
    await worker.start();
    return [{ name: 'ingest worker', stop: () => worker.stop() }];
  },
});
