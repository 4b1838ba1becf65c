import { describe, expect, it } from 'vitest';
import { buildSite, dataFloorHeights, styleFor } from '../../../lib/twin/mesh/site.ts';
import type { TwinBuilding } from '../../../lib/twin/types.ts';

const rect = (x: number, y: number, w: number, d: number): [number, number][] => [[x, y], [x + w, y], [x + w, y + d], [x, y + d]];
const b = (id: number, kind: string, structure: TwinBuilding['structure'], floors: number, fp = rect(0, 0, 30, 20)): TwinBuilding => ({
  id, nameZh: 'x', nameEn: 'x', kind, structure, floors, heightM: floors * 4 + 1.5, builtYear: null, footprint: fp,
});

describe('building generators', () => {
  it('styles temples Tibetan and schools, hospitals, malls modern', () => {
    expect(styleFor('temple', b(1, 'assembly_hall', 'stone_wood', 3))).toMatchObject({ family: 'tibetan', variant: 'hall' });
    expect(styleFor('temple', b(2, 'chapel', 'stone_wood', 2))).toMatchObject({ family: 'tibetan', variant: 'chapel' });
    expect(styleFor('temple', b(3, 'quarters', 'stone_wood', 2))).toMatchObject({ family: 'tibetan', variant: 'plain' });
    expect(styleFor('school', b(4, 'dormitory', 'concrete', 4))).toMatchObject({ family: 'modern', variant: 'dorm' });
    expect(styleFor('hospital', b(5, 'ward', 'concrete', 5))).toMatchObject({ variant: 'ward' });
    expect(styleFor('mall', b(6, 'hall', 'concrete', 4))).toMatchObject({ variant: 'mall' });
  });

  it('builds per-level stores, with the roof one level above the top floor', () => {
    const s = buildSite('temple', [b(1, 'assembly_hall', 'stone_wood', 3), b(2, 'quarters', 'stone_wood', 2, rect(40, 0, 30, 10))]);
    expect(s.levels).toBe(4);
    const keys = [...s.buckets.stores.values()].map((x) => `${x.level}|${x.part}|${x.cls}`);
    expect(keys).toContain('0|body|xray');
    expect(keys).toContain('3|roof|shiny'); // the hall's gold
    expect(keys).toContain('2|roof|opaque'); // the quarters' parapet
    const info = s.buildings.get(1)!;
    expect(info.floorZ).toHaveLength(3);
    expect(info.roofZ).toBeCloseTo(13.5, 6);
    for (const { store } of s.buckets.stores.values()) {
      expect(store.pos.length % 9).toBe(0);
      expect(store.col.length).toBe(store.pos.length);
      expect(store.pos.every(Number.isFinite)).toBe(true);
    }
  });

  it('keeps a big temple site cheap to build', () => {
    const many = Array.from({ length: 20 }, (_, i) => b(i + 1, i % 3 ? 'chapel' : 'assembly_hall', 'stone_wood', 3, rect((i % 5) * 50, Math.floor(i / 5) * 40, 30, 24)));
    const t0 = performance.now();
    const s = buildSite('temple', many);
    const tris = [...s.buckets.stores.values()].reduce((n, x) => n + x.store.triangles, 0);
    expect(performance.now() - t0).toBeLessThan(3000); // ~60 ms on an idle machine; only a guard against blow-ups
    expect(tris).toBeLessThan(150_000);
  });

  it('estimates the data floor height from the highest route point', () => {
    const m = dataFloorHeights([b(1, 'chapel', 'stone_wood', 2)], [{ buildingId: 1, route: [[0, 0, 1.5], [0, 0, 7.7]] }]);
    expect(m.get(1)).toBeCloseTo(4, 6);
  });
});
