/** Dashboard filters (GET form: the URL carries them). */
import { CATEGORIES } from '../../lib/domain/catalog.ts';
import { COUNTY_NAMES_ZH } from '../../server/supervision/names.ts';
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
      <label className={w.field}>
        <span>
          自<small>From</small>
        </span>
        <input type="date" name="from" defaultValue={f.from ?? ''} />
      </label>
      <label className={w.field}>
        <span>
          至<small>To</small>
        </span>
        <input type="date" name="to" defaultValue={f.to ?? ''} />
      </label>
      {!countyLocked && (
        <label className={w.field}>
          <span>
            县（区）<small>County</small>
          </span>
          <select name="county" defaultValue={f.county ?? ''}>
            <option value="">全部 All</option>
            {Object.entries(COUNTY_NAMES_ZH).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
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
      <button className={`${w.btn} ${w.primary}`} type="submit">
        查询 Apply
      </button>
      <a className={w.btn} href="/supervision">
        重置 Reset
      </a>
      {invalid && <span className={w.err}>筛选条件有误，已忽略 Invalid filters ignored</span>}
    </form>
  );
}
