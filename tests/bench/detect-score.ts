/**
 * Scoring of the detection benchmark, event by event against a family's ground truth:
 *  - a fault is detected by the first alarm of an accepted type on its circuit that was open at or after its
 *    onset and opened before its end (+ grace); early when that alarm opened at or before the danger time;
 *  - a false alarm is any alarm opened on a fault-free circuit, except sensor_fault on a circuit with an
 *    injected sensor fault (device_offline is counted apart: dropout bursts of ≥ 3 messages meet the spec);
 *  - a heat alarm of a burning terminal must not clear while its sensor is blind (reads its top, open, gone).
 */
import type { AlarmType } from '../../lib/protocol/v1.ts';
import type { FamilyScenario, FamilyTruth } from '../../lib/physics/families/types.ts';

const HOUR = 3_600_000;
const GRACE = 2 * HOUR;
const SLOW = ['loose_connection', 'insulation_degradation'];
const HEAT: AlarmType[] = ['abnormal_heating', 'overtemperature', 'overload'];

export interface Opened { type: AlarmType; at: number; sev: string; cleared: number | null; gbAt: number | null }
export type Sink = Map<string, Opened[]>; // `${device}/${ch ?? ''}` → alarms opened there

export function record(sink: Sink, device: string, ch: number | undefined, type: AlarmType, openedAt: number, sev: string, cleared: number | null, now: number): void {
  const k = `${device}/${ch ?? ''}`;
  let l = sink.get(k);
  if (!l) sink.set(k, (l = []));
  const gb = sev === 'alarm' || sev === 'critical';
  const hit = l.find((o) => o.type === type && o.at === openedAt);
  if (!hit) l.push({ type, at: openedAt, sev, cleared, gbAt: gb ? openedAt : null });
  else {
    hit.cleared = cleared;
    if (gb) { hit.sev = sev; hit.gbAt ??= now; }
  }
}

export interface Run { label: string; sc: FamilyScenario; sink: Sink; samples: number }

export interface KindScore { n: number; detected: number; early: number; leadsH: number[]; lateBy: number[] }
export interface FamilyScore {
  byKind: Map<string, KindScore>;
  undangerous: { n: number; detected: number };
  fa: number;
  ffDays: number;
  faByType: Map<string, number>;
  sensN: number;
  sensHit: number;
  offN: number;
  offHit: number;
  offFalse: number;
  hidden: number;
  hiddenCleared: number;
  faList: { run: string; device: string; ch: number; type: string; kind: string | null; at: number }[];
  missList: { run: string; g: FamilyTruth; at: number | null }[];
}

function match(sink: Sink, g: FamilyTruth, end: number): Opened | undefined {
  const l = sink.get(`${g.device}/${g.ch ?? ''}`) ?? [];
  const until = (g.endMs ?? end) + GRACE;
  return l
    .filter((o) => g.acceptAlarms.includes(o.type) && o.at <= until && (o.at >= g.onsetMs || o.cleared === null || o.cleared > g.onsetMs))
    .sort((x, y) => x.at - y.at)[0];
}

