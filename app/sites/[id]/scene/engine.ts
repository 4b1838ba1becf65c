/**
 * The twin's three.js engine: renderer, camera, OrbitControls, lights and shadows, the layers, picking, the
 * render loop and a complete dispose(). React owns the DOM around it and talks to it through methods only.
 */
import {
  Color, DirectionalLight, Fog, HemisphereLight, PCFShadowMap, PerspectiveCamera, Raycaster, Scene, Vector2, Vector3, WebGLRenderer,
  type InstancedMesh, type LineSegments,
} from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { CSS2DRenderer } from 'three/examples/jsm/renderers/CSS2DRenderer.js';
import type { CircuitLatest } from '../../../../lib/events/realtime.ts';
import type { HeatMode } from '../../../../lib/twin/heat.ts';
import type { TwinAlarm, TwinData } from '../../../../lib/twin/types.ts';
import { buildLayers, type Built } from './build.ts';
import { applyView, Flight, overview, topDown, type View } from './camera.ts';
import { pulseUniform } from './circuits.ts';
import { createGround } from './ground.ts';
import { Highlight } from './highlight.ts';
import { createLabels, type LabelLayer } from './labels.ts';
import { Painter } from './painter.ts';
import { liveCounts, Tracker } from './tracker.ts';

export type Pick = { kind: 'circuit'; id: number } | { kind: 'panel'; id: number } | null;

export interface EngineOpts {
  host: HTMLElement;
  data: TwinData;
  lang: 'zh' | 'en';
  fromMap: boolean;
  labelClass: string;
  onPick: (p: Pick) => void;
  onAzimuth: (rad: number) => void;
  t0: number;
}

const GAP = 5;

export class TwinEngine {
  readonly renderer: WebGLRenderer;
  readonly painter: Painter;
  private scene = new Scene();
  private camera: PerspectiveCamera;
  private controls: OrbitControls;
  private css: CSS2DRenderer;
  private t = new Tracker();
  private built: Built;
  private labels: LabelLayer;
  private highlight: Highlight;
  private home: View;
  private flight: Flight | null = null;
  private raf = 0;
  private ro: ResizeObserver;
  private explode = 0;
  private isolate: number | null = null;
  private down = new Vector2();
  private disposed = false;
  frames = 0;
  firstFrameMs: number | null = null;
  firstFrameAt: number | null = null;

  constructor(private readonly o: EngineOpts) {
    const { host, data } = o;
    const w = Math.max(1, host.clientWidth);
    const h = Math.max(1, host.clientHeight);
    this.renderer = new WebGLRenderer({ antialias: true, powerPreference: 'high-performance' });
    this.renderer.setPixelRatio(Math.min(window.devicePixelRatio || 1, 2));
    this.renderer.setSize(w, h);
    this.renderer.shadowMap.enabled = true;
    this.renderer.shadowMap.type = PCFShadowMap;
    this.renderer.shadowMap.autoUpdate = false;
    host.appendChild(this.renderer.domElement);
    this.css = new CSS2DRenderer();
    this.css.setSize(w, h);
    Object.assign(this.css.domElement.style, { position: 'absolute', inset: '0', pointerEvents: 'none' });
    host.appendChild(this.css.domElement);

    const ground = createGround(data.buildings, this.t);
    const R = ground.radius;
    this.scene.background = new Color('#0b1a2e');
    this.scene.fog = new Fog('#0b1a2e', R * 4, R * 12);
    this.scene.add(new HemisphereLight('#dfeaff', '#4a4032', 1.6));
    const sun = new DirectionalLight('#fff3df', 2.6);
    sun.position.set(R * 0.9, R * 1.6, R * 0.7); // high plateau sun from the south-east
    sun.castShadow = true;
    sun.shadow.mapSize.set(2048, 2048);
    Object.assign(sun.shadow.camera, { left: -R * 1.3, right: R * 1.3, top: R * 1.3, bottom: -R * 1.3, near: 1, far: R * 5 });
    sun.shadow.bias = -0.0008;
    sun.shadow.normalBias = 0.04;
    this.scene.add(sun, ground.group);

    this.built = buildLayers(data, this.t);
    for (const g of this.built.levels) this.scene.add(g);
    this.labels = createLabels(data.buildings, this.built.infos, o.lang, o.labelClass);
    this.scene.add(this.labels.group);
    this.highlight = new Highlight(this.t);
    this.scene.add(this.highlight.mesh);
    this.painter = new Painter(data.circuits, this.built.circuits, this.built.panels, (m) => {
      for (const b of data.buildings) this.labels.setAlarmCount(b.id, m.get(b.id) ?? 0);
    });
    this.painter.applyLatest(data.latest);
    this.painter.setAlarms(data.activeAlarms);
    this.built.buildings.setXray(true);

    this.camera = new PerspectiveCamera(38, w / h, 0.5, R * 30);
    this.resize();
    this.controls = new OrbitControls(this.camera, this.renderer.domElement);
    Object.assign(this.controls, { enableDamping: true, dampingFactor: 0.12, screenSpacePanning: true, maxPolarAngle: Math.PI * 0.48, minDistance: 6, maxDistance: R * 8 });
    this.home = overview(new Vector3(0, 4, 0), R, w / h);
    if (o.fromMap) {
      const from = topDown(new Vector3(0, 0, 0), R, w / h);
      applyView(this.camera, this.controls, from);
      this.flight = new Flight(from, this.home, 1800, 700);
    } else applyView(this.camera, this.controls, this.home);

    const el = this.renderer.domElement;
    el.addEventListener('pointerdown', this.onDown);
    el.addEventListener('pointerup', this.onUp);
    this.controls.addEventListener('start', this.cancelFlight);
    this.ro = new ResizeObserver(() => this.resize());
    this.ro.observe(host);
    liveCounts().engines++;
    this.renderer.shadowMap.needsUpdate = true;
    this.loop();
  }

