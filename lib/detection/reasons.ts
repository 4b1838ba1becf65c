/**
 * Explanations: a one-sentence reason in English and Chinese plus the evidence (values, thresholds,
 * window) for an alarm record. Built only when a record is emitted, so it may allocate.
 */
import type { Circuit } from './circuit.ts';
import {
  AMB_RH, AMB_T, AR_S, FIELDS, H_BASE, H_SIZE, H_TPREV, HT_DIFF, HT_RATED, LK_BASE, LK_C, LK_SLOPE, ARC_RATE, L_AUX, L_BASE, L_SIZE, L_THRESH, L_VALUE,
  SENSOR_KINDS, TH_BRK, TH_THETA,
} from './slots.ts';

export interface Evidence {
  values: Record<string, number>;
  thresholds: Record<string, number>;
  /** the window the decision looked at, in seconds */
  windowS: number;
  /** persistence rule that opened it, "m/n" samples */
  persistence: string;
}
export interface Explanation {
  value: number | null;
  threshold: number | null;
  reason: string;
  reasonZh: string;
  evidence: Evidence;
}

const r1 = (x: number) => Math.round(x * 10) / 10;
const PHASE_EN = ['A', 'B', 'C'];
const TERM_EN: Record<string, string> = { ta: 'A', tb: 'B', tc: 'C', tn: 'N' };
const SENSOR_ZH: Record<string, string> = { stuck: '卡死', drifting: '漂移', spiking: '跳变', disconnected: '断线', missing: '缺失' };
const FIELD_ZH: Record<string, string> = {
  ia: 'A相电流', ib: 'B相电流', ic: 'C相电流', ir: '剩余电流', ta: 'A相温度', tb: 'B相温度', tc: 'C相温度', tn: 'N线温度',
  ua: 'A相电压', ub: 'B相电压', uc: 'C相电压',
};

/** A heat alarm kept because its sensor failed under it (detectors/hidden.ts). */
function hiddenEn(f: string, last: number, aux: number): string {
  return aux >= 200
    ? `the sensor of terminal ${TERM_EN[f] ?? '?'} failed while this alarm was open (last trusted ${r1(last)} °C): the condition is hidden, not recovered`
    : `terminal ${TERM_EN[f] ?? '?'} was climbing (last trusted ${r1(last)} °C) when its sensor read its limit, open circuit or nothing: the heat is hidden, not gone — treat as a fire`;
}
function hiddenZh(f: string, last: number, aux: number): string {
  const name = FIELD_ZH[f] ?? '端子温度';
  return aux >= 200
    ? `${name}传感器在报警期间失效（最后可信读数 ${r1(last)} °C），隐患被遮蔽而非消除，保持报警`
    : `${name}持续上升至 ${r1(last)} °C 后传感器读数到限、断线或丢失：读数丢失前温度持续上升，按起火处置（在箱外拉下上级总闸，勿开箱，必要时拨打 119）`;
}

type Built = Omit<Explanation, 'evidence'> & { extra: Record<string, number>; limits: Record<string, number>; windowS: number };
type Builder = (c: Circuit, v: number, th: number, aux: number) => Built;

