/** Severity vocabulary shared by alarms, hazards and notifications (pure; browser-safe). */
import type { Severity } from '../../protocol/v1.ts';

export const SEVERITY_ORDER: Severity[] = ['warning', 'alarm', 'critical'];
export const SEVERITY_INFO: Record<Severity, { zh: string; en: string; color: string }> = {
  warning: { zh: '预警', en: 'Warning', color: '#ffb020' },
  alarm: { zh: '报警', en: 'Alarm', color: '#ff4d4f' },
  critical: { zh: '危急', en: 'Critical', color: '#ff1f6b' },
};
export const rank = (s: string) => SEVERITY_ORDER.indexOf(s as Severity);
export const atLeast = (s: string, min: string) => rank(s) >= rank(min);

/** Rectification deadlines by severity (critical 24 h, alarm 72 h, warning 7 d). */
export const DEADLINE_HOURS: Record<Severity, number> = { critical: 24, alarm: 72, warning: 7 * 24 };
export function deadlineFor(severity: Severity, from: Date): Date {
  return new Date(from.getTime() + DEADLINE_HOURS[severity] * 3600_000);
}

export const ALARM_TYPE_INFO: Record<string, { zh: string; en: string }> = {
  overload: { zh: '过载', en: 'Overload' },
  overtemperature: { zh: '超温', en: 'Over-temperature' },
  residual_current: { zh: '剩余电流超限', en: 'Residual current' },
  insulation_degradation: { zh: '绝缘劣化', en: 'Insulation degradation' },
  abnormal_heating: { zh: '接点异常发热', en: 'Abnormal heating' },
  arc_fault: { zh: '故障电弧', en: 'Arc fault' },
  phase_imbalance: { zh: '三相不平衡', en: 'Phase imbalance' },
  voltage_abnormal: { zh: '电压异常', en: 'Voltage abnormal' },
  sensor_fault: { zh: '传感器故障', en: 'Sensor fault' },
  device_offline: { zh: '设备离线', en: 'Device offline' },
};
