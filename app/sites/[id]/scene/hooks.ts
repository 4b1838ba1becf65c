/**
 * window.__twin: what the benchmark and the e2e tests read and drive — first-frame time, renderer.info, frame
 * count, live GPU-object counts, and hooks to inject synthetic deltas and to find a circuit on screen.
 */
import type { CircuitLatest } from '../../../../lib/events/realtime.ts';
import type { TwinData } from '../../../../lib/twin/types.ts';
import type { TwinEngine } from './engine.ts';
import { liveCounts } from './tracker.ts';

export interface TwinHooks {
  siteId: string;
  /** ms from the page component's mount to the first rendered frame */
  firstFrameMs: number | null;
  /** performance.now() of the first frame (ms since the document's navigation start) */
  firstFrameAt: number | null;
  readonly frames: number;
  /** main-thread ms spent drawing, summed over all frames */
  readonly renderMs: number;
  /** the camera is still flying or gliding */
  readonly moving: boolean;
  info: TwinEngine['renderer']['info'];
  live: ReturnType<typeof liveCounts>;
  circuits: number;
  quality: TwinEngine['quality'];
  injectDelta(list: CircuitLatest[]): void;
  project(circuitId: number): { x: number; y: number } | null;
  pickAt(x: number, y: number): ReturnType<TwinEngine['pickAt']>;
  colorOf(circuitId: number): string;
  isPulsing(circuitId: number): boolean;
  /** turn the camera by rad about its target, as a drag would */
  orbit(rad: number): void;
}

export function exposeTestHooks(e: TwinEngine, data: TwinData, inject: (l: CircuitLatest[]) => void): void {
  const hooks: TwinHooks = {
    siteId: data.site.id,
    get firstFrameMs() {
      return e.firstFrameMs;
    },
    get firstFrameAt() {
      return e.firstFrameAt;
    },
    get frames() {
      return e.frames;
    },
    get renderMs() {
      return e.renderMs;
    },
    get moving() {
      return e.moving;
    },
    info: e.renderer.info,
    live: liveCounts(),
    circuits: data.circuits.length,
    quality: e.quality,
    injectDelta: inject,
    project: (id) => e.project(id),
    pickAt: (x, y) => e.pickAt(x, y),
    colorOf: (id) => e.painter.colorOf(id),
    isPulsing: (id) => e.painter.alarmed.has(id),
    orbit: (rad) => e.orbit(rad),
  };
  (window as unknown as { __twin: TwinHooks }).__twin = hooks;
}

/** After dispose: keep only numbers, so the hooks retain nothing of the old scene. */
export function clearTestHooks(e: TwinEngine): void {
  const w = window as unknown as { __twin?: unknown };
  w.__twin = { disposed: true, firstFrameMs: e.firstFrameMs, firstFrameAt: e.firstFrameAt, frames: e.frames, live: liveCounts() };
}
