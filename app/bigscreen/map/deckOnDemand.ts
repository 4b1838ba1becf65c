/**
 * deck.gl frames on demand. deck's animation loop asks the browser for a frame sixty times a second even when
 * nothing changes, and every such frame is a main-thread commit. On a wall rendered in software, a commit
 * that comes while the GPU process (the CPU) is still drawing the last update waits for it: the 1 Hz updates
 * became long tasks. Here the loop's frame provider hands out frames only while deck says it has something
 * to do (new layers to update, a redraw pending: `check()` after setting layers, and each second), and for a
 * moment after `wake()` (pointer input: picking and the cursor; resize). Camera moves need neither: the
 * overlay redraws synchronously on the map's own render.
 *
 * The frames handed out here draw off screen and are shown a frame or two later, once drawn (deckPresenter.ts):
 * the frame that shows an update then waits for a copy, not for deck's whole redraw.
 *
 * Uses the overlay's deck instance (`_deck`, its `_drawLayers` and `_framebuffer` prop) and luma.gl's public
 * `animationFrameProvider`; if they are not there (another deck version), nothing changes and deck runs its
 * usual loop.
 */
import type { MapboxOverlay } from '@deck.gl/mapbox';
import { DeckPresenter, type DeckWithTarget } from './deckPresenter.ts';

interface DeckLike extends DeckWithTarget {
  isInitialized: boolean;
  _drawLayers(...args: unknown[]): unknown;
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
  /** deck has a frame to draw or a picture to show (tests wait for it before a screenshot) */
  busy(): boolean;
  /** the off-screen framebuffer's resources */
  destroy(): void;
}

const NOOP: OnDemand = { wake: () => {}, check: () => {}, busy: () => false, destroy: () => {} };

export function deckOnDemand(overlay: MapboxOverlay): OnDemand {
  const deck = (overlay as unknown as { _deck?: DeckLike })._deck;
  if (!deck?.animationLoop || typeof deck.needsRedraw !== 'function' || typeof deck._drawLayers !== 'function') return NOOP;
  // deck creates its device asynchronously: the presenter comes with the first frame after the start
  let presenter: DeckPresenter | null | undefined;
  let pending: FrameRequestCallback | null = null;
  let inFrame = false;
  let drewOffscreen = false;
  let raf = 0;
  let ids = 0;
  // the start: shaders, the font atlas and the first layers take a few frames; they are drawn straight to the
  // canvas, so the first picture shows at once
  const startUntil = performance.now() + 8000;
  let awakeUntil = startUntil;

  const wants = () => {
    try {
      return !deck.isInitialized || !!deck.needsRedraw({ clearRedrawFlags: false }) || !!deck.layerManager?.needsUpdate();
    } catch {
      return true;
    }
  };
  const schedule = () => {
    if (raf) return;
    const showing = !!presenter?.waiting;
    if (!pending && !showing) return;
    if (!showing && performance.now() >= awakeUntil && !wants()) return; // asleep: the callback waits for a wake
    raf = requestAnimationFrame(frame);
  };
  const offscreenPresenter = () => {
    if (presenter !== undefined || !deck.isInitialized || !deck.device) return presenter ?? null;
    presenter = DeckPresenter.for(deck);
    const p = presenter;
    if (p) {
      const draw = deck._drawLayers;
      deck._drawLayers = function (this: DeckLike, ...args: unknown[]) {
        // a draw outside these frames (the camera moved) goes to the canvas and outdates a waiting picture
        if (!inFrame) p.drop();
        else drewOffscreen = true;
        return draw.apply(this, args);
      };
    }
    return p;
  };
  const frame = (t: number) => {
    raf = 0;
    if (presenter?.waiting) {
      // a drawn picture is shown in a frame of its own (a draw queued now would join this frame's wait); until
      // the GPU has finished it, each frame only looks
      if (presenter.done()) presenter.present();
      schedule();
      return;
    }
    const f = pending;
    pending = null;
    if (!f) return;
    const p = t >= startUntil ? offscreenPresenter() : null;
    if (p) deck.props._framebuffer = p.target();
    inFrame = !!p;
    drewOffscreen = false;
    try {
      f(t);
    } finally {
      inFrame = false;
      if (p) deck.props._framebuffer = null;
    }
    if (p && drewOffscreen) {
      p.drawn();
      schedule();
    }
  };
  const provider: FrameProvider = {
    requestAnimationFrame(cb) {
      pending = cb;
      schedule();
      return ++ids;
    },
    cancelAnimationFrame() {
      pending = null;
      if (raf && !presenter?.waiting) {
        cancelAnimationFrame(raf);
        raf = 0;
      }
    },
  };
  deck.animationLoop.setProps({ animationFrameProvider: provider });
  return {
    wake(ms = 150) {
      awakeUntil = Math.max(awakeUntil, performance.now() + ms);
      schedule();
    },
    check: schedule,
    busy: () => !!presenter?.waiting || (!!pending && wants()),
    destroy: () => presenter?.destroy(),
  };
}
