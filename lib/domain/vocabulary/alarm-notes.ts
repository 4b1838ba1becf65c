/** What a person recorded on an alarm (the alarm_notes.kind column), Chinese first. */
export const ALARM_NOTE_KINDS = ['note', 'ack', 'false_alarm', 'hazard', 'reset'] as const;
export type AlarmNoteKind = (typeof ALARM_NOTE_KINDS)[number];

export const ALARM_NOTE_INFO: Record<AlarmNoteKind, { zh: string; en: string }> = {
  note: { zh: '备注', en: 'Note' },
  ack: { zh: '确认', en: 'Acknowledged' },
  false_alarm: { zh: '误报', en: 'False alarm' },
  hazard: { zh: '隐患', en: 'Hazard' },
  reset: { zh: '复位', en: 'Reset' },
};

const isKind = (k: string): k is AlarmNoteKind => Object.hasOwn(ALARM_NOTE_INFO, k);
/** the kind's word; an unknown string is shown as it is */
export const alarmNoteLabel = (k: string, lang: 'zh' | 'en' = 'zh'): string => (isKind(k) ? ALARM_NOTE_INFO[k][lang] : k);
