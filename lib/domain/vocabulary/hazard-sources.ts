/** Where a hazard (隐患) came from (the hazards.source column), Chinese first. */
export const HAZARD_SOURCES = ['alarm', 'inspection', 'report', 'public'] as const;
export type HazardSource = (typeof HAZARD_SOURCES)[number];

export const HAZARD_SOURCE_INFO: Record<HazardSource, { zh: string; en: string }> = {
  alarm: { zh: '监测报警', en: 'Monitoring alarm' },
  inspection: { zh: '检查发现', en: 'Inspection' },
  report: { zh: '随手拍上报', en: 'Photo report' },
  public: { zh: '群众举报', en: 'Public report' },
};

const isSource = (s: string): s is HazardSource => Object.hasOwn(HAZARD_SOURCE_INFO, s);
/** the source's word; an unknown string is shown as it is */
export const hazardSourceLabel = (s: string, lang: 'zh' | 'en' = 'zh'): string => (isSource(s) ? HAZARD_SOURCE_INFO[s][lang] : s);
