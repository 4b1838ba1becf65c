/**
 * --backfill-days N: before going live, publish the telemetry of [start − N days, start) for the whole fleet
 * in time order across devices (physics mergeDevices), as fast as the broker acknowledges it (QoS 1 with a
 * bounded number of unacknowledged publishes). Lost/duplicated messages follow the transport injections as
 * live; the physics' arc_alarm events are included, the shell's other events and status changes are not.
 */
import { logger } from '../../platform/log.ts';
import { DAY_MS, mergeDevices, type DeviceSpec } from '../../lib/physics/index.ts';
import type { Sink } from './publisher.ts';

const log = logger('simulator.backfill');

export async function backfill(
  specs: DeviceSpec[],
  startMs: number,
  days: number,
  sink: Sink,
  shouldStop: () => boolean = () => false,
): Promise<number> {
  const from = startMs - days * DAY_MS;
  const t0 = Date.now();
  let n = 0;
  let lastLog = t0;
  for (const line of mergeDevices(specs, from, startMs)) {
    if (sink.backlogged) await sink.ready();
    if (shouldStop()) break;
    sink.publish({ topic: line.topic, payload: JSON.stringify(line.payload) });
    n++;
    if ((n & 1023) === 0 && Date.now() - lastLog > 5000) {
      lastLog = Date.now();
      log.info(
        { messages: n, at: new Date(line.payload.ts).toISOString(), perSec: Math.round((n * 1000) / (lastLog - t0)) },
        'backfilling',
      );
    }
  }
  log.info({ messages: n, ms: Date.now() - t0 }, 'backfill done');
  return n;
}
