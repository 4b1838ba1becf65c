/**
 * Every public message key exists in zh, bo and en, with the same placeholders; review files cover every key.
 * Site categories and counties are the domain's words in zh and en: only their Tibetan renderings live here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flattenMessages } from '../../../server/public/messages-flat.ts';
import { SITE_CATEGORIES } from '../../../lib/protocol/v1.ts';
import { COUNTIES } from '../../../lib/domain/counties.ts';

const dir = new URL('../../../messages/public/', import.meta.url);
const load = (p: string) => JSON.parse(readFileSync(new URL(p, dir), 'utf8'));
const LOCALES = ['zh', 'bo', 'en'] as const;
const flat = Object.fromEntries(LOCALES.map((l) => [l, flattenMessages(load(`${l}.json`))])) as Record<string, Record<string, string>>;
const TIBETAN_ONLY = (k: string) => k.startsWith('categories.') || k.startsWith('counties.');
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();

describe('public messages', () => {
  const keys = Object.keys(flat.zh).sort();

  it('has the same keys in every language', () => {
    for (const l of LOCALES) expect(Object.keys(flat[l]).filter((k) => !TIBETAN_ONLY(k)).sort(), l).toEqual(keys);
  });

  it('names every site category in Tibetan, and only in Tibetan (zh and en come from the vocabulary)', () => {
    expect(Object.keys(flat.bo).filter(TIBETAN_ONLY).sort()).toEqual([...SITE_CATEGORIES.map((c) => `categories.${c}`), ...Object.keys(COUNTIES).map((a) => `counties.${a}`)].sort());
    for (const l of ['zh', 'en'] as const) expect(Object.keys(flat[l]).filter(TIBETAN_ONLY), l).toEqual([]);
  });

  it('has no empty strings and the same placeholders', () => {
    for (const l of LOCALES)
      for (const k of keys) {
        expect(flat[l][k].trim(), `${l}:${k}`).not.toBe('');
        expect(placeholders(flat[l][k]), `${l}:${k}`).toEqual(placeholders(flat.zh[k]));
      }
  });

  it('writes Tibetan in Tibetan script', () => {
    const tib = /[\u0F00-\u0FFF]/;
    const latinOnly = Object.entries(flat.bo).filter(([, v]) => !tib.test(v) && /[a-z]{4}/i.test(v.replace(/\{\w+\}/g, "")));
    expect(latinOnly.map(([k]) => k)).toEqual([]);
  });

  it.each(LOCALES)('review file %s covers every key, with reviewed flag and note', (l) => {
    const review = load(`review/${l}.json`) as Record<string, { reviewed: unknown; note?: unknown }>;
    expect(Object.keys(review).sort()).toEqual(Object.keys(flat[l]).sort());
    for (const [k, v] of Object.entries(review)) {
      expect(typeof v.reviewed, k).toBe('boolean');
      if (v.note !== undefined) expect(typeof v.note, k).toBe('string');
    }
  });
});
