/** A site's rollout state (planned → in service): words and the colour of its pill (grey → the normal green). */
import { STATUS_COLOURS } from './colours.ts';

export const ROLLOUT_STATES = ['planned', 'surveyed', 'installed', 'commissioned', 'in_service'] as const;
export type RolloutState = (typeof ROLLOUT_STATES)[number];

export const ROLLOUT_INFO: Record<RolloutState, { zh: string; en: string; colour: string }> = {
  planned: { zh: '计划', en: 'Planned', colour: STATUS_COLOURS.offline },
  surveyed: { zh: '已勘察', en: 'Surveyed', colour: '#9bb0ff' },
  installed: { zh: '已安装', en: 'Installed', colour: '#7cc7ff' },
  commissioned: { zh: '已调试', en: 'Commissioned', colour: '#5ad1e6' },
  in_service: { zh: '在用', en: 'In service', colour: STATUS_COLOURS.normal },
};

export const isRolloutState = (s: string): s is RolloutState => Object.hasOwn(ROLLOUT_INFO, s);
/** the state's word in the language; an unknown string is shown as it is */
export const rolloutLabel = (s: string, lang: 'zh' | 'en' = 'zh'): string => (isRolloutState(s) ? ROLLOUT_INFO[s][lang] : s);
