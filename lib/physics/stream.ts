/**
 * Publish-order merge of many devices: a binary heap on (next sample time, device index), so the replay
 * is time-ordered across devices and deterministic on ties. Streams: nothing is buffered beyond one
 * pending message index per device.
 */
import { DeviceModel, type DeviceMessage, type DeviceSpec, type ReplayLine, type StreamLine } from './device.ts';

export function* mergeDevices(specs: DeviceSpec[], fromMs: number, toMs: number): Generator<ReplayLine> {
  const models = specs.map((s) => new DeviceModel(s));
  const ks = models.map((m) => m.indexAtOrAfter(fromMs));
  const heap: number[] = []; // device indices ordered by (time, index)
  const t = (i: number): number => models[i].timeOf(ks[i]);
  const less = (a: number, b: number): boolean => t(a) < t(b) || (t(a) === t(b) && a < b);
  const up = (j: number): void => {
    while (j > 0) {
      const p = (j - 1) >> 1;
      if (!less(heap[j], heap[p])) break;
      [heap[j], heap[p]] = [heap[p], heap[j]];
      j = p;
    }
  };
  const down = (j: number): void => {
    for (;;) {
      const l = 2 * j + 1;
      const r = l + 1;
      let m = j;
      if (l < heap.length && less(heap[l], heap[m])) m = l;
      if (r < heap.length && less(heap[r], heap[m])) m = r;
      if (m === j) return;
      [heap[j], heap[m]] = [heap[m], heap[j]];
      j = m;
    }
  };
  for (let i = 0; i < models.length; i++) {
    if (t(i) < toMs) {
      heap.push(i);
      up(heap.length - 1);
    }
  }
  while (heap.length) {
    const i = heap[0];
    const msg = models[i].message(ks[i]);
    ks[i]++;
    if (t(i) < toMs) down(0);
    else {
      const last = heap.pop() as number;
      if (heap.length) {
        heap[0] = last;
        down(0);
      }
    }
    if (msg.lost) continue;
    const line = { topic: msg.topic, payload: msg.payload };
    yield line;
    if (msg.duplicate) yield line;
  }
}

/**
 * Like mergeDevices, but the full publish stream: telemetry and the devices' own events (arc_alarm…), all
 * in time order. Each device's next message is generated one step ahead so an event raised between two
 * samples is published at its own ts, before other devices' later messages.
 */
export function* mergeDeviceStream(specs: DeviceSpec[], fromMs: number, toMs: number): Generator<StreamLine> {
  const models = specs.map((s) => new DeviceModel(s));
  const ks = models.map((m) => m.indexAtOrAfter(fromMs));
  const pend: (DeviceMessage | null)[] = models.map(() => null);
  const evi = new Int32Array(models.length); // next unpublished event of the pending message
  const heap: number[] = [];
  const key = new Float64Array(models.length);
  const refill = (i: number): boolean => {
    const m = models[i];
    if (m.timeOf(ks[i]) >= toMs) return false;
    pend[i] = m.message(ks[i]);
    ks[i]++;
    evi[i] = 0;
    return true;
  };
  const headTs = (i: number): number => {
    const p = pend[i] as DeviceMessage;
    return evi[i] < p.events.length ? Math.max(fromMs, p.events[evi[i]].ts) : p.ts;
  };
  const less = (a: number, b: number): boolean => key[a] < key[b] || (key[a] === key[b] && a < b);
  const up = (j: number): void => {
    while (j > 0) {
      const p = (j - 1) >> 1;
      if (!less(heap[j], heap[p])) break;
      [heap[j], heap[p]] = [heap[p], heap[j]];
      j = p;
    }
  };
  const down = (j: number): void => {
    for (;;) {
      const l = 2 * j + 1;
      const r = l + 1;
      let m = j;
      if (l < heap.length && less(heap[l], heap[m])) m = l;
      if (r < heap.length && less(heap[r], heap[m])) m = r;
      if (m === j) return;
      [heap[j], heap[m]] = [heap[m], heap[j]];
      j = m;
    }
  };
  for (let i = 0; i < models.length; i++) {
    if (refill(i)) {
      key[i] = headTs(i);
      heap.push(i);
      up(heap.length - 1);
    }
  }
  while (heap.length) {
    const i = heap[0];
    const p = pend[i] as DeviceMessage;
    let out: StreamLine | null = null;
    let twice = false;
    if (evi[i] < p.events.length) {
      const e = p.events[evi[i]++];
      if (!e.lost && e.ts >= fromMs) out = { topic: e.topic, payload: e.payload };
    } else {
      if (!p.lost) out = { topic: p.topic, payload: p.payload };
      twice = p.duplicate;
      pend[i] = null;
    }
    if (pend[i] !== null || refill(i)) {
      key[i] = headTs(i);
      down(0);
    } else {
      const last = heap.pop() as number;
      if (heap.length) {
        heap[0] = last;
        down(0);
      }
    }
    if (out) {
      yield out;
      if (twice) yield out;
    }
  }
}
