/** /reports — monthly, quarterly, annual and phase-summary reports for the caller's scope: preview, download, issue, archive, schedules. */
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { services } from '../../server/services.ts';
import { can } from '../../lib/domain/permissions.ts';
import { reportRequestSchema, normaliseRequest, requestErrors } from '../../server/reports/schemas.ts';
import { currentPeriodParams } from '../../lib/domain/reports/period.ts';
import { listArchive } from '../../server/reports/archive.ts';
import { listSchedules, myDeliveries } from '../../server/reports/schedules.ts';
import { toQuery } from '../../server/rollout/filters.ts';
import { currentPrincipal } from '../_lib/server-session.ts';
import { env } from '../../platform/env.ts';
import w from '../_components/alerts/work.module.css';
import { GovShell } from './_ui/GovShell.tsx';
import g from './_ui/gov.module.css';
import { ReportForm } from './ReportForm.tsx';
import { PreviewFrame } from './PreviewFrame.tsx';
import { IssueButton } from './IssueButton.tsx';
import { ArchiveTable } from './ArchiveTable.tsx';
import { Schedules } from './Schedules.tsx';
import { Deliveries } from './Deliveries.tsx';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '报告 · 昌都市智慧式用电安全管理平台' };
type SP = Promise<Record<string, string | string[] | undefined>>;
const first = (o: Record<string, string | string[] | undefined>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));

export default async function ReportsPage({ searchParams }: { searchParams: SP }) {
  const p = await currentPrincipal();
  if (!p) redirect('/login?next=/reports');
  const raw = first(await searchParams);
  const cur = currentPeriodParams('monthly', new Date());
  // no choice yet: this month; a choice is taken as made, and refused (with its reasons) if it cannot be reported
  const chosen = Object.keys(raw).some((k) => ['kind', 'year', 'month', 'quarter', 'phase', 'county', 'category'].includes(k));
  const parsed = reportRequestSchema.safeParse(chosen ? raw : { kind: 'monthly', year: cur.year, month: cur.month });
  const errors = parsed.success ? [] : requestErrors(parsed.error);
  const req: ReturnType<typeof normaliseRequest> = parsed.success ? normaliseRequest(parsed.data) : { kind: 'monthly', year: cur.year, month: cur.month, county: null, category: null };
  const pick = req as { kind: string; year?: number; month?: number; quarter?: number; phase?: number; county: number | null; category: string | null };
  const q = toQuery({ kind: pick.kind, year: pick.year, month: pick.month, quarter: pick.quarter, phase: pick.phase, county: pick.county, category: pick.category });
  const { sql } = services();
  const [archive, schedules, deliveries, people] = await Promise.all([
    listArchive(sql, p, {}, 50),
    listSchedules(sql, p),
    myDeliveries(sql, p),
    sql<{ id: number; name: string; role: string }[]>`
      SELECT id, display_name AS name, role FROM users WHERE NOT disabled AND role IN ('leader','committee','fire','regulator','county','admin') ORDER BY id`,
  ]);
  const exp = can(p.role, 'report.export');
  return (
    <GovShell p={p} active="/reports">
      <h1 className={w.h1}>
        报告 <small>Reports · 月度、季度、年度与阶段总结 Monthly, quarterly, annual, phase summary</small>
      </h1>
      <p className={g.lede}>
        报告范围为当前账号的监管范围（可再按县区、行业缩小）；正文、表格和图表由平台数据生成，可导出 <b>PDF</b>（含封面和页码）、<b>Excel</b>（分表）和 <b>CSV</b>（单位明细）。
        “签发归档”生成带编号的正式报告并存档。
      </p>
      <ReportForm req={req} countyLocked={p.scope.kind === 'county'} errors={errors} />
      <div className={w.pager} style={{ marginTop: 0, marginBottom: 10 }}>
        {exp && parsed.success && (
          <>
            <a className={`${w.btn} ${w.primary}`} href={`/api/reports/render?${q}&format=pdf`} download data-testid="download-pdf">
              下载 PDF
            </a>
            <a className={w.btn} href={`/api/reports/render?${q}&format=xlsx`} download data-testid="download-xlsx">
              下载 Excel
            </a>
            <a className={w.btn} href={`/api/reports/render?${q}&format=csv`} download data-testid="download-csv">
              下载 CSV
            </a>
            <IssueButton req={req} />
          </>
        )}
        <span className={g.muted}>PDF 生成约需数秒 · PDF takes a few seconds</span>
      </div>
      {parsed.success && <PreviewFrame src={`/api/reports/render?${q}&format=html`} />}
      <div className={g.cols3} style={{ marginTop: 16 }}>
        <Deliveries rows={deliveries} />
        <Schedules rows={schedules} people={people} canEdit={exp} countyLocked={p.scope.kind === 'county'} emailAvailable={!!env.NOTIFY_SMTP_URL} />
      </div>
      <ArchiveTable rows={archive} canExport={exp} />
    </GovShell>
  );
}
