/**
 * Updates drawn off screen, shown once drawn. On a wall composited in software (no GPU driver; CI), the frame
 * that changes a WebGL canvas reads it back at commit and waits, on the main thread, for every draw queued
 * before it. So deck's update redraws go to a framebuffer of their own, a fence marks their end, and a later
 * frame, once the fence has signalled, copies the finished picture onto the canvas: that frame's commit waits
 * for one copy, not for the drawing. With a GPU the copy costs next to nothing.
 *
 * Draws that must stay in step with the basemap (camera moves: the overlay redraws within maplibre's render)
 * still go straight to the canvas, and make an undelivered off-screen picture stale.
 */
import type { Device, Framebuffer } from '@luma.gl/core';

export interface DeckWithTarget {
  device?: Device;
  props: { _framebuffer?: Framebuffer | null };
}

export class DeckPresenter {
  private fbo: Framebuffer | null = null;
  private sync: WebGLSync | null = null;
  /** when the waiting picture was fenced (performance.now) */
  private since = 0;

  private constructor(
    private readonly gl: WebGL2RenderingContext,
    private readonly device: Device,
  ) {}

  /** null where there are no fences (WebGL 1, WebGPU): deck then draws straight to its canvas */
  static for(deck: DeckWithTarget): DeckPresenter | null {
    const device = deck.device;
    const gl = (device as unknown as { gl?: WebGL2RenderingContext } | undefined)?.gl;
    if (!device || !gl || typeof gl.fenceSync !== 'function' || typeof gl.blitFramebuffer !== 'function') return null;
    return new DeckPresenter(gl, device);
  }

  /** the framebuffer for the next off-screen draw, sized as the canvas's drawing buffer */
  target(): Framebuffer {
    const width = this.gl.drawingBufferWidth;
    const height = this.gl.drawingBufferHeight;
    if (!this.fbo)
      this.fbo = this.device.createFramebuffer({
        id: 'deck-offscreen',
        width,
        height,
        colorAttachments: ['rgba8unorm'],
        depthStencilAttachment: 'depth24plus',
      });
    else if (this.fbo.width !== width || this.fbo.height !== height) this.fbo.resize({ width, height });
    return this.fbo;
  }

  /** an off-screen draw was just queued: fence it and let the GPU start on it */
  drawn(): void {
    this.drop();
    this.sync = this.gl.fenceSync(this.gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
    this.since = performance.now();
    this.gl.flush();
  }

  /** a drawn picture waits to be shown */
  get waiting(): boolean {
    return this.sync !== null;
  }

  /**
   * the waiting picture may be shown: the GPU has finished it (never blocks; WebGL updates fences between
   * tasks), or a second has passed (a lost context never signals: show it anyway rather than stall the map)
   */
  done(): boolean {
    if (!this.sync) return false;
    return this.gl.getSyncParameter(this.sync, this.gl.SYNC_STATUS) === this.gl.SIGNALED || performance.now() - this.since > 1000;
  }

  /** copy the finished picture onto the canvas */
  present(): void {
    const { gl, fbo } = this;
    if (!fbo || !this.sync) return;
    this.drop();
    const read = gl.getParameter(gl.READ_FRAMEBUFFER_BINDING);
    const draw = gl.getParameter(gl.DRAW_FRAMEBUFFER_BINDING);
    gl.bindFramebuffer(gl.READ_FRAMEBUFFER, (fbo as unknown as { handle: WebGLFramebuffer }).handle);
    gl.bindFramebuffer(gl.DRAW_FRAMEBUFFER, null);
    const w = Math.min(fbo.width, gl.drawingBufferWidth);
    const h = Math.min(fbo.height, gl.drawingBufferHeight);
    gl.blitFramebuffer(0, 0, w, h, 0, 0, w, h, gl.COLOR_BUFFER_BIT, gl.NEAREST);
    gl.bindFramebuffer(gl.READ_FRAMEBUFFER, read);
    gl.bindFramebuffer(gl.DRAW_FRAMEBUFFER, draw);
  }

  /** forget the waiting picture (a newer one went straight to the canvas) */
  drop(): void {
    if (this.sync) this.gl.deleteSync(this.sync);
    this.sync = null;
  }

  destroy(): void {
    this.drop();
    this.fbo?.destroy();
    this.fbo = null;
  }
}
