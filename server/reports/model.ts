/** The report model: everything a report shows, computed once and rendered to HTML/PDF, XLSX and CSV. */
import type { GroupStats } from '../supervision/groups.ts';
import type { ScoredSite } from '../supervision/stats.ts';
import type { CoverageMatrix } from '../rollout/coverage.ts';
import type { Phase } from '../../lib/domain/rollout/phases.ts';
import type { Period } from '../../lib/domain/reports/period.ts';
import type { Region } from '../supervision/region.ts';

export interface SeriesPoint {
  bucket: string; // YYYY-MM-DD (start of the bucket, Beijing)
  warning: number;
  alarm: number;
  critical: number;
  falseAlarms: number;
}

export interface MonitoringPoint {
  bucket: string;
  tMax: number | null;
  irMax: number | null;
  hotHours: number;
  leakHours: number;
  arcs: number;
  /** site-days with data in the bucket */
  sites: number;
}

export interface CountRow {
  key: string;
  n: number;
  falseN?: number;
}

export interface OverdueRow {
  id: number;
  siteId: string;
  siteName: string;
  countyZh: string;
  category: string;
  title: string;
  severity: string;
  state: string;
  deadline: Date;
  daysOverdue: number;
}

export interface ReportModel {
  title: string;
  kindZh: string;
  period: Period;
  region: Region;
  regionLabel: string;
  issuer: { name: string; role: string } | null;
  generatedAt: Date;
  /** the instant the figures are measured at: the period's end, or the generation time if it is still running */
  asOf: Date;
  reportNo: string;
  totals: GroupStats;
  counties: GroupStats[];
  sectors: GroupStats[];
  sites: ScoredSite[];
  alarmSeries: SeriesPoint[];
  alarmTypes: CountRow[];
  hazardStates: CountRow[];
  hazardSources: CountRow[];
  overdue: OverdueRow[];
  monitoring: MonitoringPoint[];
  monitoringTotals: { siteDays: number; tMax: number | null; irMax: number | null; hotHours: number; leakHours: number; arcs: number };
  coverage: CoverageMatrix;
  phase: Phase | null;
  phases: Phase[];
  narrative: Section[];
  timings: Record<string, number>;
}

export type SectionKey = 'overview' | 'coverage' | 'monitoring' | 'alarms' | 'hazards' | 'weak' | 'next';
export interface Section {
  key: SectionKey;
  heading: string;
  paragraphs: string[];
}
