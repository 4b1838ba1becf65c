/**
 * Buildings, distribution panels, detectors and monitored circuits for each site. Pure and deterministic:
 * every site draws from its own random stream (seed + site id), so sites do not shift one another.
 *
 * Frames: a building's footprint is a rectangle w × d (metres) rotated by the campus angle θ. Building-local
 * coordinates (panels, routes) are metres east (x) and north (y) of the footprint's first vertex, z up from
 * the ground. Floors are 0-based: floor 0 is the ground floor.
 */
import { INSULATION_LIMIT_C } from '../../lib/protocol/v1.ts';
import { offsetMetres } from './geo.ts';
import { Rng } from './rng.ts';
import type { SiteRow, SizeClass } from './sites.ts';
import { PROGRAMMES } from './programmes.ts';
import type { BuildingRow, DeviceRow, IdCounters, PanelRow, RoutePoint, SiteAssets } from './asset-types.ts';
import {
  CABLE_FOR_BREAKER, feederAmps, floorLabel, incomerAmps, INSTRUMENTED, insulationFor, KIND_LOADS, L, REPORT_INTERVAL_S,
  RESIDUAL_SET_MA, WINGS, ZONES_EN, ZONES_ZH, type Load,
} from './circuit-loads.ts';
import { INSET, layout, round2, routeUV, toLocal, type PanelLocal } from './campus-geometry.ts';

export type { BuildingRow, CircuitRow, DeviceRow, IdCounters, PanelRow, RoutePoint, SiteAssets } from './asset-types.ts';
export { BREAKERS, CABLE_FOR_BREAKER, INSTRUMENTED, REPORT_INTERVAL_S, RESIDUAL_SET_MA } from './circuit-loads.ts';

