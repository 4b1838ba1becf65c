/** The matrix filters: a plain GET form, so the URL carries them (shareable). */
import { CountySelect, FilterActions, SectorSelect } from '../_components/filters/FilterFields.tsx';
import type { CoverageFilter } from '../../server/rollout/filters.ts';
import w from '../_components/alerts/work.module.css';

export function CoverageFilters({ f, asOf, countyLocked, invalid }: { f: CoverageFilter; asOf: string; countyLocked: boolean; invalid: boolean }) {
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
      {!countyLocked && <CountySelect value={f.county} />}
      <SectorSelect value={f.category} />
      <FilterActions resetHref="/rollout" invalid={invalid} />
    </form>
  );
}
