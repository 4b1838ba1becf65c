/**
 * Applying control to a live device (no I/O): 'inject' sizes the injection (sizing.ts), rebuilds the device
 * with it from a warm-up point, and reads the ground truth off a pre-simulation of the same physics
 * (findDanger: first sample at which the true state is dangerous). 'clear' ends the device's injected
 * conditions now — they are not deleted, so the physics stays continuous (a hot terminal cools with its own
 * time constant). Ended injections older than the warm-up window are dropped on the next rebuild.
 */
import { EXPECTED, HOUR_MS, DAY_MS, WARMUP_MS, findDanger, type DeviceSpec, type GroundTruth, type Injection } from '../../lib/physics/index.ts';
import type { LiveDevice } from './live.ts';
import { InjectError, classOf, isDeviceLevel, sizeInjection, type InjectRequest } from './sizing.ts';

export interface TruthRecord extends GroundTruth {
  id: string;
  severity: number;
  accelerate: number;
  source: 'control' | 'cli';
}

/** injection → the control id that created it (clear reports these ids) */
export type InjectionIds = WeakMap<Injection, string>;

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

export function applyInject(
  dev: LiveDevice,
  req: InjectRequest,
  simNow: number,
  ids: InjectionIds,
  source: 'control' | 'cli' = 'control',
): TruthRecord {
  const spec = dev.spec;
  const ch = isDeviceLevel(req.kind) ? null : (req.ch ?? Math.min(...spec.entries.map((e) => e.ch)));
  const onsetMs = Math.round(simNow);
  const origin = dev.warmStartMs();
  const sized = sizeInjection(spec, { ...req, ch }, onsetMs, origin);
  const inj = sized.inj;
  ids.set(inj, req.id);
  const kept = prune(spec.injections ?? [], onsetMs);
  const overrides =
    sized.overrides && inj.ch !== null
      ? { ...spec.overrides, [inj.ch]: { ...spec.overrides?.[inj.ch], ...sized.overrides } }
      : spec.overrides;
  const next: DeviceSpec = { ...spec, injections: [...kept, inj], overrides };
  const warm = dev.rebuild(next);
  let dangerMs: number | null = null;
  if (inj.class === 'fault') {
    // horizon: 10 days of fault time (÷ accelerate), at least 2 h of simulated time
    const horizon = Math.max(2 * HOUR_MS, (10 * DAY_MS) / Math.max(1, req.accelerate));
    dangerMs = findDanger(next, inj, warm, horizon);
  }
  const ex = EXPECTED[inj.kind];
  const detail: Record<string, number | string> = Object.fromEntries(Object.entries(inj.p).map(([k, v]) => [k, round6(v)]));
  if (sized.targetH !== undefined) detail.targetH = round6(sized.targetH);
  if (inj.class === 'fault') detail.hoursToDanger = dangerMs === null ? 'never' : round6((dangerMs - onsetMs) / HOUR_MS);
  if (inj.kind === 'offline') {
    // as the physics scenarios define it: onset = first missing message, end = first message after
    const m = dev.model;
    const k0 = m.indexAtOrAfter(inj.onsetMs);
    const k1 = m.indexAtOrAfter(inj.endMs as number);
    detail.messages = k1 - k0;
  }
  const onsetTruth = inj.kind === 'offline' ? dev.model.timeOf(dev.model.indexAtOrAfter(inj.onsetMs)) : inj.onsetMs;
  const endTruth = inj.kind === 'offline' ? dev.model.timeOf(dev.model.indexAtOrAfter(inj.endMs as number)) : inj.endMs;
  return {
    id: req.id,
    device: spec.device,
    ch: inj.ch,
    kind: inj.kind,
    class: classOf(req.kind),
    onsetMs: onsetTruth,
    dangerMs,
    endMs: endTruth,
    expectedAlarm: ex.expected,
    acceptAlarms: ex.accept,
    ...(inj.pole ? { pole: inj.pole } : {}),
    ...(inj.field ? { field: inj.field } : {}),
    detail,
    severity: req.severity,
    accelerate: req.accelerate,
    source,
  };
}

/**
 * End the device's control-injected conditions (of channel `ch`, or all — device-level ones included — when
 * ch is undefined) at simNow. Base transport (CLI rates, onset 0) is kept. Returns the ids that were cleared.
 */
export function applyClear(dev: LiveDevice, ch: number | undefined, simNow: number, ids: InjectionIds): string[] {
  const spec = dev.spec;
  const now = Math.round(simNow);
  const cleared: string[] = [];
  const injections = (spec.injections ?? []).map((i) => {
    const id = ids.get(i);
    if (!id || (ch !== undefined && i.ch !== ch)) return i;
    if (i.onsetMs >= now) {
      cleared.push(id);
      return { ...i, endMs: i.onsetMs }; // never started: empty window
    }
    if (i.endMs !== null && i.endMs <= now) return i;
    cleared.push(id);
    const ended = { ...i, endMs: now };
    ids.set(ended, id);
    return ended;
  });
  if (cleared.length) dev.rebuild({ ...spec, injections });
  return cleared;
}

/** Drop injections that ended before the warm-up window (they cannot influence the physics any more). */
export function prune(list: Injection[], nowMs: number): Injection[] {
  return list.filter((i) => i.endMs === null || i.endMs > nowMs - WARMUP_MS);
}

export { InjectError };
