/** Export columns of the rollout lists (coverage cells, inspections). */
import type { ExportColumn } from '../export/index.ts';
import { categoryLabel, departmentLabel } from '../../lib/domain/vocabulary/index.ts';
import { COUNTY_NAMES_ZH } from '../supervision/names.ts';
import type { CoverageCell } from './coverage.ts';
import type { InspectionRow } from './inspections.ts';

const pct = (x: number | null) => (x == null ? '' : Math.round(x * 1000) / 10);

export const COVERAGE_COLUMNS: ExportColumn<CoverageCell>[] = [
  { header: '县（区） County', value: (c) => COUNTY_NAMES_ZH[c.county] ?? c.county, width: 10 },
  { header: '行业 Sector', value: (c) => categoryLabel(c.category), width: 14 },
  { header: '目标 Target', value: 'target' },
  { header: '登记 Registered', value: 'total' },
  { header: '具备条件 Eligible', value: 'eligible' },
  { header: '试点 Pilots', value: 'pilots' },
  { header: '已勘察 Surveyed', value: 'surveyed' },
  { header: '已安装 Installed', value: 'installed' },
  { header: '已调试 Commissioned', value: 'commissioned' },
  { header: '已投用 In service', value: 'inService' },
  { header: '覆盖率% Share', value: (c) => pct(c.share) },
  { header: '应达% Expected', value: (c) => pct(c.expected) },
  { header: '状态 Status', value: (c) => ({ none: '无目标', ok: '达标', behind: '未达进度', laggard: '严重滞后' })[c.status] },
];

export const INSPECTION_COLUMNS: ExportColumn<InspectionRow>[] = [
  { header: '编号 ID', value: 'id' },
  { header: '检查日期 Date', value: 'inspectedOn', width: 11 },
  { header: '被检查部门 Department', value: (r) => departmentLabel(r.departmentId), width: 22 },
  { header: '县（区） County', value: (r) => r.countyZh ?? '全市' },
  { header: '行业 Sectors', value: (r) => r.snapshot.categories.map((c) => categoryLabel(c)).join('、'), width: 20 },
  { header: '目标 Target', value: (r) => r.snapshot.target },
  { header: '已安装 Installed', value: (r) => r.snapshot.installed },
  { header: '已投用 In service', value: (r) => r.snapshot.inService },
  { header: '覆盖率% Share', value: (r) => pct(r.snapshot.share) },
  { header: '未整改隐患 Open hazards', value: (r) => r.snapshot.openHazards },
  { header: '逾期 Overdue', value: (r) => r.snapshot.overdueHazards },
  { header: '检查发现 Findings', value: 'findings', width: 60 },
  { header: '责令整改 Rectification ordered', value: (r) => r.rectificationRequired },
  { header: '检查人 Inspector', value: 'inspectorName', width: 18 },
];
