/**
 * Site rollout transitions, pure: planned → surveyed → installed → commissioned → in service. Forward moves may
 * skip states (each reached state then needs its date); moving backwards needs a written reason and clears the
 * dates after the new state; installing needs the installation conditions (通电、通网).
 */
import { ROLLOUT_STATES, type RolloutState } from '../vocabulary/index.ts';

export const DATE_FIELD: Record<RolloutState, 'plannedAt' | 'surveyedAt' | 'installedAt' | 'commissionedAt' | 'inServiceAt'> = {
  planned: 'plannedAt',
  surveyed: 'surveyedAt',
  installed: 'installedAt',
  commissioned: 'commissionedAt',
  in_service: 'inServiceAt',
};

export interface RolloutFacts {
  state: RolloutState;
  plannedAt: string | null;
  surveyedAt: string | null;
  installedAt: string | null;
  commissionedAt: string | null;
  inServiceAt: string | null;
  powerOk: boolean;
  networkOk: boolean;
  serviceProvider: string;
}

export interface RolloutEdit {
  state: RolloutState;
  dates: Partial<Record<RolloutState, string | null>>;
  powerOk: boolean;
  networkOk: boolean;
  serviceProvider: string;
  reason?: string;
}

export type RolloutDecision =
  | { ok: true; next: RolloutFacts; backwards: boolean; changed: string[] }
  | { ok: false; field: string; zh: string; en: string };

export const stateIndex = (s: RolloutState) => ROLLOUT_STATES.indexOf(s);

export function decideRollout(cur: RolloutFacts, edit: RolloutEdit, today: string): RolloutDecision {
  const to = stateIndex(edit.state);
  const from = stateIndex(cur.state);
  const backwards = to < from;
  const reason = (edit.reason ?? '').trim();
  if (backwards && reason.length < 4)
    return { ok: false, field: 'reason', zh: '回退进度须填写原因（至少 4 个字）', en: 'Moving back needs a reason (≥ 4 characters)' };
  if (to >= stateIndex('installed') && (!edit.powerOk || !edit.networkOk))
    return { ok: false, field: 'state', zh: '不具备通电、通网安装条件，不能标记为已安装及以后的阶段', en: 'Without power and network the site cannot be installed' };
  if (to >= stateIndex('surveyed') && !edit.serviceProvider.trim())
    return { ok: false, field: 'serviceProvider', zh: '已勘察及以后的阶段须填写技术服务单位', en: 'A service provider is required from survey on' };
  const next: RolloutFacts = { ...cur, state: edit.state, powerOk: edit.powerOk, networkOk: edit.networkOk, serviceProvider: edit.serviceProvider.trim() };
  let prev: string | null = null;
  for (let i = 0; i < ROLLOUT_STATES.length; i++) {
    const s = ROLLOUT_STATES[i];
    const f = DATE_FIELD[s];
    if (i > to) {
      next[f] = null; // states not (or no longer) reached have no date
      continue;
    }
    const given = edit.dates[s] !== undefined ? edit.dates[s] : cur[f];
    if (!given) return { ok: false, field: `dates.${s}`, zh: `请填写“${ZH[s]}”日期`, en: `The ${s} date is required` };
    if (given > today) return { ok: false, field: `dates.${s}`, zh: `“${ZH[s]}”日期不能晚于今天`, en: `The ${s} date is in the future` };
    if (prev && given < prev) return { ok: false, field: `dates.${s}`, zh: `“${ZH[s]}”日期不能早于上一阶段`, en: `The ${s} date is before the previous step` };
    next[f] = given;
    prev = given;
  }
  const changed = (Object.keys(next) as (keyof RolloutFacts)[]).filter((k) => next[k] !== cur[k]);
  return { ok: true, next, backwards, changed };
}

const ZH: Record<RolloutState, string> = { planned: '计划', surveyed: '勘察', installed: '安装', commissioned: '调试', in_service: '投用' };
