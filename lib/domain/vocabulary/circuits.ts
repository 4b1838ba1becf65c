/** Circuit registry words (docs/telemetry-v1.md): load types and insulations, Chinese first. */
import type { Insulation, LoadType } from '../../protocol/v1.ts';

export const LOAD_TYPE_INFO: Record<LoadType, { zh: string; en: string }> = {
  lighting: { zh: '照明', en: 'Lighting' },
  sockets: { zh: '插座', en: 'Sockets' },
  heating: { zh: '电热', en: 'Heating' },
  motor: { zh: '动力', en: 'Motor' },
  mixed: { zh: '混合', en: 'Mixed' },
};

export const INSULATION_INFO: Record<Insulation, { zh: string; en: string }> = {
  PVC: { zh: 'PVC', en: 'PVC' },
  XLPE: { zh: '交联聚乙烯', en: 'XLPE' },
  rubber: { zh: '橡胶', en: 'Rubber' },
};

const known = <K extends string>(t: Record<K, { zh: string; en: string }>, k: string): k is K => Object.hasOwn(t, k);
/** a load type's word; an unknown string is shown as it is */
export const loadTypeLabel = (k: string, lang: 'zh' | 'en' = 'zh'): string => (known(LOAD_TYPE_INFO, k) ? LOAD_TYPE_INFO[k][lang] : k);
export const insulationLabel = (k: string, lang: 'zh' | 'en' = 'zh'): string => (known(INSULATION_INFO, k) ? INSULATION_INFO[k][lang] : k);

