/**
 * Camera views as spherical coordinates about a target (OrbitControls' convention: azimuth 0 looks north from
 * the south, polar 0 looks straight down), and an eased flight between two views driven by the render loop.
 */
import { Spherical, Vector3, type PerspectiveCamera } from 'three';
import type { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';

export interface View {
  target: Vector3;
  radius: number;
  polar: number;
  azimuth: number;
}

/** The overview: the whole compound from the south-south-east, a little more distant on narrow screens. */
export function overview(center: Vector3, siteRadius: number, aspect: number): View {
  const fit = aspect < 1 ? 1.15 / aspect : 1;
  return { target: center.clone(), radius: siteRadius * 1.75 * fit, polar: 0.9, azimuth: 0.38 };
}

/** Straight down over the footprint, north up: the map-like first frame of the transition from the map. */
export function topDown(center: Vector3, siteRadius: number, aspect: number): View {
  const fit = aspect < 1 ? 1 / aspect : 1;
  return { target: center.clone(), radius: siteRadius * 3.4 * fit, polar: 0.0001, azimuth: 0 };
}

export function applyView(camera: PerspectiveCamera, controls: OrbitControls, v: View): void {
  const s = new Spherical(v.radius, v.polar, v.azimuth);
  controls.target.copy(v.target);
  camera.position.copy(v.target).add(new Vector3().setFromSpherical(s));
  camera.lookAt(v.target);
  controls.update();
}

const ease = (t: number) => (t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2);

export class Flight {
  private t0 = -1;
  constructor(
    private readonly from: View,
    private readonly to: View,
    private readonly ms: number,
    private readonly delayMs = 0,
  ) {}

  /** Advances; returns false once finished. */
  step(now: number, camera: PerspectiveCamera, controls: OrbitControls): boolean {
    if (this.t0 < 0) this.t0 = now;
    const t = Math.min(1, Math.max(0, (now - this.t0 - this.delayMs) / this.ms));
    const e = ease(t);
    const lerp = (a: number, b: number) => a + (b - a) * e;
    applyView(camera, controls, {
      target: this.from.target.clone().lerp(this.to.target, e),
      radius: lerp(this.from.radius, this.to.radius),
      polar: lerp(this.from.polar, this.to.polar),
      azimuth: lerp(this.from.azimuth, this.to.azimuth),
    });
    return t < 1;
  }
}
