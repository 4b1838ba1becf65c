/**
 * deck.gl frames on demand. deck's animation loop asks the browser for a frame sixty times a second even when
 * nothing changes, and every such frame is a main-thread commit. On a wall rendered in software, a commit
 * that comes while the GPU process (the CPU) is still drawing the last update waits for it: the 1 Hz updates
 * became long tasks. Here the loop's frame provider hands out frames only while deck says it has something
 * to do (new layers to update, a redraw pending: `check()` after setting layers, and each second), and for a
 * moment after `wake()` (pointer input: picking and the cursor; resize). Camera moves need neither: the
 * overlay redraws synchronously on the map's own render.
 *
 * Uses the overlay's deck instance (`_deck`) and luma.gl's public `animationFrameProvider`; if either is not
 * there (another deck version), nothing changes and deck runs its usual loop.
 */
import type { MapboxOverlay } from '@deck.gl/mapbox';

interface DeckLike {
  isInitialized: boolean;
  needsRedraw(o: { clearRedrawFlags: boolean }): false | string;
  layerManager?: { needsUpdate(): false | string } | null;
  animationLoop?: { setProps(p: { animationFrameProvider: FrameProvider }): unknown } | null;
}
interface FrameProvider {
  requestAnimationFrame(cb: FrameRequestCallback): number;
  cancelAnimationFrame(id: number): void;
}

export interface OnDemand {
  /** keep frames coming for `ms` (pointer input: deck picks and sets the cursor in its loop) */
  wake(ms?: number): void;
  /** a frame if deck wants one (after new layers; the heartbeat — cheap when it does not) */
  check(): void;
}

const NOOP: OnDemand = { wake: () => {}, check: () => {} };

export function deckOnDemand(overlay: MapboxOverlay): OnDemand {
  const deck = (overlay as unknown as { _deck?: DeckLike })._deck;
  if (!deck?.animationLoop || typeof deck.needsRedraw !== 'function') return NOOP;
  let pending: FrameRequestCallback | null = null;
  let raf = 0;
  let ids = 0;
  // the start: shaders, the font atlas and the first layers take a few frames
  let awakeUntil = performance.now() + 8000;

  const wants = () => {
    try {
      return !deck.isInitialized || !!deck.needsRedraw({ clearRedrawFlags: false }) || !!deck.layerManager?.needsUpdate();
    } catch {
      return true;
    }
  };
  const schedule = () => {
    if (raf || !pending) return;
    if (performance.now() >= awakeUntil && !wants()) return; // asleep: the callback waits for a wake
    raf = requestAnimationFrame((t) => {
      raf = 0;
      const f = pending;
      pending = null;
      f?.(t);
    });
  };
  const provider: FrameProvider = {
    requestAnimationFrame(cb) {
      pending = cb;
      schedule();
      return ++ids;
    },
    cancelAnimationFrame() {
      pending = null;
      if (raf) cancelAnimationFrame(raf);
      raf = 0;
    },
  };
  deck.animationLoop.setProps({ animationFrameProvider: provider });
  return {
    wake(ms = 150) {
      awakeUntil = Math.max(awakeUntil, performance.now() + ms);
      schedule();
    },
    check: schedule,
  };
}