const BUILDERS: Builder[] = [
  // overload: aux = estimated conductor temperature
  (c, v, th, aux) => ({
    value: r1(v), threshold: r1(th),
    reason: `current ${r1(v)} A against ${r1(th)} A rating/ampacity; conductor estimated at ${r1(aux)} °C (limit ${c.limitC} °C)`,
    reasonZh: `电流 ${r1(v)} A，额定/载流量 ${r1(th)} A，估算导体温度 ${r1(aux)} °C（限值 ${c.limitC} °C）`,
    extra: { currentA: r1(v), conductorEstC: r1(aux), breakerHeatRatio: r1(Math.sqrt(c.s[TH_BRK]) * 100) / 100, riseK: r1(c.s[TH_THETA]) },
    limits: { ratedA: c.inA, ampacityA: r1(c.izA), maxConductorC: c.limitC },
    windowS: c.tauCableS,
  }),
  // overtemperature: aux = field index (+100 / +200: kept because its sensor failed after a climb / while in alarm)
  (c, v, th, aux) => {
    const f = FIELDS[aux % 100], hidden = aux >= 100;
    return {
      value: r1(v), threshold: th,
      reason: hidden ? `${hiddenEn(f, v, aux)}; set point ${th} °C (insulation limit ${c.limitC} °C)` : `terminal ${TERM_EN[f] ?? '?'} at ${r1(v)} °C, set point ${th} °C (insulation limit ${c.limitC} °C)`,
      reasonZh: hidden ? `${hiddenZh(f, v, aux)}（设定值 ${th} °C，绝缘限值 ${c.limitC} °C）` : `${FIELD_ZH[f] ?? '端子温度'} ${r1(v)} °C，超过设定值 ${th} °C（绝缘限值 ${c.limitC} °C）`,
      extra: { temperatureC: r1(v), ambientC: r1(c.s[AMB_T]), ...(hidden ? { sensorFailedUnderHeat: aux >= 200 ? 1 : 2 } : {}) },
      limits: { tempSetC: c.prof.tempSetC, maxConductorC: c.limitC },
      windowS: c.intervalS * c.pers[3 + 1],
    };
  },
  // residual current
  (c, v, th) => ({
    value: r1(v), threshold: th,
    reason: `residual current ${r1(v)} mA above the ${th} mA set point`,
    reasonZh: `剩余电流 ${r1(v)} mA，超过设定值 ${th} mA`,
    extra: { residualMa: r1(v) },
    limits: { residualSetMa: c.prof.residualSetMa },
    windowS: c.intervalS * c.pers[6 + 1],
  }),
  // insulation degradation: value = load- and humidity-corrected leakage, aux unused
  (c, v, th) => ({
    value: r1(v), threshold: th,
    reason: `leakage ${r1(v)} mA (corrected for load and humidity) rising ${r1(c.s[LK_SLOPE])} mA/day from ${r1(c.s[LK_BASE])} mA baseline, before the ${c.prof.residualSetMa} mA set point`,
    reasonZh: `剩余电流（负载与湿度修正后）${r1(v)} mA，较基线 ${r1(c.s[LK_BASE])} mA 持续上升 ${r1(c.s[LK_SLOPE])} mA/天，绝缘劣化预警`,
    extra: { correctedMa: r1(c.s[LK_C]), baselineMa: r1(c.s[LK_BASE]), slopeMaPerDay: r1(c.s[LK_SLOPE]), rh: r1(c.s[AMB_RH]) },
    limits: { riseWarnMa: c.prof.leakRiseWarnMa, residualSetMa: c.prof.residualSetMa },
    windowS: 86_400,
  }),
  // abnormal heating: value = excess K, aux = field index (+100 / +200 as for overtemperature)
  (c, v, th, aux) => {
    const f = FIELDS[aux % 100], hidden = aux >= 100;
    const rated = c.s[HT_RATED];
    const atRated = rated === rated && rated > v ? `, ≈ ${r1(rated)} K at rated current` : '';
    const atRatedZh = rated === rated && rated > v ? `（折算至额定电流约 ${r1(rated)} K）` : '';
    const en = `terminal ${TERM_EN[f] ?? '?'} runs ${r1(v)} K hotter than its load explains (compared with the other terminals at equal current${atRated})`;
    const zh = `${FIELD_ZH[f] ?? '端子'}比同电流下其他端子高 ${r1(v)} K${atRatedZh}，发热与负载不符，疑似接点松动或氧化`;
    const last = c.s[H_BASE + ((aux % 100) - FIELDS.indexOf('ta')) * H_SIZE + H_TPREV];
    return {
      value: r1(v), threshold: th,
      reason: hidden ? `${en}; ${hiddenEn(f, last, aux)}` : en,
      reasonZh: hidden ? `${zh}；${hiddenZh(f, last, aux)}` : zh,
      extra: { excessK: r1(v), differentialK: r1(c.s[HT_DIFF]), ...(rated === rated ? { excessAtRatedK: r1(rated) } : {}), ...(hidden ? { sensorFailedUnderHeat: aux >= 200 ? 1 : 2, lastTrustedC: r1(last) } : {}) },
      limits: { heatWarnK: c.prof.heatWarnK, heatAlarmK: c.prof.heatAlarmK },
      windowS: 86_400,
    };
  },
  // arc fault: aux 0 = GB rate (value half-cycles/s), 1 = sustained sub-limit (half-cycles/s), 2 = growing bursts (value evidence)
  (c, v, th, aux) => ({
    value: r1(v), threshold: r1(th),
    reason: aux === 2
      ? `arc half-cycle counts in report after report that this circuit's loads have not shown before (evidence ${r1(v)} against its own level ${r1(th)}): intermittent bursts of a forming series arc, below the GB 14287.4 limit of ${c.prof.arcPerS}/s on average`
      : aux === 1
        ? `sustained arcing at ${r1(v)} half-cycles/s over several reports, below the GB 14287.4 limit of ${c.prof.arcPerS}/s but growing arcs precede fires`
        : `arcing at ${r1(v)} half-cycles/s, at or above the GB 14287.4 limit of ${th} per second`,
    reasonZh: aux === 2
      ? `连续多个上报周期出现该回路负载从未有过的电弧半周波计数（证据 ${r1(v)}，本回路平时水平 ${r1(th)}）：疑似串联故障电弧正在形成（间歇性电弧簇，平均值尚未达到 GB 14287.4 限值 ${c.prof.arcPerS} 个/秒），预警`
      : aux === 1
        ? `持续电弧 ${r1(v)} 个半周波/秒（连续多个上报周期），尚未达到 GB 14287.4 限值 ${c.prof.arcPerS} 个/秒，预警`
        : `故障电弧 ${r1(v)} 个半周波/秒，达到 GB 14287.4 限值 ${th} 个/秒`,
    extra: { halfCyclesPerS: r1(c.s[ARC_RATE]), evidence: r1(c.s[AR_S]) },
    limits: { arcPerS: c.prof.arcPerS, arcPrewarnPerS: c.prof.arcPrewarnPerS },
    windowS: aux === 2 ? 3 * 3600 : c.intervalS,
  }),
  // phase imbalance: aux 0 = imbalance (value fraction), 1 = neutral current (value A)
  (c, v, th, aux): Built => (aux === 1
    ? {
        value: r1(v), threshold: r1(th),
        reason: `neutral current ${r1(v)} A (from phase currents) above ${r1(th)} A`,
        reasonZh: `中性线电流 ${r1(v)} A，超过 ${r1(th)} A`,
        extra: { neutralA: r1(v) }, limits: { neutralA: r1(th) }, windowS: c.intervalS * c.pers[18 + 1],
      }
    : {
        value: r1(v * 100), threshold: r1(th * 100),
        reason: `three-phase current imbalance ${r1(v * 100)} % above ${r1(th * 100)} %`,
        reasonZh: `三相电流不平衡度 ${r1(v * 100)} %，超过 ${r1(th * 100)} %`,
        extra: { imbalancePct: r1(v * 100) }, limits: { imbalancePct: r1(th * 100) }, windowS: c.intervalS * c.pers[18 + 1],
      }),
  // voltage abnormal: aux = 0 over, 1 under, 2 lost neutral; +10·phase
  (c, v, th, aux) => {
    const kind = aux % 10, ph = PHASE_EN[Math.floor(aux / 10)] ?? 'A';
    const en = kind === 2 ? `lost neutral suspected: phase voltages split (${r1(v)} V on ${ph})` : kind === 0 ? `over-voltage ${r1(v)} V on phase ${ph} (limit ${r1(th)} V)` : `under-voltage ${r1(v)} V on phase ${ph} (limit ${r1(th)} V)`;
    const zh = kind === 2 ? `疑似中性线断线：三相电压严重偏移（${ph}相 ${r1(v)} V）` : kind === 0 ? `${ph}相过电压 ${r1(v)} V（限值 ${r1(th)} V）` : `${ph}相欠电压 ${r1(v)} V（限值 ${r1(th)} V）`;
    return { value: r1(v), threshold: r1(th), reason: en, reasonZh: zh, extra: { voltageV: r1(v) }, limits: { limitV: r1(th) }, windowS: c.intervalS * c.pers[21 + 1] };
  },
  // sensor fault: aux = field·10 + kind
  (c, v, _th, aux) => {
    const f = FIELDS[Math.floor(aux / 10)] ?? '?', kind = SENSOR_KINDS[aux % 10] ?? 'faulty';
    return {
      value: Number.isFinite(v) ? r1(v) : null, threshold: null,
      reason: `sensor ${f} is ${kind}; its readings are excluded from hazard detection`,
      reasonZh: `${FIELD_ZH[f] ?? f}传感器${SENSOR_ZH[kind] ?? '故障'}，其读数已暂停用于隐患判断`,
      extra: {}, limits: {}, windowS: 3600,
    };
  },
];

export function explain(c: Circuit, t: number): Explanation {
  const b = L_BASE + t * L_SIZE;
  const x = BUILDERS[t](c, c.s[b + L_VALUE], c.s[b + L_THRESH], c.s[b + L_AUX]);
  const p = c.pers;
  return {
    value: x.value, threshold: x.threshold, reason: x.reason, reasonZh: x.reasonZh,
    evidence: { values: x.extra, thresholds: x.limits, windowS: x.windowS, persistence: `${p[t * 3]}/${p[t * 3 + 1]}` },
  };
}