  private cancelFlight = () => {
    this.flight = null;
  };

  private loop = () => {
    if (this.disposed) return;
    this.raf = requestAnimationFrame(this.loop);
    const now = performance.now();
    pulseUniform.value = now / 1000;
    if (this.flight && !this.flight.step(now, this.camera, this.controls)) this.flight = null;
    this.controls.update();
    this.renderer.render(this.scene, this.camera);
    this.css.render(this.scene, this.camera);
    this.o.onAzimuth(this.controls.getAzimuthalAngle());
    this.frames++;
    if (this.firstFrameMs === null) {
      this.firstFrameMs = now - this.o.t0;
      this.firstFrameAt = now;
    }
  };

  private resize() {
    const { clientWidth: w, clientHeight: h } = this.o.host;
    if (!w || !h) return;
    // on wide screens the side panel covers the right: shift the optical centre left so the site sits in the free part
    const d = w > 760 ? Math.min(420, w * 0.22) : 0;
    this.camera.aspect = (w + d) / h; // the full (virtual) frustum; the view is its right-hand w pixels
    if (d > 0) this.camera.setViewOffset(w + d, h, d, 0, w, h);
    else this.camera.clearViewOffset();
    this.camera.updateProjectionMatrix();
    this.renderer.setSize(w, h);
    this.css.setSize(w, h);
  }

  private onDown = (e: PointerEvent) => this.down.set(e.clientX, e.clientY);
  private onUp = (e: PointerEvent) => {
    if (Math.hypot(e.clientX - this.down.x, e.clientY - this.down.y) > 6) return;
    this.o.onPick(this.pickAt(e.clientX, e.clientY));
  };

  pickAt(clientX: number, clientY: number): Pick {
    const rect = this.renderer.domElement.getBoundingClientRect();
    const ndc = new Vector2(((clientX - rect.left) / rect.width) * 2 - 1, -((clientY - rect.top) / rect.height) * 2 + 1);
    const ray = new Raycaster();
    ray.setFromCamera(ndc, this.camera);
    ray.params.Line = { threshold: Math.max(0.25, this.camera.position.distanceTo(this.controls.target) * 0.006) };
    const visible = (o: { parent: { visible: boolean; parent: { visible: boolean } | null } | null }) => !!o.parent?.visible && o.parent.parent?.visible !== false;
    const targets = [...this.built.circuits.pickables, ...this.built.panels.pickables].filter((o) => visible(o as never));
    const hit = ray.intersectObjects(targets, false)[0];
    if (!hit) return null;
    if ((hit.object as InstancedMesh).isInstancedMesh && hit.instanceId !== undefined) {
      const id = this.built.panels.panelOfHit(hit.object as InstancedMesh, hit.instanceId);
      return id == null ? null : { kind: 'panel', id };
    }
    const id = this.built.circuits.circuitOfHit(hit.object as LineSegments, Math.floor((hit.index ?? 0) / 2));
    return id == null ? null : { kind: 'circuit', id };
  }

