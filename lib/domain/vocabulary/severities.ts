/**
 * Alarm and hazard severities (docs/telemetry-v1.md): words, the hazard grade each stands for, rank, colour and
 * icon. The colour and icon are the site status of the same name, so a severity looks alike everywhere.
 */
import { SEVERITIES, type Severity } from '../../protocol/v1.ts';
import { STATUS_COLOURS } from './colours.ts';

export interface SeverityInfo {
  zh: string;
  en: string;
  /** the rectification grade of a hazard of this severity */
  hazardZh: string;
  hazardEn: string;
  /** higher is more severe */
  rank: number;
  colour: string;
  icon: string;
}

export const SEVERITY_INFO: Record<Severity, SeverityInfo> = {
  warning: { zh: '预警', en: 'Warning', hazardZh: '一般隐患', hazardEn: 'Minor hazard', rank: 1, colour: STATUS_COLOURS.warning, icon: '▲' },
  alarm: { zh: '报警', en: 'Alarm', hazardZh: '较大隐患', hazardEn: 'Major hazard', rank: 2, colour: STATUS_COLOURS.alarm, icon: '◆' },
  critical: { zh: '危急', en: 'Critical', hazardZh: '重大隐患', hazardEn: 'Severe hazard', rank: 3, colour: STATUS_COLOURS.critical, icon: '★' },
};

/** mildest first */
export const SEVERITY_ORDER: Severity[] = [...SEVERITIES].sort((a, b) => SEVERITY_INFO[a].rank - SEVERITY_INFO[b].rank);

export const isSeverity = (s: string): s is Severity => Object.hasOwn(SEVERITY_INFO, s);
/** the rank of a severity; 0 for anything else (an unknown string never outranks a real severity) */
export const severityRank = (s: string): number => (isSeverity(s) ? SEVERITY_INFO[s].rank : 0);
export const atLeast = (s: string, min: string) => severityRank(s) >= severityRank(min);

/** the severity's word in the language; an unknown string is shown as it is */
export const severityLabel = (s: string, lang: 'zh' | 'en' = 'zh'): string => (isSeverity(s) ? SEVERITY_INFO[s][lang] : s);
