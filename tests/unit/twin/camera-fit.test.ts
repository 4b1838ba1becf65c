import { describe, expect, it } from 'vitest';
import { PerspectiveCamera, Vector3 } from 'three';
import { fitView, Flight, type FreeRect } from '../../../app/sites/[id]/scene/camera.ts';
import { isSoftwareGl } from '../../../app/sites/[id]/scene/quality.ts';

// a compound 120 × 80 m with 12 m roofs, in three's axes (x east, y up, z south)
const points: Vector3[] = [];
for (const [x, z] of [[-60, -40], [60, -40], [60, 40], [-60, 40]]) points.push(new Vector3(x, 0, z), new Vector3(x, 12, z));
const center = new Vector3(0, 3, 0);

function camera(w: number, h: number, sideW = 0) {
  const c = new PerspectiveCamera(38, (w + sideW) / h, 0.5, 5000);
  if (sideW) c.setViewOffset(w + sideW, h, sideW, 0, w, h);
  c.updateProjectionMatrix();
  return c;
}

function projected(c: PerspectiveCamera, v: ReturnType<typeof fitView>) {
  const off = new Vector3().setFromSphericalCoords(v.radius, v.polar, v.azimuth);
  c.position.copy(v.target).add(off);
  c.lookAt(v.target);
  c.updateMatrixWorld(true);
  return points.map((p) => p.clone().project(c));
}

describe('fitView', () => {
  it('puts every corner inside the free part of the screen, and only just', () => {
    const c = camera(1920, 1017, 207);
    const free: FreeRect = { x0: -0.9, x1: 0.45, y0: -0.9, y1: 0.9 };
    const v = fitView(c, points, center, 0.9, 0.38, free);
    const ps = projected(c, v);
    for (const p of ps) {
      expect(p.x).toBeGreaterThanOrEqual(free.x0 - 0.02);
      expect(p.x).toBeLessThanOrEqual(free.x1 + 0.02);
      expect(p.y).toBeGreaterThanOrEqual(free.y0 - 0.02);
      expect(p.y).toBeLessThanOrEqual(free.y1 + 0.02);
    }
    // tight: some side touches its edge (not a loose overview far away)
    const gap = Math.min(Math.min(...ps.map((p) => p.x)) - free.x0, free.x1 - Math.max(...ps.map((p) => p.x)), Math.min(...ps.map((p) => p.y)) - free.y0, free.y1 - Math.max(...ps.map((p) => p.y)));
    expect(gap).toBeLessThan(0.05);
  });

  it('steps back further when less of the screen is free, and leaves the camera where it was', () => {
    const c = camera(390, 700);
    c.position.set(1, 2, 3);
    const wide = fitView(c, points, center, 0.9, 0.38, { x0: -0.95, x1: 0.95, y0: -0.95, y1: 0.95 });
    const narrow = fitView(c, points, center, 0.9, 0.38, { x0: -0.5, x1: 0.6, y0: -0.4, y1: 0.6 });
    expect(narrow.radius).toBeGreaterThan(wide.radius);
    expect(c.position.toArray()).toEqual([1, 2, 3]);
  });
});

describe('Flight', () => {
  const controls = { target: new Vector3(), update: () => false } as never;
  const from = { target: new Vector3(), radius: 300, polar: 0.0001, azimuth: 0 };
  const to = { target: new Vector3(10, 0, 0), radius: 150, polar: 0.9, azimuth: 0.38 };

  it('is seen on slow frames: a 2 s frame advances it by a sixth at most', () => {
    const c = camera(800, 600);
    const f = new Flight(from, to, 1800);
    let now = 0;
    let steps = 0;
    while (f.step(now, c, controls)) {
      now += 2000; // software WebGL under load
      steps++;
    }
    expect(steps).toBeGreaterThanOrEqual(6);
    expect(c.position.distanceTo(to.target)).toBeCloseTo(150, 3);
  });

  it('runs in its own time on fast frames', () => {
    const c = camera(800, 600);
    const f = new Flight(from, to, 900, 300);
    let now = 0;
    let steps = 0;
    while (f.step(now, c, controls)) {
      now += 16;
      steps++;
    }
    expect(steps * 16).toBeGreaterThanOrEqual(1200);
    expect(steps * 16).toBeLessThan(1260);
  });
});

describe('quality', () => {
  it('recognises software WebGL by the renderer name', () => {
    expect(isSoftwareGl('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)')).toBe(true);
    expect(isSoftwareGl('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareGl('ANGLE (Intel, Intel(R) UHD Graphics 620 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(false);
  });
});
