/**
 * The electrical layer: per level, every circuit merged into one tube mesh and one LineSegments, coloured per
 * vertex. paint() writes a circuit's colour range in place and flags the attribute; a per-vertex `aPulse`
 * and a shared time uniform make alarmed circuits pulse in the shader — no geometry is ever rebuilt.
 */
import { BufferAttribute, BufferGeometry, Group, LineBasicMaterial, LineSegments, Mesh, MeshBasicMaterial, type Material } from 'three';
import { buildCircuitBuffers, fillColor, fillScalar, type CircuitBuffers, type RouteIn } from '../../../../lib/twin/circuit-geometry.ts';
import type { Tracker } from './tracker.ts';

export const pulseUniform = { value: 0 };

function withPulse<M extends Material>(m: M): M {
  m.onBeforeCompile = (shader) => {
    shader.uniforms.uPulseTime = pulseUniform;
    shader.vertexShader = shader.vertexShader
      .replace('#include <common>', '#include <common>\nattribute float aPulse;\nvarying float vPulse;')
      .replace('#include <begin_vertex>', '#include <begin_vertex>\nvPulse = aPulse;');
    shader.fragmentShader = shader.fragmentShader
      .replace('#include <common>', '#include <common>\nuniform float uPulseTime;\nvarying float vPulse;')
      .replace('#include <color_fragment>', '#include <color_fragment>\ndiffuseColor.rgb = mix(diffuseColor.rgb, vec3(1.0, 0.93, 0.93), vPulse * (0.5 + 0.5 * sin(uPulseTime * 7.0)) * 0.8);');
  };
  m.customProgramCacheKey = () => 'twin-pulse';
  return m;
}

interface LevelLayer {
  bufs: CircuitBuffers;
  tubeColor: BufferAttribute;
  tubePulse: BufferAttribute;
  lineColor: BufferAttribute;
  linePulse: BufferAttribute;
  lines: LineSegments;
  tubes: Mesh;
  dirty: boolean;
}

export interface CircuitLayer {
  groups: Group[];
  /** pickable line objects (one per level) */
  pickables: LineSegments[];
  paint(id: number, rgbLinear: readonly [number, number, number], pulse: number): void;
  /** flags for upload what changed since the last flush; true when anything did */
  flush(): boolean;
  circuitOfHit(object: LineSegments, segIndex: number): number | null;
  levelOf(id: number): number | undefined;
}

export function createCircuitLayer(perLevel: RouteIn[][], t: Tracker): CircuitLayer {
  // transparent (at full opacity) so they draw after the translucent walls: see buildings.ts
  const tubeMat = t.track(withPulse(new MeshBasicMaterial({ vertexColors: true, transparent: true })));
  const lineMat = t.track(withPulse(new LineBasicMaterial({ vertexColors: true, transparent: true })));
  const levels: LevelLayer[] = [];
  const groups: Group[] = [];
  const levelOfCircuit = new Map<number, number>();
  perLevel.forEach((routes, k) => {
    const g = new Group();
    g.name = `circuits-${k}`;
    groups.push(g);
    const bufs = buildCircuitBuffers(routes);
    for (const id of bufs.ids) levelOfCircuit.set(id, k);
    const tg = t.track(new BufferGeometry());
    tg.setAttribute('position', new BufferAttribute(bufs.tubePos, 3));
    tg.setAttribute('normal', new BufferAttribute(bufs.tubeNor, 3));
    tg.setIndex(new BufferAttribute(bufs.tubeIndex, 1));
    const tubeColor = new BufferAttribute(new Float32Array(bufs.tubePos.length).fill(0.3), 3);
    const tubePulse = new BufferAttribute(new Float32Array(bufs.tubePos.length / 3), 1);
    tg.setAttribute('color', tubeColor);
    tg.setAttribute('aPulse', tubePulse);
    tg.computeBoundingSphere();
    const lg = t.track(new BufferGeometry());
    lg.setAttribute('position', new BufferAttribute(bufs.linePos, 3));
    const lineColor = new BufferAttribute(new Float32Array(bufs.linePos.length).fill(0.3), 3);
    const linePulse = new BufferAttribute(new Float32Array(bufs.linePos.length / 3), 1);
    lg.setAttribute('color', lineColor);
    lg.setAttribute('aPulse', linePulse);
    lg.computeBoundingSphere();
    const tubes = new Mesh(tg, tubeMat);
    const lines = new LineSegments(lg, lineMat);
    tubes.renderOrder = 5;
    lines.renderOrder = 5;
    lines.userData.level = k;
    g.add(tubes, lines);
    levels.push({ bufs, tubeColor, tubePulse, lineColor, linePulse, lines, tubes, dirty: false });
  });
  return {
    groups,
    pickables: levels.map((l) => l.lines),
    paint(id, [r, g, b], pulse) {
      const k = levelOfCircuit.get(id);
      if (k === undefined) return;
      const L = levels[k];
      const tr = L.bufs.tubeRange.get(id);
      const lr = L.bufs.lineRange.get(id);
      let changed = fillColor(L.tubeColor.array as Float32Array, tr, r, g, b);
      changed = fillColor(L.lineColor.array as Float32Array, lr, r, g, b) || changed;
      changed = fillScalar(L.tubePulse.array as Float32Array, tr, pulse) || changed;
      changed = fillScalar(L.linePulse.array as Float32Array, lr, pulse) || changed;
      if (changed) L.dirty = true;
    },
    flush() {
      let any = false;
      for (const L of levels) {
        if (!L.dirty) continue;
        any = true;
        L.tubeColor.needsUpdate = true;
        L.tubePulse.needsUpdate = true;
        L.lineColor.needsUpdate = true;
        L.linePulse.needsUpdate = true;
        L.dirty = false;
      }
      return any;
    },
    circuitOfHit(object, segIndex) {
      const L = levels[object.userData.level as number];
      return L ? (L.bufs.segCircuit[segIndex] ?? null) : null;
    },
    levelOf: (id) => levelOfCircuit.get(id),
  };
}