  /** Screen position (client px) of a circuit's middle, for tests and for keyboard focus. */
  project(circuitId: number): { x: number; y: number } | null {
    const route = this.built.routes.get(circuitId);
    const k = this.built.circuits.levelOf(circuitId);
    if (!route || k === undefined) return null;
    const a = route[Math.floor((route.length - 1) / 2)];
    const b = route[Math.floor((route.length - 1) / 2) + 1] ?? a;
    const v = new Vector3((a[0] + b[0]) / 2, (a[2] + b[2]) / 2 + this.built.levels[k].position.y, -(a[1] + b[1]) / 2).project(this.camera);
    const rect = this.renderer.domElement.getBoundingClientRect();
    return { x: rect.left + ((v.x + 1) / 2) * rect.width, y: rect.top + ((1 - v.y) / 2) * rect.height };
  }

  applyLatest(list: CircuitLatest[]) {
    this.painter.applyLatest(list);
  }
  setAlarms(a: TwinAlarm[]) {
    this.painter.setAlarms(a);
  }
  setMode(m: HeatMode) {
    this.painter.setMode(m);
  }
  setXray(on: boolean) {
    this.built.buildings.setXray(on);
    this.renderer.shadowMap.needsUpdate = true;
  }

  select(circuitId: number | null, fly = false) {
    const route = circuitId != null ? this.built.routes.get(circuitId) : undefined;
    const k = circuitId != null ? this.built.circuits.levelOf(circuitId) : undefined;
    this.highlight.show(route ?? null);
    const dy = k !== undefined ? this.built.levels[k].position.y : 0;
    this.highlight.mesh.position.y = dy;
    if (fly && route) {
      const c = route.reduce((a, p) => [a[0] + p[0] / route.length, a[1] + p[1] / route.length, a[2] + p[2] / route.length], [0, 0, 0]);
      const from = this.currentView();
      this.flight = new Flight(from, { target: new Vector3(c[0], c[2] + dy, -c[1]), radius: Math.min(from.radius, 55), polar: Math.min(from.polar, 0.95), azimuth: from.azimuth }, 900);
    }
  }

  /** Floors apart (0 together … 1 fully exploded) and/or one floor alone (null: all). */
  setFloors(explode: number, isolate: number | null) {
    this.explode = explode;
    this.isolate = isolate;
    this.built.levels.forEach((g, k) => {
      g.position.y = k * GAP * explode;
      g.visible = isolate === null || k === isolate;
      this.built.buildings.roofs[k].visible = isolate === null;
    });
    for (const it of this.labels.items) {
      const top = isolate === null ? it.info.roofZ + it.info.floors * GAP * explode : (it.info.floorZ[isolate] ?? NaN) + it.info.floorH + isolate * GAP * explode;
      it.obj.visible = Number.isFinite(top);
      it.obj.position.y = top + 2;
    }
    this.renderer.shadowMap.needsUpdate = true;
  }

  get levels() {
    return this.built.levels.length - 1;
  }

  resetView() {
    this.flight = new Flight(this.currentView(), this.home, 900);
  }

  private currentView(): View {
    const off = this.camera.position.clone().sub(this.controls.target);
    return { target: this.controls.target.clone(), radius: off.length(), polar: this.controls.getPolarAngle(), azimuth: this.controls.getAzimuthalAngle() };
  }

  dispose() {
    if (this.disposed) return;
    this.disposed = true;
    cancelAnimationFrame(this.raf);
    this.ro.disconnect();
    const el = this.renderer.domElement;
    el.removeEventListener('pointerdown', this.onDown);
    el.removeEventListener('pointerup', this.onUp);
    this.controls.removeEventListener('start', this.cancelFlight);
    this.controls.dispose();
    this.labels.dispose();
    this.scene.traverse((o) => {
      const m = o as { isInstancedMesh?: boolean; dispose?: () => void };
      if (m.isInstancedMesh) m.dispose?.();
    });
    this.scene.clear();
    this.t.dispose();
    this.renderer.dispose();
    this.renderer.forceContextLoss();
    el.remove();
    this.css.domElement.remove();
    liveCounts().engines--;
  }
}
