import { describe, expect, it } from 'vitest';
import { pickLocale, switchLocalePath } from '../../../server/public/locales.ts';

describe('public locales', () => {
  it('prefers the remembered choice, then the browser, then Chinese', () => {
    expect(pickLocale('bo', 'en-US')).toBe('bo');
    expect(pickLocale(null, 'en-GB,en;q=0.8')).toBe('en');
    expect(pickLocale('xx', 'fr')).toBe('zh');
    expect(pickLocale(undefined, null)).toBe('zh');
  });
  it('switches the language of the current page', () => {
    expect(switchLocalePath('/public/zh/cases', 'bo')).toBe('/public/bo/cases');
    expect(switchLocalePath('/public/en', 'zh')).toBe('/public/zh');
    expect(switchLocalePath('/elsewhere', 'en')).toBe('/public/en');
  });
});
