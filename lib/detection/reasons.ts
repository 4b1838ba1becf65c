/**
 * Explanations: a one-sentence reason in English and Chinese plus the evidence (values, thresholds,
 * window) for an alarm record. Built only when a record is emitted, so it may allocate.
 */
import type { Circuit } from './circuit.ts';
import {
  AMB_RH, AMB_T, FIELDS, HT_DIFF, LK_BASE, LK_C, LK_SLOPE, ARC_RATE, L_AUX, L_BASE, L_SIZE, L_THRESH, L_VALUE,
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
  // overtemperature: aux = field index
  (c, v, th, aux) => ({
    value: r1(v), threshold: th,
    reason: `terminal ${TERM_EN[FIELDS[aux]] ?? '?'} at ${r1(v)} °C, set point ${th} °C (insulation limit ${c.limitC} °C)`,
    reasonZh: `${FIELD_ZH[FIELDS[aux]] ?? '端子温度'} ${r1(v)} °C，超过设定值 ${th} °C（绝缘限值 ${c.limitC} °C）`,
    extra: { temperatureC: r1(v), ambientC: r1(c.s[AMB_T]) },
    limits: { tempSetC: c.prof.tempSetC, maxConductorC: c.limitC },
    windowS: c.intervalS * c.pers[3 + 1],
  }),
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
  // abnormal heating: value = excess K, aux = field index
  (c, v, th, aux) => ({
    value: r1(v), threshold: th,
    reason: `terminal ${TERM_EN[FIELDS[aux]] ?? '?'} runs ${r1(v)} K hotter than its load explains (compared with the other terminals at equal current)`,
    reasonZh: `${FIELD_ZH[FIELDS[aux]] ?? '端子'}比同电流下其他端子高 ${r1(v)} K，发热与负载不符，疑似接点松动或氧化`,
    extra: { excessK: r1(v), differentialK: r1(c.s[HT_DIFF]) },
    limits: { heatWarnK: c.prof.heatWarnK, heatAlarmK: c.prof.heatAlarmK },
    windowS: 86_400,
  }),
  // arc fault: value = half-cycles per second
  (c, v, th) => ({
    value: r1(v), threshold: th,
    reason: th < c.prof.arcPerS
      ? `sustained arcing at ${r1(v)} half-cycles/s over several reports, below the GB 14287.4 limit of ${c.prof.arcPerS}/s but growing arcs precede fires`
      : `arcing at ${r1(v)} half-cycles/s, at or above the GB 14287.4 limit of ${th} per second`,
    reasonZh: th < c.prof.arcPerS
      ? `持续电弧 ${r1(v)} 个半周波/秒（连续多个上报周期），尚未达到 GB 14287.4 限值 ${c.prof.arcPerS} 个/秒，预警`
      : `故障电弧 ${r1(v)} 个半周波/秒，达到 GB 14287.4 限值 ${th} 个/秒`,
    extra: { halfCyclesPerS: r1(c.s[ARC_RATE]) },
    limits: { arcPerS: c.prof.arcPerS, arcPrewarnPerS: c.prof.arcPrewarnPerS },
    windowS: c.intervalS,
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
