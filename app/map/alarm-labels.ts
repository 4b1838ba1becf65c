/** Display names for alarm types and severities (the detection core's reasons carry the details). */
import type { AlarmType, Severity } from '../../lib/protocol/v1.ts';

export const ALARM_TYPE_INFO: Record<AlarmType, { zh: string; en: string }> = {
  overload: { zh: '过载', en: 'Overload' },
  overtemperature: { zh: '线缆超温', en: 'Over-temperature' },
  residual_current: { zh: '剩余电流超限', en: 'Residual current' },
  insulation_degradation: { zh: '绝缘劣化', en: 'Insulation degradation' },
  abnormal_heating: { zh: '异常发热', en: 'Abnormal heating' },
  arc_fault: { zh: '故障电弧', en: 'Arc fault' },
  phase_imbalance: { zh: '三相不平衡', en: 'Phase imbalance' },
  voltage_abnormal: { zh: '电压异常', en: 'Voltage abnormal' },
  sensor_fault: { zh: '传感器故障', en: 'Sensor fault' },
  device_offline: { zh: '设备离线', en: 'Device offline' },
};

export const SEVERITY_INFO: Record<Severity, { zh: string; en: string }> = {
  warning: { zh: '预警', en: 'Warning' },
  alarm: { zh: '报警', en: 'Alarm' },
  critical: { zh: '危急', en: 'Critical' },
};
