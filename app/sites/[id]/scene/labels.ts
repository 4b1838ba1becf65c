/** Building name labels (HTML via CSS2DRenderer, so Chinese renders with the page's fonts) and the north mark. */
import { Group } from 'three';
import { CSS2DObject } from 'three/examples/jsm/renderers/CSS2DRenderer.js';
import type { TwinBuilding } from '../../../../lib/twin/types.ts';
import type { BuildingInfo } from '../../../../lib/twin/mesh/site.ts';

export interface LabelLayer {
  group: Group;
  /** per building: its label object and the heights to place it at */
  items: { id: number; obj: CSS2DObject; info: BuildingInfo; el: HTMLDivElement }[];
  setAlarmCount(buildingId: number, n: number): void;
  dispose(): void;
}

export function createLabels(buildings: TwinBuilding[], infos: Map<number, BuildingInfo>, lang: 'zh' | 'en', className: string): LabelLayer {
  const group = new Group();
  const items: LabelLayer['items'] = [];
  for (const b of buildings) {
    const info = infos.get(b.id);
    if (!info) continue;
    const el = document.createElement('div');
    el.className = className;
    el.dataset.building = String(b.id);
    const name = document.createElement('span');
    name.textContent = lang === 'en' ? b.nameEn : b.nameZh;
    el.title = `${b.nameZh} · ${b.nameEn}`;
    const badge = document.createElement('em');
    badge.hidden = true;
    el.append(name, badge);
    const obj = new CSS2DObject(el);
    obj.center.set(0.5, 1);
    obj.position.set(info.center[0], info.roofZ + 2, -info.center[1]);
    group.add(obj);
    items.push({ id: b.id, obj, info, el });
  }
  return {
    group,
    items,
    setAlarmCount(id, n) {
      const it = items.find((i) => i.id === id);
      if (!it) return;
      const badge = it.el.querySelector('em')!;
      badge.hidden = n === 0;
      badge.textContent = n > 0 ? `⚠ ${n}` : '';
      it.el.dataset.alarm = n > 0 ? '1' : '';
    },
    dispose() {
      for (const it of items) {
        it.el.remove();
        it.obj.removeFromParent();
      }
    },
  };
}
