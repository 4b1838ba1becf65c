import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { contentDisposition, csvField, exportRows, toCsv, type ExportColumn } from '../../../server/export/index.ts';
import { scopeCovers } from '../../../server/supervision/region.ts';
import type { Scope } from '../../../platform/scope.ts';

type R = { name: string; n: number; at: Date; ok: boolean };
const cols: ExportColumn<R>[] = [
  { header: '名称 Name', value: 'name' },
  { header: '数量 N', value: (r) => r.n * 2 },
  { header: '时间', value: 'at' },
  { header: '是否', value: 'ok' },
];
const rows: R[] = [{ name: '=HYPERLINK("x")', n: 2, at: new Date('2026-11-28T06:05:00Z'), ok: true }, { name: '强巴林寺, "主殿"', n: 1, at: new Date('2026-11-27T16:00:00Z'), ok: false }];

describe('generic exporter', () => {
  it('writes CSV with BOM, Beijing times and no formulas', () => {
    const csv = toCsv(cols, rows);
    expect(csv.startsWith('\uFEFF名称 Name,数量 N,时间,是否\r\n')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")",4,2026-11-28 14:05,是`);
    expect(csv).toContain('"强巴林寺, ""主殿""",2,2026-11-28,否');
    expect(csvField('-1')).toBe("'-1");
    expect(csvField(-1)).toBe('-1');
  });
  it('returns download responses with UTF-8 file names', async () => {
    const r = await exportRows('xlsx', cols, rows, '测试清单');
    expect(r.headers.get('content-type')).toContain('spreadsheetml');
    expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="_+-\d{12}\.xlsx"; filename\*=UTF-8''%E6%B5%8B/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await r.arrayBuffer());
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, '名称 Name', '数量 N', '时间', '是否']);
    expect(ws.getRow(2).getCell(1).value).toBe(`'=HYPERLINK("x")`);
    const c = await exportRows('csv', cols, rows, 'x');
    expect(c.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(contentDisposition('a"b.csv')).toContain('filename="a_b.csv"');
  });
});

describe('archive visibility (scopeCovers)', () => {
  const all: Scope = { kind: 'all' };
  const edu: Scope = { kind: 'sectors', categories: ['school'] };
  const karuo: Scope = { kind: 'county', adcode: 540302 };
  it('a department sees only reports limited to its sectors', () => {
    expect(scopeCovers(edu, { scope: edu })).toBe(true);
    expect(scopeCovers(edu, { scope: all, category: 'school' })).toBe(true);
    expect(scopeCovers(edu, { scope: all })).toBe(false);
    expect(scopeCovers(edu, { scope: karuo })).toBe(false);
    expect(scopeCovers(edu, { scope: all, category: 'temple' })).toBe(false);
  });
  it('a county office sees only reports limited to its county', () => {
    expect(scopeCovers(karuo, { scope: karuo })).toBe(true);
    expect(scopeCovers(karuo, { scope: edu, county: 540302 })).toBe(true);
    expect(scopeCovers(karuo, { scope: all })).toBe(false);
    expect(scopeCovers(karuo, { scope: all, county: 540321 })).toBe(false);
    expect(scopeCovers(all, { scope: karuo })).toBe(true);
  });
});
