/**
 * The README's configuration table documents exactly the variables platform/env.ts knows: adding one to the schema
 * without a row (or leaving a row for a removed one) fails here. A row may name several variables in its first
 * cell (`A` / `B` or `A`, `B`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { envSchema } from '../../../platform/env.ts';

const README = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

/** Variable names in the first cell of each row of the table under "## Configuration". */
function documentedVariables(markdown: string): string[] {
  const section = markdown.split(/^## /m).find((s) => s.startsWith('Configuration\n'));
  if (!section) throw new Error('README.md has no "## Configuration" section');
  const rows = section.split('\n').filter((l) => l.startsWith('|'));
  const names: string[] = [];
  // rows 0 and 1 are the header and its |---| line
  for (const row of rows.slice(2)) {
    const first = row.split('|')[1] ?? '';
    for (const m of first.matchAll(/`([^`]+)`/g)) names.push(m[1]!);
  }
  return names;
}

describe('README configuration table', () => {
  const documented = documentedVariables(README);

  it('parses the table, one name at a time, including grouped cells', () => {
    expect(documentedVariables('## Configuration\n\n| v | d | m |\n|---|---|---|\n| `A` / `B` | 1 | x |\n| `C`, `D` | off | y |\n')).toEqual(['A', 'B', 'C', 'D']);
    expect(documented).toContain('PORT');
    expect(documented.every((n) => /^[A-Z][A-Z0-9_]*$/.test(n))).toBe(true);
  });

  it('names each variable once', () => {
    expect(documented.filter((n, i) => documented.indexOf(n) !== i)).toEqual([]);
  });

  it('lists exactly the keys of platform/env.ts', () => {
    expect([...documented].sort()).toEqual(Object.keys(envSchema.shape).sort());
  });
});
