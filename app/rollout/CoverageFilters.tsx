/** The matrix filters: a plain GET form, so the URL carries them (shareable). */
import { CATEGORIES } from '../../lib/domain/catalog.ts';
import type { CoverageFilter } from '../../server/rollout/filters.ts';
import w from '../_components/alerts/work.module.css';

export function CoverageFilters({ f, asOf, counties, countyLocked, invalid }: { f: CoverageFilter; asOf: string; counties: { adcode: number; nameZh: string }[]; countyLocked: boolean; invalid: boolean }) {
  return (
    <form className={w.filters} method="get" action="/rollout">
      <label className={w.field}>
        <span>
          截至日期<small>As of</small>
        </span>
        <input type="date" name="asOf" defaultValue={f.asOf ?? asOf} min="2018-09-03" />
      </label>
      <label className={w.field}>
        <span>
          覆盖口径<small>Counts as covered</small>
        </span>
        <select name="metric" defaultValue={f.metric ?? 'in_service'}>
          <option value="in_service">已投入使用 In service</option>
          <option value="installed">已安装及以后 Installed+</option>
        </select>
      </label>
      {!countyLocked && (
        <label className={w.field}>
          <span>
            县（区）<small>County</small>
          </span>
          <select name="county" defaultValue={f.county ?? ''}>
            <option value="">全部 All</option>
            {counties.map((c) => (
              <option key={c.adcode} value={c.adcode}>
                {c.nameZh}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className={w.field}>
        <span>
          行业<small>Sector</small>
        </span>
        <select name="category" defaultValue={f.category ?? ''}>
          <option value="">全部 All</option>
          {Object.values(CATEGORIES).map((c) => (
            <option key={c.id} value={c.id}>
              {c.zh}
            </option>
          ))}
        </select>
      </label>
      <button className={`${w.btn} ${w.primary}`} type="submit">
        查询 Apply
      </button>
      <a className={w.btn} href="/rollout">
        重置 Reset
      </a>
      {invalid && <span className={w.err}>筛选条件有误，已忽略 Invalid filters ignored</span>}
    </form>
  );
}