export function generateSiteAssets(site: SiteRow, seed: number, ids: IdCounters): SiteAssets {
  const r = new Rng(seed, `assets:${site.id}`);
  const specs = PROGRAMMES[site.category](site, r);
  const pos = layout(specs, r);
  const theta = r.range(-0.5, 0.5);
  const c = Math.cos(theta), s = Math.sin(theta);
  const instrumented = INSTRUMENTED.has(site.rolloutState);
  const showcase = site.size === 'showcase';
  const out: SiteAssets = { buildings: [], panels: [], devices: [], circuits: [] };
  let deviceN = 0;
  const installYear = site.installedAt ? Number(site.installedAt.slice(0, 4)) : 2019;
  const fw = installYear <= 2019 ? '1.2.7' : installYear === 2020 ? '1.3.4' : '1.4.1';

  specs.forEach((sp, i) => {
    const origin = pos[i];
    const corners: [number, number][] = [[0, 0], [sp.w, 0], [sp.w, sp.d], [0, sp.d], [0, 0]];
    const ring = corners.map(([u, v]) => {
      const cx = origin.x + u, cy = origin.y + v;
      return offsetMetres(site.campus, cx * c - cy * s, cx * s + cy * c);
    });
    const b: BuildingRow = {
      id: ++ids.building, siteId: site.id, nameZh: sp.zh, nameEn: sp.en, kind: sp.kind, ring, floors: sp.floors,
      heightM: round2(sp.floors * sp.floorH + (sp.kind === 'assembly_hall' || sp.kind === 'chapel' ? 1.5 : 0.6)),
      structure: sp.structure, builtYear: sp.builtYear, w: sp.w, d: sp.d, theta, floorH: sp.floorH,
    };
    out.buildings.push(b);

    // panels: the main board by the entrance (middle of the south wall), floor boards by the stairs (north wall)
    const area = sp.w * sp.d;
    const floorPanels = (showcase && sp.floors >= 2) || sp.floors >= 3 || (sp.floors >= 2 && area >= 600) || (sp.wings ?? 1) > 1;
    const wings = floorPanels ? (sp.wings ?? (area > 900 ? 2 : 1)) : 1;
    const panels: PanelLocal[] = [];
    const addPanel = (name: string, floor: number, u: number, v: number, u0: number, u1: number, isMain: boolean, wingZh?: [string, string]) => {
      const [x, y] = toLocal(b, u, v);
      const row: PanelRow = { id: ++ids.panel, siteId: site.id, buildingId: b.id, name, floor, x, y, z: round2(floor * sp.floorH + 1.5) };
      out.panels.push(row);
      panels.push({ row, u, v, floor, u0, u1, isMain, wingZh });
    };
    addPanel('总配电箱 AP', 0, round2(Math.min(sp.w - INSET, sp.w / 2 + 1.2)), 0.4, 0, sp.w, true);
    if (floorPanels) {
      for (let f = 0; f < sp.floors; f++)
        for (let k = 0; k < wings; k++) {
          if (f === 0 && k === 0 && wings === 1) continue; // the main board serves the ground floor
          const u0 = (sp.w * k) / wings, u1 = (sp.w * (k + 1)) / wings;
          const [fz] = floorLabel(f);
          const wing = wings > 1 ? WINGS[wings === 2 ? [0, 2][k] : k] : undefined;
          addPanel(`${fz}${wing ? wing[0] : ''}配电箱 AL${f + 1}${wings > 1 ? `-${k + 1}` : ''}`, f, round2((u0 + u1) / 2), round2(sp.d - 0.4), u0, u1, false, wing);
        }
    }
    if (!instrumented) return;

    // circuits per panel
    const loads = KIND_LOADS[sp.kind] ?? KIND_LOADS.office;
    const floorArea = (area * sp.floors);
    for (const p of panels) {
      const list: { l: Load; floor: number; zone: [number, number, number, number]; zoneIdx: number; target?: [number, number]; main?: boolean; amps?: number; wing?: [string, string] }[] = [];
      const fullZone: [number, number, number, number] = [p.u0, p.u1, 0, sp.d];
      if (p.isMain) {
        const totalArea = floorArea;
        const amps = incomerAmps(totalArea, sp.kind);
        const small = totalArea < 120;
        list.push({ l: L('总进线', 'Incomer', 'mixed', small ? 1 : 3, [small ? 40 : amps]), floor: 0, zone: fullZone, zoneIdx: -1, target: [p.u, INSET], main: true });
        for (const fp of panels)
          if (!fp.isMain)
            list.push({
              l: L(`${fp.row.name.split(' ')[0]}馈线`, `Feeder to ${fp.row.name.split(' ')[1]}`, 'mixed', 3, [feederAmps((area / wings))]),
              floor: fp.floor, zone: fullZone, zoneIdx: -1, target: [fp.u, fp.v], main: true,
            });
      }
      const servesFloors = p.isMain ? (floorPanels && wings > 1 ? [] : floorPanels ? [0] : Array.from({ length: sp.floors }, (_, f) => f)) : [p.floor];
      if (servesFloors.length) {
        const budgetMax = 16 - list.length;
        const lo = showcase ? 8 : sp.kind === 'plant' || sp.kind === 'hall' ? 6 : 4;
        const hi = showcase ? 12 : sp.kind === 'hall' ? 12 : sp.kind === 'plant' ? 9 : sp.kind === 'gallery' ? 6 : p.isMain ? 7 : 5;
        const target = Math.max(Math.min(budgetMax, r.int(lo, hi) * (servesFloors.length > 1 ? 1.2 : 1)), Math.min(4, budgetMax));
        const want = Math.min(budgetMax, Math.round(target));
        const seq: Load[] = [...loads.fixed];
        if (loads.heavy && (p.floor === 0 || sp.kind === 'hall') && (sp.floors >= 3 || area > 600 || sp.kind === 'plant' || sp.kind === 'dormitory')) {
          for (const h of loads.heavy) if (!(h.en === 'Lift' || h.en === 'Escalators') || sp.floors >= 4 || sp.kind === 'hall') seq.push(h);
        }
        while (seq.length < want) seq.push(r.pick(loads.fill));
        const picked = seq.slice(0, Math.max(want - (p.isMain ? 0 : 0), 1));
        const zoneCount: Record<string, number> = {};
        picked.forEach((l, i) => {
          const floor = servesFloors[i % servesFloors.length];
          // zones: east/west halves, south/north strips, centre, corridor (middle strip); wing boards skip the halves
          const first = wings > 1 ? 2 : 0;
          const zi = first + ((zoneCount[l.en] = (zoneCount[l.en] ?? -1) + 1) % (ZONES_ZH.length - first));
          const w0 = p.u0, w1 = p.u1, mid = (w0 + w1) / 2;
          const zones: [number, number, number, number][] = [
            [mid, w1, 0, sp.d], [w0, mid, 0, sp.d], [w0, w1, 0, sp.d / 2], [w0, w1, sp.d / 2, sp.d],
            [w0 + (w1 - w0) / 4, w1 - (w1 - w0) / 4, sp.d / 4, (sp.d * 3) / 4], [w0, w1, sp.d * 0.4, sp.d * 0.6],
          ];
          list.push({ l, floor, zone: zones[zi], zoneIdx: zi, wing: p.wingZh });
        });
      }
      if (list.length === 0) continue;
      // spares so that every detector has at least 4 channels in use
      const pads = [
        L('室外照明回路', 'Outdoor lighting', 'lighting', 1, [10]), L('应急照明回路', 'Emergency lighting', 'lighting', 1, [10]),
        L('备用回路', 'Spare', 'sockets', 1, [16]), L('备用回路', 'Spare', 'sockets', 1, [16]),
      ];
      for (let k = 0; list.length < 4; k++) list.push({ l: pads[k], floor: p.floor, zone: fullZone, zoneIdx: -1, main: false });
      const chCount = Math.min(16, list.length);
      deviceN++;
      const dev: DeviceRow = {
        id: `${site.id}-D${String(deviceN).padStart(2, '0')}`, siteId: site.id, panelId: p.row.id,
        model: chCount <= 4 ? 'ESMS-DT4' : chCount <= 8 ? 'ESMS-DT8' : 'ESMS-DT16', fw, reportIntervalS: REPORT_INTERVAL_S,
      };
      out.devices.push(dev);
      list.slice(0, 16).forEach((it, idx) => {
        const amps = it.l.amps.length === 1 ? it.l.amps[0] : r.pick(it.l.amps);
        const ins = insulationFor(b, !!it.main, r, site.category);
        const [fz, fe] = floorLabel(it.floor);
        const wz = it.wing ? it.wing[0] : '', we = it.wing ? ` ${it.wing[1]} wing` : '';
        const nameZh = it.main ? it.l.zh : `${it.l.zh} ${fz}${wz}${it.zoneIdx >= 0 ? ZONES_ZH[it.zoneIdx] : ''}`;
        const nameEn = it.main ? it.l.en : `${it.l.en} ${fe}${we}${it.zoneIdx >= 0 ? ' ' + ZONES_EN[it.zoneIdx] : ''}`;
        const uv = routeUV(b, p, it.floor, it.zone, r, it.target);
        out.circuits.push({
          id: ++ids.circuit, deviceId: dev.id, ch: idx + 1, siteId: site.id, buildingId: b.id, panelId: p.row.id,
          nameZh, nameEn, phases: it.l.phases, ratedCurrentA: amps, cableMm2: CABLE_FOR_BREAKER[amps], insulation: ins,
          maxConductorC: INSULATION_LIMIT_C[ins], loadType: it.l.load, reportIntervalS: REPORT_INTERVAL_S,
          residualSetMa: RESIDUAL_SET_MA,
          route: uv.map(([u, v, z]) => [...toLocal(b, u, v), z] as RoutePoint),
        });
      });
    }
  });
  return out;
}

export type { SizeClass };
