/** The domain vocabulary: every protocol value has its words, colour, icon and rank, and they agree with docs/. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALARM_TYPES, INSULATIONS, LOAD_TYPES, SEVERITIES, SITE_CATEGORIES } from '../../../lib/protocol/v1.ts';
import {
  ALARM_TYPE_INFO,
  alarmStatus,
  alarmTypeLabel,
  atLeast,
  CATEGORIES,
  categoryLabel,
  DEPARTMENT_INFO,
  DEPARTMENTS,
  FAULT_TYPES,
  INSULATION_INFO,
  isFaultType,
  LOAD_TYPE_INFO,
  SEVERITY_INFO,
  SEVERITY_ORDER,
  severityRank,
  SITE_STATUS_INFO,
  SITE_STATUSES,
  STATUS_COLOURS,
  STATUS_CSS_VARS,
  STATUSES_WORST_FIRST,
  worseStatus,
} from '../../../lib/domain/vocabulary/index.ts';

const doc = (p: string) => readFileSync(new URL(`../../../docs/${p}`, import.meta.url), 'utf8');
const HEX = /^#[0-9a-f]{6}$/;

describe('alarm types', () => {
  it('gives every protocol type long and short words in both languages, a colour, an icon and a rank', () => {
    expect(Object.keys(ALARM_TYPE_INFO).sort()).toEqual([...ALARM_TYPES].sort());
    for (const t of ALARM_TYPES) {
      const i = ALARM_TYPE_INFO[t];
      for (const w of [i.zh, i.en, i.zhShort, i.enShort, i.icon]) expect(w.trim(), t).not.toBe('');
      expect(i.zhShort.length, t).toBeLessThanOrEqual(i.zh.length);
      expect(i.colour, t).toMatch(HEX);
      expect(Number.isInteger(i.rank), t).toBe(true);
    }
  });

  it('uses the official Chinese names of the protocol (docs/telemetry-v1.md)', () => {
    const table = doc('telemetry-v1.md');
    for (const t of ALARM_TYPES) expect(table, t).toContain(`| \`${t}\` | ${ALARM_TYPE_INFO[t].zh} |`);
  });

  it('ranks the types 1..n without ties, every hazard before every equipment fault', () => {
    const ranks = ALARM_TYPES.map((t) => ALARM_TYPE_INFO[t].rank).sort((a, b) => a - b);
    expect(ranks).toEqual(ALARM_TYPES.map((_, i) => i + 1));
    const worstHazard = Math.max(...ALARM_TYPES.filter((t) => !isFaultType(t)).map((t) => ALARM_TYPE_INFO[t].rank));
    const bestFault = Math.min(...FAULT_TYPES.map((t) => ALARM_TYPE_INFO[t].rank));
    expect(worstHazard).toBeLessThan(bestFault);
  });

  it('keeps sensor faults and offline devices apart from hazards', () => {
    expect([...FAULT_TYPES]).toEqual(['sensor_fault', 'device_offline']);
    expect(isFaultType('overload')).toBe(false);
    expect(isFaultType('toString')).toBe(false);
    expect(alarmStatus('device_offline', 'critical')).toBe('fault');
    expect(alarmStatus('arc_fault', 'critical')).toBe('critical');
  });

  it('names a type one way everywhere, and shows an unknown one as it is', () => {
    expect(alarmTypeLabel('overtemperature')).toBe('超温');
    expect(alarmTypeLabel('abnormal_heating')).toBe('接点异常发热');
    expect(alarmTypeLabel('abnormal_heating', 'en')).toBe(ALARM_TYPE_INFO.abnormal_heating.en);
    expect(alarmTypeLabel('residual_current', 'zh', 'short')).toBe(ALARM_TYPE_INFO.residual_current.zhShort);
    expect(alarmTypeLabel('vendor_x')).toBe('vendor_x');
  });
});

describe('severities and site statuses', () => {
  it('uses the colours of docs/UI.md, one per status, and sets them once as CSS variables', () => {
    const brief = doc('UI.md');
    for (const s of SITE_STATUSES) {
      expect(STATUS_COLOURS[s]).toMatch(HEX);
      expect(brief, s).toContain(`| ${s} ${SITE_STATUS_INFO[s].zh} |`);
      expect(brief.split('\n').find((l) => l.startsWith(`| ${s} `)), s).toContain(`\`${STATUS_COLOURS[s]}\``);
      expect(STATUS_CSS_VARS[`--${s}`]).toBe(STATUS_COLOURS[s]);
    }
    expect(new Set(Object.values(STATUS_COLOURS)).size).toBe(SITE_STATUSES.length);
  });

  it('gives every status an icon (never colour alone), distinct from the others', () => {
    const icons = SITE_STATUSES.map((s) => SITE_STATUS_INFO[s].icon);
    expect(icons.every((i) => i.trim() !== '')).toBe(true);
    expect(new Set(icons).size).toBe(icons.length);
  });

  it('makes a severity look and read like the site status of the same name', () => {
    expect(Object.keys(SEVERITY_INFO).sort()).toEqual([...SEVERITIES].sort());
    for (const s of SEVERITIES) {
      const [v, st] = [SEVERITY_INFO[s], SITE_STATUS_INFO[s]];
      expect([v.zh, v.en, v.colour, v.icon], s).toEqual([st.zh, st.en, st.colour, st.icon]);
      expect(v.hazardZh.endsWith('隐患'), s).toBe(true);
    }
  });

  it('orders severities mildest first with unique ranks, and statuses worst first', () => {
    expect(SEVERITY_ORDER).toEqual(['warning', 'alarm', 'critical']);
    expect(new Set(SEVERITIES.map((s) => SEVERITY_INFO[s].rank)).size).toBe(SEVERITIES.length);
    expect(severityRank('critical')).toBeGreaterThan(severityRank('alarm'));
    expect(severityRank('nonsense')).toBe(0);
    expect(atLeast('alarm', 'warning')).toBe(true);
    expect(atLeast('warning', 'alarm')).toBe(false);
    expect(STATUSES_WORST_FIRST).toEqual(['critical', 'alarm', 'warning', 'recovered', 'fault', 'normal', 'offline', 'unequipped']);
    expect(new Set(SITE_STATUSES.map((s) => SITE_STATUS_INFO[s].rank)).size).toBe(SITE_STATUSES.length);
  });

  it('lets a hazard outrank a fault and keeps the worse of two statuses', () => {
    expect(worseStatus('fault', 'warning')).toBe('warning');
    expect(worseStatus('critical', 'alarm')).toBe('critical');
    expect(worseStatus(null, 'normal')).toBe('normal');
  });
});

describe('site categories and departments', () => {
  it('gives every category words, a short name, an icon, a hue and a supervising department', () => {
    expect(Object.keys(CATEGORIES).sort()).toEqual([...SITE_CATEGORIES].sort());
    for (const c of SITE_CATEGORIES) {
      const i = CATEGORIES[c];
      expect(i.id).toBe(c);
      for (const w of [i.zh, i.en, i.zhShort, i.enShort, i.icon]) expect(w.trim(), c).not.toBe('');
      expect(i.zhShort.length, c).toBeLessThanOrEqual(3);
      expect(i.hue, c).toMatch(HEX);
      expect(DEPARTMENTS, c).toContain(i.department);
    }
    expect(categoryLabel('temple', 'en', 'short')).toBe(CATEGORIES.temple.enShort);
    expect(categoryLabel('other')).toBe('other');
  });

  it('never gives a normal-site hue that could be read as a status colour', () => {
    const status = new Set(Object.values(STATUS_COLOURS));
    for (const c of SITE_CATEGORIES) expect(status.has(CATEGORIES[c].hue), c).toBe(false);
  });

  it('derives what a department supervises from the categories, city-wide offices seeing all', () => {
    for (const d of DEPARTMENTS) {
      const cats = DEPARTMENT_INFO[d].categories;
      if (cats === 'all') continue;
      expect(cats.length, d).toBeGreaterThan(0);
      for (const c of cats) expect(CATEGORIES[c].department).toBe(d);
    }
    expect(DEPARTMENT_INFO.committee.categories).toBe('all');
    expect(DEPARTMENT_INFO.fire.categories).toBe('all');
    expect(DEPARTMENT_INFO.culture.categories).toEqual(['relic', 'entertainment']);
  });
});

describe('circuit words', () => {
  it('names every load type and insulation', () => {
    expect(Object.keys(LOAD_TYPE_INFO).sort()).toEqual([...LOAD_TYPES].sort());
    expect(Object.keys(INSULATION_INFO).sort()).toEqual([...INSULATIONS].sort());
  });
});