export function score(runs: Run[]): FamilyScore {
  const s: FamilyScore = { byKind: new Map(), undangerous: { n: 0, detected: 0 }, fa: 0, ffDays: 0, faByType: new Map(), sensN: 0, sensHit: 0, offN: 0, offHit: 0, offFalse: 0, hidden: 0, hiddenCleared: 0, faList: [], missList: [] };
  for (const r of runs) {
    const end = r.sc.endMs, sink = r.sink;
    s.ffDays += r.sc.faultFreeCircuitDays;
    for (const g of r.sc.truth) {
      if (g.class === 'fault' && (g.dangerMs === null || g.dangerMs >= end)) {
        s.undangerous.n++;
        if (match(sink, g, end)) s.undangerous.detected++;
      } else if (g.class === 'fault') {
        const k = s.byKind.get(g.kind) ?? { n: 0, detected: 0, early: 0, leadsH: [], lateBy: [] };
        s.byKind.set(g.kind, k);
        k.n++;
        const m = match(sink, g, end);
        const at = m ? Math.max(m.at, g.onsetMs) : null;
        if (!m || (at as number) > (g.dangerMs as number)) s.missList.push({ run: r.label, g, at });
        if (!m) continue;
        k.detected++;
        if ((at as number) <= (g.dangerMs as number)) k.early++;
        else k.lateBy.push(((at as number) - (g.dangerMs as number)) / HOUR);
        k.leadsH.push(((g.dangerMs as number) - (at as number)) / HOUR);
        // a burning terminal whose sensor went blind: every heat alarm open then must stay open until the repair
        const hid = g.detail.sensorHiddenMs;
        if (typeof hid === 'number' && g.endMs !== null) {
          const l = (sink.get(`${g.device}/${g.ch}`) ?? []).filter((o) => HEAT.includes(o.type) && o.at <= hid && (o.cleared === null || o.cleared > hid));
          if (l.length) {
            s.hidden++;
            if (l.every((o) => o.cleared !== null && o.cleared < (g.endMs as number))) s.hiddenCleared++;
          }
        }
      } else if (g.class === 'sensor') {
        s.sensN++;
        if (match(sink, g, end)) s.sensHit++;
      } else if (g.kind === 'offline') {
        s.offN++;
        if (match(sink, g, end)) s.offHit++;
      }
    }
    const sensorCircuits = new Set(r.sc.truth.filter((g) => g.class === 'sensor').map((g) => `${g.device}/${g.ch}`));
    const offlineDevices = new Set(r.sc.truth.filter((g) => g.kind === 'offline').map((g) => `${g.device}/`));
    for (const c of r.sc.circuits) {
      if (!c.faultFree) continue;
      const k = `${c.device}/${c.ch}`;
      for (const o of sink.get(k) ?? []) {
        if (o.type === 'sensor_fault' && sensorCircuits.has(k)) continue;
        s.fa++;
        const t = `${o.type}${c.kind ? `(${c.kind})` : ''}`;
        s.faByType.set(t, (s.faByType.get(t) ?? 0) + 1);
        s.faList.push({ run: r.label, device: c.device, ch: c.ch, type: o.type, kind: c.kind, at: o.at });
      }
    }
    for (const [k, l] of sink) if (k.endsWith('/') && !offlineDevices.has(k)) s.offFalse += l.length;
  }
  return s;
}

export const median = (xs: number[]) => { if (!xs.length) return NaN; const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const r3 = (x: number) => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : null);

export const GOALS = { recallBeforeDanger: 0.95, recallAny: 0.98, falseAlarmsPer1000CircuitDays: 1, slowMedianLeadH: 6, sensorRecall: 0.9 };

/** The headline figures of one family, with its per-type counts. */
export function figures(s: FamilyScore) {
  const kinds = [...s.byKind.values()];
  const n = kinds.reduce((a, k) => a + k.n, 0);
  const recallAny = n ? kinds.reduce((a, k) => a + k.detected, 0) / n : 1;
  const recallBeforeDanger = n ? kinds.reduce((a, k) => a + k.early, 0) / n : 1;
  const slow = SLOW.map((k) => median(s.byKind.get(k)?.leadsH ?? [])).filter((x) => Number.isFinite(x));
  const slowMedianLeadH = slow.length ? Math.min(...slow) : NaN;
  const faPer1000 = s.ffDays ? (s.fa / s.ffDays) * 1000 : 0;
  const sensorRecall = s.sensN ? s.sensHit / s.sensN : 1;
  const goalsMet = recallBeforeDanger >= GOALS.recallBeforeDanger && recallAny >= GOALS.recallAny && faPer1000 <= GOALS.falseAlarmsPer1000CircuitDays
    && !(slowMedianLeadH < GOALS.slowMedianLeadH) && sensorRecall >= GOALS.sensorRecall && s.hiddenCleared === 0;
  return {
    recallBeforeDanger: r3(recallBeforeDanger), recallAny: r3(recallAny), falseAlarmsPer1000CircuitDays: r3(faPer1000), slowMedianLeadH: r3(slowMedianLeadH),
    sensorRecall: r3(sensorRecall), heatClearedWhileSensorBlind: s.hiddenCleared, goalsMet,
    faults: n, falseAlarms: s.fa, faultFreeCircuitDays: Math.round(s.ffDays),
    byType: Object.fromEntries([...s.byKind].sort().map(([k, v]) => [k, { n: v.n, detected: v.detected, early: v.early, medianLeadH: r3(median(v.leadsH)) }])),
    falseAlarmsByType: Object.fromEntries([...s.faByType].sort()),
    offlineRecall: r3(s.offN ? s.offHit / s.offN : 1), offlineOnDropouts: s.offFalse,
    notDangerous: s.undangerous,
  };
}
