/** The selected circuit: a thicker translucent white sleeve around its route, rebuilt on selection only. */
import { BufferAttribute, BufferGeometry, Mesh, MeshBasicMaterial } from 'three';
import { buildCircuitBuffers } from '../../../../lib/twin/circuit-geometry.ts';
import type { Vec3 } from '../../../../lib/twin/types.ts';
import type { Tracker } from './tracker.ts';

export class Highlight {
  readonly mesh: Mesh;
  private mat: MeshBasicMaterial;
  constructor(private readonly t: Tracker) {
    this.mat = t.track(new MeshBasicMaterial({ color: 0xffffff, transparent: true, opacity: 0.45, depthWrite: false }));
    this.mesh = new Mesh(t.track(new BufferGeometry()), this.mat);
    this.mesh.renderOrder = 7;
    this.mesh.visible = false;
  }

  show(route: Vec3[] | null): void {
    const old = this.mesh.geometry;
    if (!route || route.length < 2) {
      this.mesh.visible = false;
      return;
    }
    const b = buildCircuitBuffers([{ id: 0, route }], 0.32);
    const g = this.t.track(new BufferGeometry());
    g.setAttribute('position', new BufferAttribute(b.tubePos, 3));
    g.setIndex(new BufferAttribute(b.tubeIndex, 1));
    g.computeBoundingSphere();
    this.mesh.geometry = g;
    this.mesh.visible = true;
    this.t.untrackAndDispose(old);
  }
}
