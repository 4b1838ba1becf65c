/**
 * What each profile parameter means to a person: Chinese and English label, unit, the standard behind its range,
 * and the range itself — read from the core's profileSchema so the page, the API and the core can never disagree.
 * Pure (no I/O): the page passes these rows to the browser as props.
 */
import { profileSchema, type Profile } from '../../lib/detection/profile.ts';
import { ALARM_TYPE_INFO } from '../../lib/domain/vocabulary/index.ts';

export type ScalarKey = Exclude<keyof Profile, 'persistence'>;
export type PersistenceType = keyof Profile['persistence'];
export type PersistenceKey = 'm' | 'n' | 'clear';

export interface FieldInfo {
  key: ScalarKey;
  zh: string;
  en: string;
  unit: string;
  min: number;
  max: number;
  step: number;
  /** the rule behind the range, shown next to the field */
  basisZh: string;
  basisEn: string;
}

type Meta = Omit<FieldInfo, 'key' | 'min' | 'max'>;
const META: Record<ScalarKey, Meta> = {
  residualSetMa: { zh: '剩余电流报警设定值', en: 'Residual current set point', unit: 'mA', step: 10, basisZh: 'GB 50116 / GB 14287.2：常用 300–500 mA', basisEn: 'GB 50116 / GB 14287.2: 300–500 mA typical' },
  tempSetC: { zh: '测温报警设定值', en: 'Temperature set point', unit: '°C', step: 1, basisZh: 'GB 14287.3；不得高于导线绝缘允许温度', basisEn: 'GB 14287.3; never above the insulation limit' },
  tempWarnMarginK: { zh: '温度预警裕度', en: 'Temperature warning margin', unit: 'K', step: 1, basisZh: '达到限值前多少度预警', basisEn: 'warn this far below a limit' },
  leakRiseWarnMa: { zh: '绝缘劣化预警增量', en: 'Insulation degradation rise', unit: 'mA', step: 5, basisZh: '漏电流高于基线的增量（已修正湿度）', basisEn: 'humidity-corrected rise over baseline' },
  heatWarnK: { zh: '接点异常发热预警温升', en: 'Abnormal heating warning', unit: 'K', step: 1, basisZh: '负载无法解释的端子温升', basisEn: 'terminal rise not explained by load' },
  heatAlarmK: { zh: '接点异常发热报警温升', en: 'Abnormal heating alarm', unit: 'K', step: 1, basisZh: '负载无法解释的端子温升', basisEn: 'terminal rise not explained by load' },
  arcPerS: { zh: '故障电弧报警阈值', en: 'Arc fault threshold', unit: '半周期/秒', step: 1, basisZh: 'GB 14287.4：1 秒内 ≥14 个半周期必须报警，只可更严', basisEn: 'GB 14287.4: ≥14 half-cycles in 1 s must alarm; stricter only' },
  arcPrewarnPerS: { zh: '故障电弧预警阈值', en: 'Arc pre-warning', unit: '半周期/秒', step: 0.5, basisZh: '持续低于报警阈值的电弧仅预警；0 为关闭', basisEn: 'sustained sub-limit arcing warns only; 0 = off' },
  imbalanceWarn: { zh: '三相不平衡预警', en: 'Phase imbalance warning', unit: '比例', step: 0.05, basisZh: '最大偏差 / 平均电流', basisEn: 'max deviation / mean current' },
  imbalanceAlarm: { zh: '三相不平衡报警', en: 'Phase imbalance alarm', unit: '比例', step: 0.05, basisZh: '须大于预警值', basisEn: 'must exceed the warning' },
  neutralFrac: { zh: '中性线电流报警', en: 'Neutral current alarm', unit: '× 额定电流', step: 0.05, basisZh: '中性线电流 / 额定电流', basisEn: 'neutral current / rated current' },
  uWarnLowPct: { zh: '欠压预警', en: 'Under-voltage warning', unit: '%', step: 1, basisZh: 'GB/T 12325：220 V −10 %', basisEn: 'GB/T 12325: 220 V −10 %' },
  uWarnHighPct: { zh: '过压预警', en: 'Over-voltage warning', unit: '%', step: 1, basisZh: 'GB/T 12325：220 V +7 %', basisEn: 'GB/T 12325: 220 V +7 %' },
  uAlarmPct: { zh: '电压异常报警', en: 'Voltage alarm', unit: '±%', step: 1, basisZh: '超出 ±该比例即报警', basisEn: 'alarm beyond ± this' },
};

interface Bounded {
  minValue: number | null;
  maxValue: number | null;
}
const bounds = (s: unknown): { min: number; max: number } => {
  const b = s as Bounded;
  return { min: b.minValue ?? -Infinity, max: b.maxValue ?? Infinity };
};

export const FIELDS: FieldInfo[] = (Object.keys(META) as ScalarKey[]).map((key) => ({ key, ...META[key], ...bounds(profileSchema.shape[key]) }));
export const FIELD_BY_KEY = new Map(FIELDS.map((f) => [f.key, f]));

/** M-of-N persistence per alarm type (device_offline has none: 3 report intervals, fixed by the spec). */
export const PERSISTENCE_TYPES = Object.keys(profileSchema.shape.persistence.shape) as PersistenceType[];
export const PERSISTENCE_TYPE_NAME: Record<PersistenceType, { zh: string; en: string }> = Object.fromEntries(
  PERSISTENCE_TYPES.map((t) => [t, { zh: ALARM_TYPE_INFO[t].zh, en: ALARM_TYPE_INFO[t].en }]),
) as Record<PersistenceType, { zh: string; en: string }>;

export interface PersistenceFieldInfo {
  key: PersistenceKey;
  zh: string;
  en: string;
  min: number;
  max: number;
}
const P_META: Record<PersistenceKey, { zh: string; en: string }> = {
  m: { zh: '确认次数 M', en: 'Confirm M' },
  n: { zh: '窗口 N', en: 'Window N' },
  clear: { zh: '恢复次数', en: 'Calm samples to clear' },
};
const P_SHAPE = profileSchema.shape.persistence.shape.overload.shape;
export const PERSISTENCE_FIELDS: PersistenceFieldInfo[] = (['m', 'n', 'clear'] as const).map((key) => ({ key, ...P_META[key], ...bounds(P_SHAPE[key]) }));
export const PERSISTENCE_FIELD_BY_KEY = new Map(PERSISTENCE_FIELDS.map((f) => [f.key, f]));

/** "20–1000 mA" */
export const rangeText = (f: { min: number; max: number; unit?: string }) => `${f.min}–${f.max}${f.unit ? ` ${f.unit}` : ''}`;
