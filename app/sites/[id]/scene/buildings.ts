/**
 * Building meshes from the generators' stores: per level a Group holding one mesh per (part, material class).
 * Three materials for the whole site (opaque lit, translucent "x-ray" walls, shiny glass/gold), colours per vertex.
 */
import { DoubleSide, Group, Mesh, MeshLambertMaterial, MeshPhongMaterial, type Material } from 'three';
import type { SiteMeshes } from '../../../../lib/twin/mesh/site.ts';
import type { MatClass } from '../../../../lib/twin/mesh/acc.ts';
import type { Tracker } from './tracker.ts';

export interface BuildingLayer {
  /** index = level */
  body: Group[];
  roofs: Group[];
  setXray(on: boolean): void;
}

export function createBuildingLayer(meshes: SiteMeshes, t: Tracker): BuildingLayer {
  const mats: Record<MatClass, Material> = {
    opaque: t.track(new MeshLambertMaterial({ vertexColors: true })),
    xray: t.track(new MeshLambertMaterial({ vertexColors: true, side: DoubleSide })),
    slab: t.track(new MeshLambertMaterial({ vertexColors: true, side: DoubleSide })),
    shiny: t.track(new MeshPhongMaterial({ vertexColors: true, shininess: 70, specular: 0x665533 })),
  };
  const body: Group[] = [];
  const roofs: Group[] = [];
  for (let k = 0; k < meshes.levels; k++) {
    body.push(Object.assign(new Group(), { name: `body-${k}` }));
    roofs.push(Object.assign(new Group(), { name: `roof-${k}` }));
  }
  for (const { level, part, cls, store } of meshes.buckets.stores.values()) {
    if (store.triangles === 0) continue;
    const mesh = new Mesh(t.track(store.toGeometry()), mats[cls]);
    mesh.castShadow = cls !== 'slab';
    mesh.receiveShadow = true;
    mesh.userData.cls = cls;
    (part === 'roof' ? roofs : body)[level].add(mesh);
  }
  // In the electrical view walls and roofs turn translucent and stop writing depth; the circuits, drawn in the
  // transparent pass after them (renderOrder), then show at full strength through walls but not through trim.
  const fade = (m: Material, on: boolean, opacity: number) => {
    m.transparent = on;
    m.opacity = on ? opacity : 1;
    m.depthWrite = !on;
    m.needsUpdate = true;
  };
  return {
    body,
    roofs,
    setXray(on: boolean) {
      fade(mats.xray, on, 0.62);
      fade(mats.slab, on, 0.16);
    },
  };
}
