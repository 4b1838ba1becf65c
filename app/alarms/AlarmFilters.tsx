/** The filter bar: a plain GET form, so every filter lives in the URL (shareable, back-button friendly). */
import { ALARM_TYPES, SEVERITIES } from '../../lib/protocol/v1.ts';
import { ALARM_STATES, ALARM_STATE_INFO, type AlarmFilter } from '../../lib/domain/workflow/alarm-filters.ts';
import { CountySelect, DateRange, FilterActions, SectorSelect } from '../_components/filters/FilterFields.tsx';
import { ALARM_TYPE_INFO, SEVERITY_INFO } from '../../lib/domain/vocabulary/index.ts';
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
              {ALARM_TYPE_INFO[t].zh}
            </option>
          ))}
        </select>
      </label>
      <SectorSelect name="sector" value={f.sector} />
      <CountySelect value={f.county} label="区县" />
      <DateRange from={f.from} to={f.to} />
      {f.site && <input type="hidden" name="site" value={f.site} />}
      <FilterActions resetHref="/alarms" invalid={invalid} apply="筛选 Filter" />
    </form>
  );
}
