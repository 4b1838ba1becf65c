/** The filter bar: a plain GET form, so every filter lives in the URL (shareable, back-button friendly). */
import { ALARM_TYPES, SEVERITIES, SITE_CATEGORIES } from '../../lib/protocol/v1.ts';
import { CATEGORIES } from '../../lib/domain/catalog.ts';
import { COUNTY_CODES } from '../../lib/domain/counties.ts';
import { ALARM_STATES, ALARM_STATE_INFO, type AlarmFilter } from '../../server/workflow/pure/alarm-filters.ts';
import { ALARM_TYPE_INFO, SEVERITY_INFO } from '../../server/workflow/pure/severity.ts';
import { countyName } from '../map/county-names.ts';
import w from '../_components/alerts/work.module.css';

export function AlarmFilters({ f, invalid }: { f: AlarmFilter; invalid?: boolean }) {
  return (
    <form className={w.filters} method="get" action="/alarms" role="search">
      <label className={w.field}>
        <span>
          搜索场所<small>Site</small>
        </span>
        <input name="q" defaultValue={f.q ?? ''} placeholder="场所名称或编号" style={{ width: 170 }} />
      </label>
      <label className={w.field}>
        <span>
          状态<small>State</small>
        </span>
        <select name="state" defaultValue={f.state ?? ''}>
          <option value="">全部</option>
          {ALARM_STATES.map((s) => (
            <option key={s} value={s}>
              {ALARM_STATE_INFO[s].zh}
            </option>
          ))}
        </select>
      </label>
      <label className={w.field}>
        <span>
          级别<small>Severity</small>
        </span>
        <select name="severity" defaultValue={f.severity ?? ''}>
          <option value="">全部</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {SEVERITY_INFO[s].zh}
            </option>
          ))}
        </select>
      </label>
      <label className={w.field}>
        <span>
          类型<small>Type</small>
        </span>
        <select name="type" defaultValue={f.type ?? ''}>
          <option value="">全部</option>
          {ALARM_TYPES.map((t) => (
            <option key={t} value={t}>
              {ALARM_TYPE_INFO[t]?.zh ?? t}
            </option>
          ))}
        </select>
      </label>
      <label className={w.field}>
        <span>
          行业<small>Sector</small>
        </span>
        <select name="sector" defaultValue={f.sector ?? ''}>
          <option value="">全部</option>
          {SITE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {CATEGORIES[c].zh}
            </option>
          ))}
        </select>
      </label>
      <label className={w.field}>
        <span>
          区县<small>County</small>
        </span>
        <select name="county" defaultValue={f.county ?? ''}>
          <option value="">全部</option>
          {Object.keys(COUNTY_CODES).map((c) => (
            <option key={c} value={c}>
              {countyName(Number(c), 'zh')}
            </option>
          ))}
        </select>
      </label>
      <label className={w.field}>
        <span>
          开始日期<small>From</small>
        </span>
        <input type="date" name="from" defaultValue={f.from ?? ''} />
      </label>
      <label className={w.field}>
        <span>
          结束日期<small>To</small>
        </span>
        <input type="date" name="to" defaultValue={f.to ?? ''} />
      </label>
      {f.site && <input type="hidden" name="site" value={f.site} />}
      <button className={`${w.btn} ${w.primary}`} type="submit">
        筛选 Filter
      </button>
      <a className={w.btn} href="/alarms">
        重置 Reset
      </a>
      {invalid && <span className={w.err}>部分筛选条件无效，已忽略</span>}
    </form>
  );
}
