/**
 * Building name labels (HTML via CSS2DRenderer, so Chinese renders with the page's fonts). After each render
 * declutter() hides labels that would overlap one already placed: buildings with alarms first, then the
 * largest, so on a phone the main halls keep their names instead of a pile of overlapping tags.
 */
import { Group, Vector3, type Camera } from 'three';
import { CSS2DObject } from 'three/examples/jsm/renderers/CSS2DRenderer.js';
import type { TwinBuilding } from '../../../../lib/twin/types.ts';
import type { BuildingInfo } from '../../../../lib/twin/mesh/site.ts';
import { signedArea } from '../../../../lib/twin/geo.ts';

interface Item {
  id: number;
  obj: CSS2DObject;
  info: BuildingInfo;
  el: HTMLDivElement;
  area: number;
  alarms: number;
  /** measured size in px (0: measure again) */
  w: number;
  h: number;
}

export interface LabelLayer {
  group: Group;
  items: Item[];
  setAlarmCount(buildingId: number, n: number): void;
  /** call after the CSS2D render with the view's size in px */
  declutter(camera: Camera, width: number, height: number): void;
  dispose(): void;
}

const PAD = 3;
const v = new Vector3();

export function createLabels(buildings: TwinBuilding[], infos: Map<number, BuildingInfo>, lang: 'zh' | 'en', className: string): LabelLayer {
  const group = new Group();
  const items: Item[] = [];
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
    items.push({ id: b.id, obj, info, el, area: Math.abs(signedArea(b.footprint)) * info.floors, alarms: 0, w: 0, h: 0 });
  }
  const order = () => [...items].sort((a, b) => b.alarms - a.alarms || b.area - a.area);
  let ranked = order();
  const placed: number[] = [];
  return {
    group,
    items,
    setAlarmCount(id, n) {
      const it = items.find((i) => i.id === id);
      if (!it || it.alarms === n) return;
      const badge = it.el.querySelector('em')!;
      badge.hidden = n === 0;
      badge.textContent = n > 0 ? `⚠ ${n}` : '';
      it.el.dataset.alarm = n > 0 ? '1' : '';
      it.alarms = n;
      it.w = 0;
      ranked = order();
    },
    declutter(camera, width, height) {
      placed.length = 0;
      for (const it of ranked) {
        if (!it.obj.visible || it.el.style.display === 'none') continue;
        if (it.w === 0) [it.w, it.h] = [it.el.offsetWidth, it.el.offsetHeight];
        it.obj.getWorldPosition(v).project(camera);
        const x = ((v.x + 1) / 2) * width;
        const y = ((1 - v.y) / 2) * height;
        const r = [x - it.w / 2 - PAD, y - it.h - PAD, x + it.w / 2 + PAD, y + PAD];
        let free = true;
        for (let k = 0; k < placed.length && free; k += 4) {
          if (r[0] < placed[k + 2] && r[2] > placed[k] && r[1] < placed[k + 3] && r[3] > placed[k + 1]) free = false;
        }
        // an alarmed building's label always shows
        const show = free || it.alarms > 0;
        if (show) placed.push(r[0], r[1], r[2], r[3]);
        const vis = show ? '' : 'hidden';
        if (it.el.style.visibility !== vis) it.el.style.visibility = vis;
      }
    },
    dispose() {
      for (const it of items) {
        it.el.remove();
        it.obj.removeFromParent();
      }
    },
  };
}
