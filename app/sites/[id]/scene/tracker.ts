/**
 * Every GPU-backed object the twin creates goes through track(); dispose() frees them all. Live counts are
 * kept process-wide on window.__twinLive so the benchmark can see whether navigations leak.
 */
import type { BufferGeometry, Material, Texture } from 'three';

type Disposable = BufferGeometry | Material | Texture;
interface Live {
  geometries: number;
  materials: number;
  textures: number;
  engines: number;
}

export function liveCounts(): Live {
  const w = globalThis as { __twinLive?: Live };
  w.__twinLive ??= { geometries: 0, materials: 0, textures: 0, engines: 0 };
  return w.__twinLive;
}

export class Tracker {
  private items = new Set<Disposable>();

  track<T extends Disposable>(o: T): T {
    if (this.items.has(o)) return o;
    this.items.add(o);
    const live = liveCounts();
    const key = kindOf(o);
    live[key]++;
    const onDispose = () => {
      live[key]--;
      o.removeEventListener('dispose', onDispose);
    };
    o.addEventListener('dispose', onDispose);
    return o;
  }

  untrackAndDispose(o: Disposable): void {
    if (this.items.delete(o)) o.dispose();
  }

  dispose(): void {
    for (const o of this.items) o.dispose();
    this.items.clear();
  }
}

function kindOf(o: Disposable): 'geometries' | 'materials' | 'textures' {
  if ((o as BufferGeometry).isBufferGeometry) return 'geometries';
  if ((o as Texture).isTexture) return 'textures';
  return 'materials';
}
