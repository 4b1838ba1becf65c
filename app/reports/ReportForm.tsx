/** Report parameters (GET form: the URL carries them). */
import { CountySelect, SectorSelect } from '../_components/filters/FilterFields.tsx';
import w from '../_components/alerts/work.module.css';
import { ShapedForm } from './ShapedForm.tsx';

type Req = { kind: string; year?: number; month?: number; quarter?: number; phase?: number; county: number | null; category: string | null };

export function ReportForm({ req, countyLocked, errors }: { req: Req; countyLocked: boolean; errors: string[] }) {
  const years = Array.from({ length: new Date().getFullYear() - 2017 }, (_, i) => 2018 + i).reverse();
  return (
    <ShapedForm className={w.filters}>
      <label className={w.field}>
        <span>
          报告类型<small>Kind</small>
        </span>
        <select name="kind" defaultValue={req.kind}>
          <option value="monthly">月度 Monthly</option>
          <option value="quarterly">季度 Quarterly</option>
          <option value="annual">年度 Annual</option>
          <option value="phase">阶段总结 Phase summary</option>
        </select>
      </label>
      <label className={w.field}>
        <span>
          年份<small>Year</small>
        </span>
        <select name="year" defaultValue={req.year ?? years[0]}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <label className={w.field}>
        <span>
          月份<small>Month（月度）</small>
        </span>
        <select name="month" defaultValue={req.month ?? 1}>
          {Array.from({ length: 12 }, (_, i) => (
            <option key={i} value={i + 1}>
              {i + 1} 月
            </option>
          ))}
        </select>
      </label>
      <label className={w.field}>
        <span>
          季度<small>Quarter（季度）</small>
        </span>
        <select name="quarter" defaultValue={req.quarter ?? 1}>
          {[1, 2, 3, 4].map((x) => (
            <option key={x} value={x}>
              第{'一二三四'[x - 1]}季度
            </option>
          ))}
        </select>
      </label>
      <label className={w.field}>
        <span>
          阶段<small>Phase（阶段总结）</small>
        </span>
        <select name="phase" defaultValue={req.phase ?? 5}>
          {['学习宣传', '研究部署', '试点先行', '全面覆盖', '查找不足，总结提高'].map((n, i) => (
            <option key={i} value={i + 1}>
              {i + 1}. {n}
            </option>
          ))}
        </select>
      </label>
      {!countyLocked && <CountySelect value={req.county} />}
      <SectorSelect value={req.category} />
      <button className={`${w.btn} ${w.primary}`} type="submit">
        生成预览 Preview
      </button>
      {errors.length > 0 && (
        <span className={w.err} role="alert" data-testid="report-errors">
          报告参数有误，未生成报告 The report was refused: {errors.join('；')}
        </span>
      )}
    </ShapedForm>
  );
}
