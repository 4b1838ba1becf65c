/**
 * Camera views as spherical coordinates about a target (OrbitControls' convention: azimuth 0 looks north from
 * the south, polar 0 looks straight down), a fit that frames given points in the free part of the screen, and
 * an eased flight between two views driven by the render loop.
 */
import { Spherical, Vector3, type PerspectiveCamera } from 'three';
import type { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';

export interface View {
  target: Vector3;
  radius: number;
  polar: number;
  azimuth: number;
}

/** The part of the view (NDC, −1…1) not covered by floating panels, where the site should sit. */
export interface FreeRect {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

const sph = new Spherical();
const off = new Vector3();
const p = new Vector3();

function place(camera: PerspectiveCamera, v: View): void {
  sph.set(v.radius, v.polar, v.azimuth);
  camera.position.copy(v.target).add(off.setFromSpherical(sph));
  camera.lookAt(v.target);
  camera.updateMatrixWorld(true);
}

/**
 * The view at (polar, azimuth) whose target and distance put every point inside `free`: the target is moved
 * so the points' projected box is centred in it, and the distance is bisected until the box just fits. The
 * camera is left where it was.
 */
export function fitView(camera: PerspectiveCamera, points: Vector3[], center: Vector3, polar: number, azimuth: number, free: FreeRect): View {
  const saved = { pos: camera.position.clone(), quat: camera.quaternion.clone() };
  const extent = (v: View) => {
    place(camera, v);
    let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const q of points) {
      p.copy(q).project(camera);
      if (p.z > 1) return null; // behind the camera: too close
      x0 = Math.min(x0, p.x);
      x1 = Math.max(x1, p.x);
      y0 = Math.min(y0, p.y);
      y1 = Math.max(y1, p.y);
    }
    return { x0, x1, y0, y1 };
  };
  const fits = (e: FreeRect | null) => !!e && e.x0 >= free.x0 && e.x1 <= free.x1 && e.y0 >= free.y0 && e.y1 <= free.y1;
  const v: View = { target: center.clone(), radius: 100, polar, azimuth };
  let r = 1;
  for (const q of points) r = Math.max(r, q.distanceTo(center));
  for (let pass = 0; pass < 3; pass++) {
    let lo = r * 0.3;
    let hi = r * 12;
    for (let i = 0; i < 28; i++) {
      v.radius = (lo + hi) / 2;
      if (fits(recentred(v))) hi = v.radius;
      else lo = v.radius;
    }
    v.radius = hi;
    recentred(v);
  }
  camera.position.copy(saved.pos);
  camera.quaternion.copy(saved.quat);
  camera.updateMatrixWorld(true);
  return v;

  // shift the target (in the camera's screen plane) so the projected box sits in the middle of `free`
  function recentred(view: View): FreeRect | null {
    const e = extent(view);
    if (!e) return null;
    const dx = (free.x0 + free.x1) / 2 - (e.x0 + e.x1) / 2;
    const dy = (free.y0 + free.y1) / 2 - (e.y0 + e.y1) / 2;
    // NDC → world at the target's depth
    const h = 2 * view.radius * Math.tan(((camera.fov / camera.zoom) * Math.PI) / 360);
    const vw = camera.view?.enabled ? camera.view.width / camera.view.fullWidth : 1;
    const vh = camera.view?.enabled ? camera.view.height / camera.view.fullHeight : 1;
    const scaleY = (h / 2) * vh;
    const scaleX = (h / 2) * camera.aspect * vw;
    const right = new Vector3().setFromMatrixColumn(camera.matrixWorld, 0);
    const up = new Vector3().setFromMatrixColumn(camera.matrixWorld, 1);
    view.target.addScaledVector(right, -dx * scaleX).addScaledVector(up, -dy * scaleY);
    return extent(view);
  }
}

/** Straight down over the footprint, north up: the map-like first frame of the transition from the map. */
export function topDown(center: Vector3, siteRadius: number, aspect: number): View {
  const fit = aspect < 1 ? 1 / aspect : 1;
  return { target: center.clone(), radius: siteRadius * 3.4 * fit, polar: 0.0001, azimuth: 0 };
}

export function applyView(camera: PerspectiveCamera, controls: OrbitControls, v: View): void {
  controls.target.copy(v.target);
  place(camera, v);
  controls.update();
}

const ease = (t: number) => (t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2);

export class Flight {
  private last = -1;
  private elapsed = 0;
  private readonly cur: View;
  constructor(
    private readonly from: View,
    private readonly to: View,
    private readonly ms: number,
    private readonly delayMs = 0,
  ) {
    this.cur = { target: from.target.clone(), radius: from.radius, polar: from.polar, azimuth: from.azimuth };
  }

  /**
   * Advances; returns false once finished. A slow frame (software WebGL, a first frame compiling shaders)
   * advances the flight by at most a sixth of it, so the way in is seen rather than skipped.
   */
  step(now: number, camera: PerspectiveCamera, controls: OrbitControls): boolean {
    if (this.last >= 0) this.elapsed += Math.min(now - this.last, this.ms / 6);
    this.last = now;
    const t = Math.min(1, Math.max(0, (this.elapsed - this.delayMs) / this.ms));
    const e = ease(t);
    const lerp = (a: number, b: number) => a + (b - a) * e;
    this.cur.target.lerpVectors(this.from.target, this.to.target, e);
    this.cur.radius = lerp(this.from.radius, this.to.radius);
    this.cur.polar = lerp(this.from.polar, this.to.polar);
    this.cur.azimuth = lerp(this.from.azimuth, this.to.azimuth);
    applyView(camera, controls, this.cur);
    return t < 1;
  }
}
