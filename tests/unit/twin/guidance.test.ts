import { describe, expect, it } from 'vitest';
import { ALARM_TYPES } from '../../../lib/protocol/v1.ts';
import { GUIDANCE, guidanceFor } from '../../../lib/twin/guidance.ts';
import { ALARM_TYPE_INFO } from '../../../lib/domain/vocabulary/index.ts';

describe('investigation guidance', () => {
  it('covers every alarm type in both languages with the same shape', () => {
    for (const t of ALARM_TYPES) {
      for (const lang of ['zh', 'en'] as const) {
        const g = guidanceFor(t, lang);
        expect(g.title.length, `${t} ${lang}`).toBeGreaterThan(1);
        // the headline uses the vocabulary's name for the type, never a word of its own
        expect(g.title.startsWith(ALARM_TYPE_INFO[t][lang]), `${t} ${lang}: ${g.title}`).toBe(true);
        expect(g.steps.length).toBeGreaterThan(0);
        expect(g.never.length).toBeGreaterThan(0);
        expect(g.electrician.length).toBeGreaterThan(5);
      }
      expect(GUIDANCE[t].zh.steps.length).toBe(GUIDANCE[t].en.steps.length);
    }
  });

  it('tells people never to open a live panel for a loose terminal, and to call a licensed electrician', () => {
    const zh = guidanceFor('abnormal_heating', 'zh');
    expect(zh.never.join()).toContain('切勿打开带电的配电箱');
    expect(zh.steps[0]).toContain('红外测温');
    expect(zh.electrician).toContain('持证电工');
    const en = guidanceFor('abnormal_heating', 'en');
    expect(en.never.join()).toMatch(/never open a live panel/i);
    expect(en.electrician).toMatch(/re-torque/);
  });

  it('never suggests water on an electrical fire', () => {
    expect(guidanceFor('arc_fault', 'en').never.join()).toMatch(/never water/);
  });
});
