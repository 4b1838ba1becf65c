/**
 * Alarm types (docs/telemetry-v1.md): the long Chinese names are the protocol's; the short ones are for charts
 * and chips. Equipment faults (故障) are kept apart from electrical hazards (报警), as Chinese fire-alarm panels
 * do, so a network outage never reads as a fire risk.
 */
import { ALARM_TYPES, type AlarmType } from '../../protocol/v1.ts';
import { STATUS_COLOURS } from './colours.ts';

export interface AlarmTypeInfo {
  zh: string;
  en: string;
  zhShort: string;
  enShort: string;
  /** an equipment fault, not an electrical hazard */
  fault: boolean;
  /** 1 = most urgent; hazards before faults */
  rank: number;
  colour: string;
  icon: string;
}

const HAZARD = STATUS_COLOURS.alarm;

export const ALARM_TYPE_INFO: Record<AlarmType, AlarmTypeInfo> = {
  arc_fault: { zh: '故障电弧', en: 'Arc fault', zhShort: '故障电弧', enShort: 'Arc fault', fault: false, rank: 1, colour: HAZARD, icon: 'ϟ' },
  residual_current: { zh: '剩余电流超限', en: 'Residual current over limit', zhShort: '剩余电流', enShort: 'Residual current', fault: false, rank: 2, colour: HAZARD, icon: '⏚' },
  overtemperature: { zh: '超温', en: 'Over-temperature', zhShort: '超温', enShort: 'Over-temp.', fault: false, rank: 3, colour: HAZARD, icon: '♨' },
  abnormal_heating: { zh: '接点异常发热', en: 'Abnormal joint heating', zhShort: '接点发热', enShort: 'Joint heating', fault: false, rank: 4, colour: HAZARD, icon: '✺' },
  overload: { zh: '过载', en: 'Overload', zhShort: '过载', enShort: 'Overload', fault: false, rank: 5, colour: HAZARD, icon: '⇈' },
  insulation_degradation: { zh: '绝缘劣化', en: 'Insulation degradation', zhShort: '绝缘劣化', enShort: 'Insulation', fault: false, rank: 6, colour: HAZARD, icon: '↗' },
  voltage_abnormal: { zh: '电压异常', en: 'Abnormal voltage', zhShort: '电压异常', enShort: 'Voltage', fault: false, rank: 7, colour: HAZARD, icon: '∿' },
  phase_imbalance: { zh: '三相不平衡', en: 'Phase imbalance', zhShort: '三相不平衡', enShort: 'Imbalance', fault: false, rank: 8, colour: HAZARD, icon: '⚖' },
  sensor_fault: { zh: '传感器故障', en: 'Sensor fault', zhShort: '传感器故障', enShort: 'Sensor fault', fault: true, rank: 9, colour: STATUS_COLOURS.fault, icon: '■' },
  device_offline: { zh: '设备离线', en: 'Device offline', zhShort: '离线', enShort: 'Offline', fault: true, rank: 10, colour: STATUS_COLOURS.offline, icon: '○' },
};

/** the equipment-fault types, in protocol order (SQL filters take this list) */
export const FAULT_TYPES: readonly AlarmType[] = ALARM_TYPES.filter((t) => ALARM_TYPE_INFO[t].fault);
export const isAlarmType = (t: string): t is AlarmType => Object.hasOwn(ALARM_TYPE_INFO, t);
export const isFaultType = (t: string): boolean => isAlarmType(t) && ALARM_TYPE_INFO[t].fault;

/** the type's name in the language; an unknown string (an old row, a new device) is shown as it is */
export function alarmTypeLabel(t: string, lang: 'zh' | 'en' = 'zh', form: 'long' | 'short' = 'long'): string {
  if (!isAlarmType(t)) return t;
  const i = ALARM_TYPE_INFO[t];
  return form === 'short' ? (lang === 'en' ? i.enShort : i.zhShort) : lang === 'en' ? i.en : i.zh;
}
