/**
 * Decides every circuit's colour and pulse from its latest reading, its active alarms and the heat mode, and
 * the panels' and buildings' alarm state. Paints only what changed; one flush per update.
 */
import type { CircuitLatest } from '../../../../lib/events/realtime.ts';
import { srgbToLinear } from '../../../../lib/twin/circuit-geometry.ts';
import { HEAT_STOPS, heatRatio, heatRgb, hexToRgb, NO_DATA_COLOR, type HeatMode } from '../../../../lib/twin/heat.ts';
import { alarmStatus, SITE_STATUS_INFO, statusRank } from '../../../../lib/domain/vocabulary/index.ts';
import type { TwinAlarm, TwinCircuit } from '../../../../lib/twin/types.ts';
import type { Severity } from '../../../../lib/protocol/v1.ts';
import type { CircuitLayer } from './circuits.ts';
import type { PanelLayer } from './panels.ts';

const lin = (c: [number, number, number]): [number, number, number] => [srgbToLinear(c[0]), srgbToLinear(c[1]), srgbToLinear(c[2])];

// the heat scale in linear RGB at 1/200 steps up to its top stop: a live update looks colours up, allocating nothing
const STEPS = 200;
const TOP = HEAT_STOPS[HEAT_STOPS.length - 1].at;
const HEAT_LIN = Array.from({ length: STEPS + 1 }, (_, i) => lin(heatRgb((i / STEPS) * TOP)));
const NO_DATA_LIN = lin(hexToRgb(NO_DATA_COLOR));
/** how an alarmed circuit looks: its severity, 故障, or 已恢复待复位 (latched, its condition gone) */
type Look = Severity | 'fault' | 'recovered';
const LOOK_LIN = Object.fromEntries(Object.entries(SITE_STATUS_INFO).map(([k, v]) => [k, lin(hexToRgb(v.colour))])) as Record<Look, [number, number, number]>;
const heatLin = (r: number) => (Number.isFinite(r) ? HEAT_LIN[Math.round((Math.min(Math.max(r, 0), TOP) / TOP) * STEPS)] : NO_DATA_LIN);

export class Painter {
  mode: HeatMode = 'temperature';
  readonly latest = new Map<number, CircuitLatest>();
  /** circuit id → worst active alarm's look */
  readonly alarmed = new Map<number, Look>();
  private byId: Map<number, TwinCircuit>;

  constructor(
    private readonly circuits: TwinCircuit[],
    private readonly layer: CircuitLayer,
    private readonly panels: PanelLayer,
    private readonly onBuildingAlarms: (counts: Map<number, number>) => void,
  ) {
    this.byId = new Map(circuits.map((c) => [c.id, c]));
  }

  /** Merges readings (only newer ones) and repaints those circuits; true when a colour changed. */
  applyLatest(list: CircuitLatest[]): boolean {
    let fresh = false;
    for (const l of list) {
      const prev = this.latest.get(l.circuitId);
      if (prev && prev.ts > l.ts) continue;
      if (!prev) {
        fresh = true;
        this.latest.set(l.circuitId, { ...l });
      } else Object.assign(prev, l); // own copy: merged in place
      this.paintCircuit(l.circuitId);
    }
    const changed = this.layer.flush();
    if (fresh) this.paintPanelsAndBuildings();
    return changed || fresh;
  }

  setAlarms(active: TwinAlarm[]): void {
    const before = new Set(this.alarmed.keys());
    this.alarmed.clear();
    for (const a of active) {
      if (a.circuitId == null || a.clearedAt != null) continue;
      const cur = this.alarmed.get(a.circuitId);
      const look = alarmStatus(a.type, a.severity, a.recoveredAt != null);
      if (!cur || statusRank(look) > statusRank(cur)) this.alarmed.set(a.circuitId, look);
    }
    for (const id of new Set([...before, ...this.alarmed.keys()])) this.paintCircuit(id);
    this.layer.flush();
    this.paintPanelsAndBuildings();
  }

  setMode(mode: HeatMode): void {
    this.mode = mode;
    this.repaintAll();
  }

  repaintAll(): void {
    for (const c of this.circuits) this.paintCircuit(c.id);
    this.layer.flush();
    this.paintPanelsAndBuildings();
  }

  colorOf(id: number): string {
    const sev = this.alarmed.get(id);
    if (sev) return SITE_STATUS_INFO[sev].colour;
    const c = this.byId.get(id);
    const r = c ? heatRatio(this.mode, c, this.latest.get(id)) : NaN;
    if (!Number.isFinite(r)) return NO_DATA_COLOR;
    const [R, G, B] = heatRgb(r);
    return `rgb(${Math.round(R * 255)}, ${Math.round(G * 255)}, ${Math.round(B * 255)})`;
  }

  private paintCircuit(id: number): void {
    const c = this.byId.get(id);
    if (!c) return;
    const sev = this.alarmed.get(id);
    if (sev) {
      // a recovered alarm does not pulse: nothing is happening now, it only waits for a person
      this.layer.paint(id, LOOK_LIN[sev], sev === 'recovered' ? 0 : 1);
      return;
    }
    this.layer.paint(id, heatLin(heatRatio(this.mode, c, this.latest.get(id))), 0);
  }

  private paintPanelsAndBuildings(): void {
    const panelSev = new Map<number, Look | 'normal' | 'offline'>();
    const buildingCount = new Map<number, number>();
    for (const c of this.circuits) {
      const sev = this.alarmed.get(c.id);
      if (c.buildingId != null && sev) buildingCount.set(c.buildingId, (buildingCount.get(c.buildingId) ?? 0) + 1);
      if (c.panelId == null) continue;
      const cur = panelSev.get(c.panelId);
      const mine = sev ?? (this.latest.has(c.id) ? 'normal' : 'offline');
      const rank = (s: Look | 'normal' | 'offline' | undefined) => (s === undefined ? -1 : statusRank(s));
      if (rank(mine) > rank(cur)) panelSev.set(c.panelId, mine);
    }
    for (const [pid, s] of panelSev) this.panels.setColor(pid, SITE_STATUS_INFO[s].colour);
    this.panels.flush();
    this.onBuildingAlarms(buildingCount);
  }
}
