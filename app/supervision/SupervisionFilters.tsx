/** Dashboard filters (GET form: the URL carries them). */
import { CountySelect, DateRange, FilterActions, SectorSelect } from '../_components/filters/FilterFields.tsx';
import type { SupervisionFilter } from '../../server/supervision/filters.ts';
import w from '../_components/alerts/work.module.css';

export function SupervisionFilters({ f, countyLocked, invalid }: { f: SupervisionFilter; countyLocked: boolean; invalid: boolean }) {
  return (
    <form className={w.filters} method="get" action="/supervision">
      <label className={w.field}>
        <span>
          期间<small>Window</small>
        </span>
        <select name="days" defaultValue={String(f.days ?? 30)}>
          <option value="7">近 7 天</option>
          <option value="30">近 30 天</option>
          <option value="90">近 90 天</option>
          <option value="365">近一年</option>
        </select>
      </label>
      <DateRange from={f.from} to={f.to} fromLabel="自" toLabel="至" />
      {!countyLocked && <CountySelect value={f.county} />}
      <SectorSelect value={f.category} />
      <label className={w.field}>
        <span>
          评分等级<small>Grade</small>
        </span>
        <select name="grade" defaultValue={f.grade ?? ''}>
          <option value="">全部 All</option>
          <option value="risk">差 &lt;60</option>
          <option value="attention">中 60–74</option>
          <option value="fair">良 75–89</option>
          <option value="good">优 ≥90</option>
          <option value="none">未接入</option>
        </select>
      </label>
      {f.sort && <input type="hidden" name="sort" value={f.sort} />}
      <FilterActions resetHref="/supervision" invalid={invalid} />
    </form>
  );
}
