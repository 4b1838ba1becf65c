/** Distribution panels: per level one InstancedMesh of boxes, coloured by the worst state of their circuits. */
import { BoxGeometry, Color, Group, InstancedMesh, MeshLambertMaterial, Object3D } from 'three';
import type { TwinPanel } from '../../../../lib/twin/types.ts';
import { STATUS_COLOURS } from '../../../../lib/domain/vocabulary/index.ts';
import type { Tracker } from './tracker.ts';

export interface PanelLayer {
  groups: Group[];
  pickables: InstancedMesh[];
  setColor(panelId: number, hex: string): void;
  flush(): void;
  panelOfHit(mesh: InstancedMesh, instanceId: number): number | null;
}

export function createPanelLayer(perLevel: { panel: TwinPanel; pos: [number, number, number] }[][], t: Tracker): PanelLayer {
  const geo = t.track(new BoxGeometry(0.9, 1.3, 0.9));
  const mat = t.track(new MeshLambertMaterial({ color: 0xffffff, emissive: 0x222222, transparent: true }));
  const where = new Map<number, { mesh: InstancedMesh; i: number }>();
  const ids: number[][] = [];
  const groups: Group[] = [];
  const meshes: InstancedMesh[] = [];
  const dummy = new Object3D();
  const col = new Color();
  perLevel.forEach((list, k) => {
    const g = new Group();
    groups.push(g);
    ids.push(list.map((p) => p.panel.id));
    const mesh = new InstancedMesh(geo, mat, Math.max(1, list.length));
    mesh.count = list.length;
    mesh.userData.level = k;
    list.forEach(({ panel, pos }, i) => {
      // site-local (x east, y north, z up) → three (x, y up, z south); the box stands on its mounting height
      dummy.position.set(pos[0], pos[2], -pos[1]);
      dummy.updateMatrix();
      mesh.setMatrixAt(i, dummy.matrix);
      mesh.setColorAt(i, col.set(STATUS_COLOURS.offline));
      where.set(panel.id, { mesh, i });
    });
    mesh.renderOrder = 6;
    mesh.computeBoundingSphere();
    g.add(mesh);
    meshes.push(mesh);
  });
  const dirty = new Set<InstancedMesh>();
  return {
    groups,
    pickables: meshes,
    setColor(panelId, hex) {
      const w = where.get(panelId);
      if (!w) return;
      w.mesh.setColorAt(w.i, col.set(hex));
      dirty.add(w.mesh);
    },
    flush() {
      for (const m of dirty) if (m.instanceColor) m.instanceColor.needsUpdate = true;
      dirty.clear();
    },
    panelOfHit(mesh, instanceId) {
      return ids[mesh.userData.level as number]?.[instanceId] ?? null;
    },
  };
}
