/**
 * The twin's three.js engine: renderer, camera, OrbitControls, lights and shadows, the layers, picking and a
 * complete dispose(). It renders on demand: a frame is drawn only when something changed (data, colours,
 * camera, size, view options) or while the camera moves or alarmed circuits pulse (those at most PULSE_FPS),
 * so a calm site costs nothing between its 1 Hz updates. The shadow map is redrawn only when the scene's
 * geometry changes. React owns the DOM around it and talks to it through methods only.
 */
import {
  Box3, Color, DirectionalLight, Fog, HemisphereLight, PCFShadowMap, PerspectiveCamera, Raycaster, Scene, Vector2, Vector3, WebGLRenderer,
  type InstancedMesh, type LineSegments,
} from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { CSS2DRenderer } from 'three/examples/jsm/renderers/CSS2DRenderer.js';
import type { CircuitLatest } from '../../../../lib/events/realtime.ts';
import type { HeatMode } from '../../../../lib/twin/heat.ts';
import type { TwinAlarm, TwinData } from '../../../../lib/twin/types.ts';
import { buildLayers, type Built } from './build.ts';
import { applyView, fitView, Flight, topDown, type FreeRect, type View } from './camera.ts';
import { pulseUniform } from './circuits.ts';
import { createGround } from './ground.ts';
import { Highlight } from './highlight.ts';
import { createLabels, type LabelLayer } from './labels.ts';
import { Painter } from './painter.ts';
import { pickQuality, type Quality } from './quality.ts';
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
  onFirstFrame?: () => void;
  t0: number;
}

const GAP = 5;
const PULSE_FPS = 24;
/** widths of the floating panels over the canvas (twin.module.css), so the site is framed beside them */
const SIDE_W = 414;
const NARROW = 760;
/** twin.module.css zooms the panels on wall screens */
const uiScale = (w: number) => (w >= 2400 ? 1.6 : 1);

export class TwinEngine {
  readonly renderer: WebGLRenderer;
  readonly painter: Painter;
  readonly quality: Quality;
  private scene = new Scene();
  private camera: PerspectiveCamera;
  private controls: OrbitControls;
  private css: CSS2DRenderer;
  private t = new Tracker();
  private built: Built;
  private labels: LabelLayer;
  private highlight: Highlight;
  private home!: View;
  private framing: { points: Vector3[]; center: Vector3; radius: number };
  private flight: Flight | null = null;
  private raf = 0;
  private pulseTimer: ReturnType<typeof setTimeout> | null = null;
  private ro: ResizeObserver;
  private size = { w: 1, h: 1 };
  private azimuth = NaN;
  private down = new Vector2();
  private disposed = false;
  /** frames drawn, and the main-thread ms they took (render + labels) */
  frames = 0;
  renderMs = 0;
  /** the camera is flying or gliding (more frames follow) */
  moving = false;
  firstFrameMs: number | null = null;
  firstFrameAt: number | null = null;

  constructor(private readonly o: EngineOpts) {
    const { host, data } = o;
    const w = Math.max(1, host.clientWidth);
    const h = Math.max(1, host.clientHeight);
    this.quality = pickQuality(location.search);
    this.renderer = new WebGLRenderer({ antialias: this.quality.antialias, powerPreference: 'high-performance' });
    // a 3× phone would shade 9× the pixels of a 1× screen for little visible gain
    this.renderer.setPixelRatio(Math.min(window.devicePixelRatio || 1, this.quality.maxPixelRatio));
    this.renderer.setSize(w, h);
    this.renderer.shadowMap.enabled = this.quality.shadows;
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
    this.framing = framingOf(data, this.built, R);

    this.camera = new PerspectiveCamera(38, w / h, 0.5, R * 30);
    this.controls = new OrbitControls(this.camera, this.renderer.domElement);
    Object.assign(this.controls, { enableDamping: true, dampingFactor: 0.12, screenSpacePanning: true, maxPolarAngle: Math.PI * 0.48, minDistance: 6, maxDistance: R * 8 });
    this.resize();
    if (o.fromMap) {
      const from = topDown(this.framing.center, this.framing.radius * 0.8, w / h);
      applyView(this.camera, this.controls, from);
      this.flight = new Flight(from, this.home, 1800, 700);
    } else applyView(this.camera, this.controls, this.home);

    const el = this.renderer.domElement;
    el.addEventListener('pointerdown', this.onDown);
    el.addEventListener('pointerup', this.onUp);
    this.controls.addEventListener('start', this.cancelFlight);
    this.controls.addEventListener('change', this.invalidate);
    this.ro = new ResizeObserver(() => this.resize());
    this.ro.observe(host);
    liveCounts().engines++;
    this.renderer.shadowMap.needsUpdate = true;
    this.invalidate();
  }

  private cancelFlight = () => {
    this.flight = null;
  };

  /** Asks for one frame (coalesced into the next animation frame). */
  invalidate = () => {
    if (this.raf || this.disposed) return;
    if (this.pulseTimer) {
      clearTimeout(this.pulseTimer);
      this.pulseTimer = null;
    }
    this.raf = requestAnimationFrame(this.frame);
  };

