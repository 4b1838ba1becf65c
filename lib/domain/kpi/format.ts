/** How every screen and report writes a KPI value: one wording, 「—」 for an unknown value. */
import { fix1, hoursZh, num, pct } from '../reports/format.ts';
import { KPI, type KpiId } from './definitions.ts';

export { fix1, hoursZh, num, pct };

export function kpiText(id: KpiId, v: number | null | undefined): string {
  if (v == null || !Number.isFinite(v)) return '—';
  switch (KPI[id].kind) {
    case 'share':
      return pct(v);
    case 'hours':
      return hoursZh(v);
    case 'score':
      return String(Math.round(v));
    default:
      return num(v);
  }
}
