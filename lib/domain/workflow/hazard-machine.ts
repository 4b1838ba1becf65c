/**
 * The hazard (隐患) work-order state machine, pure. reported → assigned → rectifying → submitted → verified → closed;
 * a submitted order may be returned (→ rectifying again after the fix is redone). Guards decide WHO may act;
 * scope (WHERE) is checked by the service with server/auth/scope.ts.
 */
import type { Role } from '../vocabulary/index.ts';
import type { Action } from '../permissions.ts';

export const HAZARD_STATES = ['reported', 'assigned', 'rectifying', 'submitted', 'verified', 'closed', 'returned'] as const;
export type HazardState = (typeof HAZARD_STATES)[number];
export const HAZARD_STATE_INFO: Record<HazardState, { zh: string; en: string }> = {
  reported: { zh: '已上报', en: 'Reported' },
  assigned: { zh: '已派发', en: 'Assigned' },
  rectifying: { zh: '整改中', en: 'Rectifying' },
  submitted: { zh: '待验收', en: 'Submitted' },
  verified: { zh: '已验收', en: 'Verified' },
  closed: { zh: '已销号', en: 'Closed' },
  returned: { zh: '已退回', en: 'Returned' },
};
export const OPEN_STATES: HazardState[] = ['reported', 'assigned', 'rectifying', 'submitted', 'returned'];

export type HazardCommand = 'assign' | 'start' | 'submit' | 'verify' | 'return' | 'close';

interface Transition {
  from: HazardState[];
  to: HazardState;
  permission: Action;
  zh: string;
}
export const TRANSITIONS: Record<HazardCommand, Transition> = {
  assign: { from: ['reported', 'assigned', 'returned'], to: 'assigned', permission: 'hazard.assign', zh: '派发' },
  start: { from: ['assigned', 'returned'], to: 'rectifying', permission: 'hazard.rectify', zh: '开始整改' },
  submit: { from: ['assigned', 'rectifying', 'returned'], to: 'submitted', permission: 'hazard.rectify', zh: '提交整改' },
  verify: { from: ['submitted'], to: 'verified', permission: 'hazard.verify', zh: '验收通过' },
  return: { from: ['submitted'], to: 'returned', permission: 'hazard.verify', zh: '退回' },
  close: { from: ['verified'], to: 'closed', permission: 'hazard.verify', zh: '销号' },
};

/** a hazard event's action in words: the creation, or the transition made */
export const hazardActionZh = (action: string): string =>
  action === 'create' ? '创建' : Object.hasOwn(TRANSITIONS, action) ? TRANSITIONS[action as HazardCommand].zh : action;

export interface HazardFacts {
  state: HazardState;
  assigneeId: number | null;
  rectifiedBy: number | null;
}
export interface Actor {
  userId: number;
  role: Role;
  can: (a: Action) => boolean;
}

export type Decision = { ok: true; to: HazardState } | { ok: false; code: 'FORBIDDEN' | 'CONFLICT'; reason: string };

export function decide(cmd: HazardCommand, h: HazardFacts, actor: Actor): Decision {
  const t = TRANSITIONS[cmd];
  if (!actor.can(t.permission)) return { ok: false, code: 'FORBIDDEN', reason: `无权执行“${t.zh}”` };
  if (!t.from.includes(h.state)) return { ok: false, code: 'CONFLICT', reason: `当前状态“${HAZARD_STATE_INFO[h.state].zh}”不能${t.zh}` };
  // four-eyes: whoever rectified never verifies, returns or closes their own work
  if ((cmd === 'verify' || cmd === 'return' || cmd === 'close') && h.rectifiedBy === actor.userId)
    return { ok: false, code: 'FORBIDDEN', reason: '整改人不能验收自己的整改' };
  // an assigned order is rectified by its assignee (or anyone on site when nobody is assigned)
  if ((cmd === 'start' || cmd === 'submit') && h.assigneeId != null && h.assigneeId !== actor.userId && actor.role !== 'admin')
    return { ok: false, code: 'FORBIDDEN', reason: '只有责任人可以提交整改' };
  return { ok: true, to: t.to };
}

/** Commands the UI may offer this actor now (the server re-decides on submit). */
export function availableCommands(h: HazardFacts, actor: Actor): HazardCommand[] {
  return (Object.keys(TRANSITIONS) as HazardCommand[]).filter((c) => decide(c, h, actor).ok);
}

export function isOverdue(h: { state: string; deadline: Date | null }, now: Date): boolean {
  return !!h.deadline && OPEN_STATES.includes(h.state as HazardState) && h.deadline.getTime() < now.getTime();
}
