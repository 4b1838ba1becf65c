/** Small presentational pieces shared by the working screens (server-safe, no hooks). */
import { HAZARD_STATE_INFO, type HazardState } from '../../../lib/domain/workflow/hazard-machine.ts';
import { durationZh, formatBeijing } from '../../../lib/domain/workflow/quiet-hours.ts';
import type { Severity } from '../../../lib/protocol/v1.ts';
import { isSeverity, SEVERITY_INFO, TONES } from '../../../lib/domain/vocabulary/index.ts';
import w from './work.module.css';

export function SevPill({ s }: { s: Severity }) {
  const i = SEVERITY_INFO[s];
  return (
    <span className={w.pill} style={{ color: i.colour }} title={i.en}>
      {i.icon} {i.zh}
    </span>
  );
}

/** a severity's icon and word in its colour (never colour alone); an unknown string is shown as it is */
export function SevMark({ s }: { s: string }) {
  const i = isSeverity(s) ? SEVERITY_INFO[s] : null;
  return <span style={{ color: i?.colour }}>{i ? `${i.icon} ${i.zh}` : s}</span>;
}

const STATE_COLOR: Record<HazardState, string> = {
  reported: TONES.watch,
  assigned: '#38c6ff',
  rectifying: '#38c6ff',
  submitted: '#b38cff',
  verified: TONES.good,
  closed: TONES.muted,
  returned: '#ff8a5c',
};
export function HazardStatePill({ s, overdue }: { s: HazardState; overdue?: boolean }) {
  return (
    <>
      <span className={w.pill} style={{ color: STATE_COLOR[s] }} title={HAZARD_STATE_INFO[s].en}>
        {HAZARD_STATE_INFO[s].zh}
      </span>
      {overdue && (
        <span className={w.pill} style={{ color: TONES.bad, marginLeft: 4 }} title="Overdue">
          ⏰ 超期
        </span>
      )}
    </>
  );
}

export const fmt = (d: Date | string | number | null | undefined) => (d == null ? '' : formatBeijing(new Date(d)));
/** "3 小时 20 分前", or 刚刚 within the first minute */
export const since = (d: Date | string, now = Date.now()) => (now - new Date(d).getTime() < 60_000 ? '刚刚' : `${durationZh(now - new Date(d).getTime())}前`);
export const todayBj = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
