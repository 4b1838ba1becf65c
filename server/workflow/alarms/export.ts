/** Export of the alarm list under its filters: CSV (UTF-8 with BOM, opens in Excel/WPS) or XLSX (exceljs). */
import ExcelJS from 'exceljs';
import type { Sql } from '../../../platform/db.ts';
import type { Principal } from '../../../platform/scope.ts';
import type { AlarmFilter } from '../../../lib/domain/workflow/alarm-filters.ts';
import { formatBeijing } from '../../../lib/domain/workflow/quiet-hours.ts';
import { alarmTypeLabel, categoryLabel, severityLabel } from '../../../lib/domain/vocabulary/index.ts';
import { listAlarms, type AlarmListRow } from './list.ts';

export const EXPORT_MAX_ROWS = 100_000;
const HEADER = ['编号 ID', '场所 Site', '行业 Sector', '设备 Device', '回路 Circuit', '类型 Type', '级别 Severity', '发生时间 Opened', '解除时间 Cleared', '测量值 Value', '阈值 Threshold', '原因 Reason', '确认人 Acknowledged by', '确认时间 Acknowledged', '误报 False', '误报原因 False reason'];

function cells(r: AlarmListRow): (string | number)[] {
  return [
    r.id,
    r.siteName,
    categoryLabel(r.category),
    r.deviceId,
    r.circuitName ?? (r.ch != null ? `CH${r.ch}` : ''),
    alarmTypeLabel(r.type),
    severityLabel(r.severity),
    formatBeijing(r.openedAt),
    formatBeijing(r.clearedAt),
    r.value ?? '',
    r.threshold ?? '',
    r.reasonZh,
    r.acknowledgedBy ?? '',
    formatBeijing(r.acknowledgedAt),
    r.falseAlarm ? '是' : '',
    r.falseAlarmReason ?? '',
  ];
}

async function* pages(sql: Sql, p: Principal, f: AlarmFilter) {
  let cursor: string | undefined;
  let n = 0;
  do {
    const { rows, nextCursor } = await listAlarms(sql, p, { ...f, cursor }, 2000);
    for (const r of rows) {
      if (n++ >= EXPORT_MAX_ROWS) return;
      yield r;
    }
    cursor = nextCursor ?? undefined;
  } while (cursor);
}

const csvCell = (v: string | number) => {
  const s = String(v);
  // neutralise spreadsheet formulas (CSV injection) and quote when needed
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function alarmsCsvStream(sql: Sql, p: Principal, f: AlarmFilter): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  const it = pages(sql, p, f);
  let started = false;
  return new ReadableStream({
    async pull(ctrl) {
      if (!started) {
        started = true;
        ctrl.enqueue(enc.encode('\uFEFF' + HEADER.map(csvCell).join(',') + '\r\n'));
      }
      const lines: string[] = [];
      for (let i = 0; i < 500; i++) {
        const { value, done } = await it.next();
        if (done) {
          if (lines.length) ctrl.enqueue(enc.encode(lines.join('')));
          ctrl.close();
          return;
        }
        lines.push(cells(value).map(csvCell).join(',') + '\r\n');
      }
      ctrl.enqueue(enc.encode(lines.join('')));
    },
  });
}

export async function alarmsXlsx(sql: Sql, p: Principal, f: AlarmFilter): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '昌都市智慧式用电安全管理平台';
  const ws = wb.addWorksheet('报警 Alarms', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(HEADER).font = { bold: true };
  for await (const r of pages(sql, p, f)) ws.addRow(cells(r));
  ws.columns.forEach((c, i) => (c.width = [8, 22, 12, 18, 16, 14, 8, 17, 17, 10, 10, 40, 16, 17, 6, 24][i] ?? 12));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
