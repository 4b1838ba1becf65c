/**
 * The fields every working screen filters by — county, sector, date range — and the apply/reset buttons, for
 * plain GET filter forms (the URL carries the filters: shareable, back-button friendly). One place so every
 * screen lists counties and sectors the same way and in the same order.
 */
import { CATEGORIES } from '../../../lib/domain/vocabulary/index.ts';
import { COUNTIES } from '../../../lib/domain/counties.ts';
import w from '../alerts/work.module.css';

type Val = string | number | null | undefined;
const str = (v: Val) => (v == null ? '' : String(v));

function Label({ zh, en }: { zh: string; en: string }) {
  return (
    <span>
      {zh}
      <small>{en}</small>
    </span>
  );
}

export function CountySelect({ value, name = 'county', label = '县（区）' }: { value: Val; name?: string; label?: string }) {
  return (
    <label className={w.field}>
      <Label zh={label} en="County" />
      <select name={name} defaultValue={str(value)}>
        <option value="">全部 All</option>
        {Object.entries(COUNTIES).map(([adcode, c]) => (
          <option key={adcode} value={adcode}>
            {c.zh}
          </option>
        ))}
      </select>
    </label>
  );
}

export function SectorSelect({ value, name = 'category' }: { value: Val; name?: string }) {
  return (
    <label className={w.field}>
      <Label zh="行业" en="Sector" />
      <select name={name} defaultValue={str(value)}>
        <option value="">全部 All</option>
        {Object.values(CATEGORIES).map((c) => (
          <option key={c.id} value={c.id}>
            {c.zh}
          </option>
        ))}
      </select>
    </label>
  );
}

export function DateRange({ from, to, fromLabel = '开始日期', toLabel = '结束日期' }: { from: Val; to: Val; fromLabel?: string; toLabel?: string }) {
  return (
    <>
      <label className={w.field}>
        <Label zh={fromLabel} en="From" />
        <input type="date" name="from" defaultValue={str(from)} />
      </label>
      <label className={w.field}>
        <Label zh={toLabel} en="To" />
        <input type="date" name="to" defaultValue={str(to)} />
      </label>
    </>
  );
}

/** Submit + reset (a link to the bare page) + the note shown when the URL carried filters that were ignored. */
export function FilterActions({ resetHref, invalid, apply = '查询 Apply' }: { resetHref: string; invalid?: boolean; apply?: string }) {
  return (
    <>
      <button className={`${w.btn} ${w.primary}`} type="submit">
        {apply}
      </button>
      <a className={w.btn} href={resetHref}>
        重置 Reset
      </a>
      {invalid && <span className={w.err}>部分筛选条件无效，已忽略 Invalid filters ignored</span>}
    </>
  );
}