  private frame = (now: number) => {
    this.raf = 0;
    if (this.disposed) return;
    let moving = false;
    if (this.flight) {
      if (this.flight.step(now, this.camera, this.controls)) moving = true;
      else this.flight = null;
    }
    // with damping the camera keeps gliding after the pointer is released; update() says whether it moved
    if (this.controls.update()) moving = true;
    const pulsing = this.painter.alarmed.size > 0;
    pulseUniform.value = now / 1000;
    const t = performance.now();
    this.renderer.render(this.scene, this.camera);
    this.css.render(this.scene, this.camera);
    this.labels.declutter(this.camera, this.size.w, this.size.h);
    this.renderMs += performance.now() - t;
    const az = this.controls.getAzimuthalAngle();
    if (az !== this.azimuth) this.o.onAzimuth((this.azimuth = az));
    this.frames++;
    if (this.firstFrameMs === null) {
      this.firstFrameMs = now - this.o.t0;
      this.firstFrameAt = now;
      this.o.onFirstFrame?.();
    }
    this.moving = moving;
    if (moving) this.invalidate();
    else if (pulsing) this.pulseTimer = setTimeout(this.invalidate, Math.max(0, 1000 / PULSE_FPS - (performance.now() - now)));
  };

  /** The part of the canvas not under the floating panels (twin.module.css), in NDC. */
  private free(): FreeRect {
    const { w, h } = this.size;
    const k = uiScale(w);
    const px = (x0: number, x1: number, y0: number, y1: number): FreeRect => ({ x0: (x0 / w) * 2 - 1, x1: (x1 / w) * 2 - 1, y0: 1 - (y1 / h) * 2, y1: 1 - (y0 / h) * 2 });
    // narrow: legend on top, the bottom sheet over the lowest quarter
    // (a margin for eaves, parapets and the labels over the roofs)
    return w > NARROW ? px(80 * k, w - (SIDE_W + 24) * k, 50 * k, h - 30 * k) : px(22, w - 22, 130, h * 0.72);
  }

  private resize() {
    const { clientWidth: w, clientHeight: h } = this.o.host;
    if (!w || !h) return;
    this.size = { w, h };
    // on wide screens the side panel covers the right: shift the optical centre left so orbiting pivots
    // about a point in the free part
    const d = w > NARROW ? (SIDE_W * uiScale(w)) / 2 : 0;
    this.camera.aspect = (w + d) / h; // the full (virtual) frustum; the view is its right-hand w pixels
    if (d > 0) this.camera.setViewOffset(w + d, h, d, 0, w, h);
    else this.camera.clearViewOffset();
    this.camera.updateProjectionMatrix();
    this.renderer.setSize(w, h);
    this.css.setSize(w, h);
    const f = this.framing;
    this.home = fitView(this.camera, f.points, f.center, 0.9, 0.38, this.free());
    this.invalidate();
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

  /** Turns the camera about its target by `rad` (the benchmark's stand-in for a user dragging). */
  orbit(rad: number) {
    this.cancelFlight();
    const v = this.currentView();
    v.azimuth += rad;
    applyView(this.camera, this.controls, v);
    this.invalidate();
  }

  applyLatest(list: CircuitLatest[]) {
    if (this.painter.applyLatest(list)) this.invalidate();
  }
  setAlarms(a: TwinAlarm[]) {
    this.painter.setAlarms(a);
    this.invalidate();
  }
  setMode(m: HeatMode) {
    this.painter.setMode(m);
    this.invalidate();
  }
  setXray(on: boolean) {
    this.built.buildings.setXray(on);
    this.renderer.shadowMap.needsUpdate = true;
    this.invalidate();
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
    this.invalidate();
  }

  /** Floors apart (0 together … 1 fully exploded) and/or one floor alone (null: all). */
  setFloors(explode: number, isolate: number | null) {
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
    this.invalidate();
  }

  get levels() {
    return this.built.levels.length - 1;
  }

  resetView() {
    this.flight = new Flight(this.currentView(), this.home, 900);
    this.invalidate();
  }

  private currentView(): View {
    const off = this.camera.position.clone().sub(this.controls.target);
    return { target: this.controls.target.clone(), radius: off.length(), polar: this.controls.getPolarAngle(), azimuth: this.controls.getAzimuthalAngle() };
  }

  dispose() {
    if (this.disposed) return;
    this.disposed = true;
    cancelAnimationFrame(this.raf);
    if (this.pulseTimer) clearTimeout(this.pulseTimer);
    this.ro.disconnect();
    const el = this.renderer.domElement;
    el.removeEventListener('pointerdown', this.onDown);
    el.removeEventListener('pointerup', this.onUp);
    this.controls.removeEventListener('start', this.cancelFlight);
    this.controls.removeEventListener('change', this.invalidate);
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

/** What the overview must show: every footprint corner at ground and roof height (three's axes). */
function framingOf(data: TwinData, built: Built, groundR: number): { points: Vector3[]; center: Vector3; radius: number } {
  const points: Vector3[] = [];
  for (const b of data.buildings) {
    const top = built.infos.get(b.id)?.roofZ ?? b.heightM;
    for (const [x, y] of b.footprint) points.push(new Vector3(x, 0, -y), new Vector3(x, top, -y));
  }
  if (points.length === 0) points.push(new Vector3(-groundR, 0, -groundR), new Vector3(groundR, 0, groundR));
  const box = new Box3().setFromPoints(points);
  const center = box.getCenter(new Vector3()).setY(box.max.y / 4);
  return { points, center, radius: Math.max(20, box.getSize(new Vector3()).setY(0).length() / 2) };
}
