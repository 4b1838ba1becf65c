/** Injectable conditions of the simulator page: Chinese labels, groups, and what each needs from the circuit. */
import type { Injectable } from '../../../lib/events/sim-control.ts';
import { ALARM_TYPE_INFO } from '../../../lib/domain/vocabulary/index.ts';

export interface KindInfo {
  kind: Injectable;
  zh: string;
  en: string;
  group: 'fault' | 'nuisance' | 'sensor' | 'transport';
  /** whole device (no channel) */
  device?: boolean;
  threePhase?: boolean;
  needs?: 'voltage' | 'arc';
}

export const GROUPS: Record<KindInfo['group'], string> = {
  fault: '电气故障（应报警）',
  nuisance: '干扰工况（不应报警）',
  sensor: ALARM_TYPE_INFO.sensor_fault.zh,
  transport: '通信',
};

export const KINDS: KindInfo[] = [
  { kind: 'loose_connection', zh: '接点松动', en: 'loose connection', group: 'fault' },
  { kind: 'overload', zh: '过载', en: 'overload', group: 'fault' },
  { kind: 'insulation_degradation', zh: '绝缘劣化', en: 'insulation degradation', group: 'fault' },
  { kind: 'earth_fault', zh: '接地故障', en: 'earth fault', group: 'fault' },
  { kind: 'series_arc', zh: '串联电弧', en: 'series arc', group: 'fault', needs: 'arc' },
  { kind: 'neutral_fault', zh: '中性线故障', en: 'neutral fault', group: 'fault', threePhase: true, needs: 'voltage' },
  { kind: 'harmonic_neutral', zh: '谐波中性线过载', en: 'harmonic neutral overload', group: 'fault', threePhase: true },
  { kind: 'inrush', zh: '电机启动冲击电流', en: 'motor inrush', group: 'nuisance' },
  { kind: 'festival_peak', zh: '节庆高峰负荷', en: 'festival peak load', group: 'nuisance' },
  { kind: 'high_leakage_appliance', zh: '高泄漏电器', en: 'high-leakage appliance', group: 'nuisance' },
  { kind: 'rcd_test', zh: '漏电保护试验', en: 'RCD test button', group: 'nuisance' },
  { kind: 'dimmer_arc', zh: '调光器电弧', en: 'dimmer arcing', group: 'nuisance', needs: 'arc' },
  { kind: 'sun_on_box', zh: '箱体日晒', en: 'sun on the box', group: 'nuisance', device: true },
  { kind: 'heater_beside_sensor', zh: '柜旁取暖器', en: 'heater beside the panel', group: 'nuisance', device: true },
  { kind: 'dawn_condensation', zh: '清晨凝露', en: 'dawn condensation', group: 'nuisance', device: true },
  { kind: 'stuck', zh: '读数卡死', en: 'stuck reading', group: 'sensor' },
  { kind: 'drift', zh: '读数漂移', en: 'drift', group: 'sensor' },
  { kind: 'spikes', zh: '尖峰读数', en: 'spikes', group: 'sensor' },
  { kind: 'disconnected', zh: '传感器断线', en: 'disconnected sensor', group: 'sensor' },
  { kind: 'missing_field', zh: '字段缺失', en: 'missing field', group: 'sensor' },
  { kind: 'offline', zh: '离线', en: 'offline', group: 'transport', device: true },
];

export const KIND_BY_ID = new Map(KINDS.map((k) => [k.kind, k]));
