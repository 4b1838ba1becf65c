/**
 * The generic list exporter: any portal list becomes CSV (UTF-8 with BOM, opens in Excel/WPS) or XLSX (exceljs)
 * with its current filters. `exportRows(format, columns, rows, filename)` returns a Response with the right
 * content type and an RFC 6266 content disposition (ASCII fallback + UTF-8 name). Node-only. See README.md.
 */
import ExcelJS from 'exceljs';

export type ExportFormat = 'csv' | 'xlsx';
export type Cell = string | number | boolean | Date | null | undefined;

export interface ExportColumn<R> {
  /** header text, e.g. '场所 Site' */
  header: string;
  /** a key of the row, or a function of it */
  value: keyof R | ((row: R) => Cell);
  /** XLSX column width in characters */
  width?: number;
  /** XLSX number format, e.g. '0.0%' */
  numFmt?: string;
}

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const MIME: Record<ExportFormat | 'pdf', string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

const BJ_OFFSET = 8 * 3600_000;
/** Beijing time as 2026-11-28 14:05 (dates at Beijing midnight render as the day only). */
export function formatCellDate(d: Date): string {
  const s = new Date(d.getTime() + BJ_OFFSET).toISOString();
  return s.endsWith('T00:00:00.000Z') || s.slice(11, 19) === '00:00:00' ? s.slice(0, 10) : `${s.slice(0, 10)} ${s.slice(11, 16)}`;
}

export function cellValue<R>(col: ExportColumn<R>, row: R): Cell {
  return typeof col.value === 'function' ? col.value(row) : (row[col.value] as Cell);
}

function plain(v: Cell): string {
  if (v == null) return '';
  if (v instanceof Date) return formatCellDate(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  return String(v);
}

/** One CSV field: spreadsheet formulas neutralised (CSV injection, OWASP), quoted when needed. */
export function csvField(v: Cell): string {
  const s = plain(v);
  const safe = typeof v === 'string' && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv<R>(columns: ExportColumn<R>[], rows: Iterable<R>): string {
  const out = ['\uFEFF' + columns.map((c) => csvField(c.header)).join(',')];
  for (const r of rows) out.push(columns.map((c) => csvField(cellValue(c, r))).join(','));
  return out.join('\r\n') + '\r\n';
}

export interface SheetSpec<R = Record<string, unknown>> {
  name: string;
  columns: ExportColumn<R>[];
  rows: Iterable<R>;
  /** optional lines above the header (title, filters, time of export) */
  caption?: string[];
}

function xlsxCell(v: Cell): ExcelJS.CellValue {
  if (v == null) return null;
  if (v instanceof Date) return formatCellDate(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string' && /^[=+\-@]/.test(v)) return `'${v}`; // never a formula
  return v;
}

export function addSheet<R>(wb: ExcelJS.Workbook, spec: SheetSpec<R>) {
  // Excel: ≤ 31 chars, no []:*?/\
  const ws = wb.addWorksheet(spec.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31));
  for (const line of spec.caption ?? []) ws.addRow([line]).font = { color: { argb: 'FF555555' } };
  const header = ws.addRow(spec.columns.map((c) => c.header));
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  ws.views = [{ state: 'frozen', ySplit: header.number }];
  for (const r of spec.rows) ws.addRow(spec.columns.map((c) => xlsxCell(cellValue(c, r))));
  spec.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width ?? Math.min(40, Math.max(8, c.header.length + 4));
    if (c.numFmt) col.numFmt = c.numFmt;
  });
  return ws;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- sheets of different row types
export async function toXlsx(sheets: SheetSpec<any>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '昌都市智慧式用电安全管理平台';
  wb.created = new Date();
  for (const s of sheets) addSheet(wb, s);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** content-disposition with an ASCII fallback and the UTF-8 (Chinese) name. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** A download Response for bytes already made. */
export function fileResponse(bytes: Uint8Array | string, mime: string, filename: string): Response {
  const body = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  return new Response(body as BodyInit, {
    headers: {
      'content-type': mime,
      'content-length': String(body.byteLength),
      'content-disposition': contentDisposition(filename),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}

/** Beijing timestamp for file names: 202611281405. */
export function fileStamp(now = new Date()): string {
  return new Date(now.getTime() + BJ_OFFSET).toISOString().slice(0, 16).replace(/[-:T]/g, '');
}

/**
 * THE helper: rows → CSV or XLSX download. `filename` without extension; a Beijing timestamp is appended.
 * `caption` lines (e.g. the filters) go above the XLSX header; CSV stays a plain table.
 */
export async function exportRows<R>(
  format: ExportFormat,
  columns: ExportColumn<R>[],
  rows: Iterable<R>,
  filename: string,
  opts: { sheetName?: string; caption?: string[] } = {},
): Promise<Response> {
  const name = `${filename}-${fileStamp()}.${format}`;
  if (format === 'csv') return fileResponse(toCsv(columns, rows), MIME.csv, name);
  const buf = await toXlsx([{ name: opts.sheetName ?? filename, columns, rows, caption: opts.caption }]);
  return fileResponse(new Uint8Array(buf), MIME.xlsx, name);
}
