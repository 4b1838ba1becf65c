/**
 * Checks an override before it is stored, with a message per field in Chinese and English: the value's own GB range
 * (from the core's profileSchema, via fields.ts), then the whole resolved profile of every circuit it reaches (the
 * set point under each circuit's insulation limit, alarm above warning, M ≤ N). Pure.
 */
import { z } from 'zod';
import type { RegistryEntry } from '../../lib/protocol/v1.ts';
import { profileOverrideSchema, resolveProfile, type Overrides, type ProfileOverride } from '../../lib/detection/profile.ts';
import {
  FIELD_BY_KEY, PERSISTENCE_FIELD_BY_KEY, PERSISTENCE_TYPE_NAME, PERSISTENCE_TYPES, rangeText,
  type PersistenceKey, type PersistenceType, type ScalarKey,
} from './fields.ts';

export interface FieldIssue {
  path: string;
  message: string;
  messageEn: string;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function numberIssue(path: string, zh: string, en: string, v: unknown, r: { min: number; max: number; unit?: string }, int: boolean): FieldIssue | null {
  if (typeof v !== 'number' || !Number.isFinite(v)) return { path, message: `${zh}须为数字`, messageEn: `${en} must be a number` };
  if (int && !Number.isInteger(v)) return { path, message: `${zh}须为整数`, messageEn: `${en} must be a whole number` };
  if (v < r.min || v > r.max)
    return { path, message: `${zh}超出 GB 允许范围 ${rangeText(r)}（填写的是 ${v}）`, messageEn: `${en} is outside the GB range ${rangeText(r)} (got ${v})` };
  return null;
}

/**
 * The override as sent by a form: known keys only, numbers within range; null or '' means "inherit" and is dropped.
 * Returns the cleaned override or the list of issues (never throws).
 */
export function parseOverride(input: unknown): { ok: true; value: ProfileOverride } | { ok: false; issues: FieldIssue[] } {
  if (!isObj(input)) return { ok: false, issues: [{ path: 'override', message: '阈值设置格式不正确', messageEn: 'Override must be an object' }] };
  const issues: FieldIssue[] = [];
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    if (v === null || v === '') continue;
    if (k === 'persistence') {
      if (!isObj(v)) {
        issues.push({ path: k, message: '持续判定设置格式不正确', messageEn: 'persistence must be an object' });
        continue;
      }
      const per: Record<string, Record<string, number>> = {};
      for (const [t, e] of Object.entries(v)) {
        const name = PERSISTENCE_TYPE_NAME[t as PersistenceType];
        if (!PERSISTENCE_TYPES.includes(t as PersistenceType) || !name) {
          issues.push({ path: `persistence.${t}`, message: `未知的报警类型「${t}」`, messageEn: `Unknown alarm type "${t}"` });
          continue;
        }
        if (e === null) continue;
        if (!isObj(e)) {
          issues.push({ path: `persistence.${t}`, message: `${name.zh}持续判定格式不正确`, messageEn: `${name.en} persistence must be an object` });
          continue;
        }
        const entry: Record<string, number> = {};
        for (const [pk, pv] of Object.entries(e)) {
          const f = PERSISTENCE_FIELD_BY_KEY.get(pk as PersistenceKey);
          const path = `persistence.${t}.${pk}`;
          if (!f) {
            issues.push({ path, message: `未知参数「${pk}」`, messageEn: `Unknown parameter "${pk}"` });
            continue;
          }
          if (pv === null || pv === '') continue;
          const bad = numberIssue(path, `${name.zh}${f.zh}`, `${name.en} ${f.en}`, pv, f, true);
          if (bad) issues.push(bad);
          else entry[pk] = pv as number;
        }
        if (Object.keys(entry).length) per[t] = entry;
      }
      if (Object.keys(per).length) out.persistence = per;
      continue;
    }
    const f = FIELD_BY_KEY.get(k as ScalarKey);
    if (!f) {
      issues.push({ path: k, message: `未知参数「${k}」`, messageEn: `Unknown parameter "${k}"` });
      continue;
    }
    const bad = numberIssue(k, f.zh, f.en, v, f, false);
    if (bad) issues.push(bad);
    else out[k] = v;
  }
  if (issues.length) return { ok: false, issues };
  const parsed = profileOverrideSchema.safeParse(out);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: '阈值设置无效', messageEn: i.message })) };
  return { ok: true, value: parsed.data };
}

export interface CheckedCircuit {
  entry: RegistryEntry;
  nameZh: string;
  nameEn: string;
}

/** Turn a failure of resolveProfile for one circuit into a message a person can act on. */
function explainIssue(i: z.core.$ZodIssue, c: CheckedCircuit, ov: Overrides): FieldIssue {
  const path = i.path.map(String).join('.');
  const where = `（回路「${c.nameZh}」）`;
  const whereEn = ` (circuit "${c.nameEn}")`;
  if (path === 'tempSetC' && i.code === 'custom') {
    const v = ov.circuits?.[`${c.entry.device}/${c.entry.ch}`]?.tempSetC ?? ov.sites?.[c.entry.site]?.tempSetC;
    return {
      path,
      message: `测温报警设定值 ${v} °C 高于导线绝缘允许温度 ${c.entry.maxConductorC} °C${where}`,
      messageEn: `Temperature set point ${v} °C exceeds the insulation limit ${c.entry.maxConductorC} °C${whereEn}`,
    };
  }
  if (path === 'imbalanceAlarm' && i.code === 'custom')
    return { path, message: `三相不平衡报警值须大于预警值${where}`, messageEn: `Phase imbalance alarm must exceed the warning${whereEn}` };
  const [head, type] = i.path.map(String);
  if (head === 'persistence' && type && PERSISTENCE_TYPE_NAME[type as PersistenceType]) {
    const name = PERSISTENCE_TYPE_NAME[type as PersistenceType];
    return { path, message: `${name.zh}：确认次数 M 不得大于窗口 N${where}`, messageEn: `${name.en}: M must not exceed N${whereEn}` };
  }
  const f = FIELD_BY_KEY.get(head as ScalarKey);
  return {
    path,
    message: `${f?.zh ?? path}：组合后的阈值无效${where}`,
    messageEn: `${f?.en ?? path}: ${i.message}${whereEn}`,
  };
}

/**
 * Resolve the profile of every circuit in `circuits` under `overrides`; one issue per field path (the first
 * circuit that fails it), so a site-wide change that breaks one circuit says which.
 */
export function checkResolves(circuits: CheckedCircuit[], overrides: Overrides): FieldIssue[] {
  const byPath = new Map<string, FieldIssue>();
  for (const c of circuits) {
    try {
      resolveProfile(c.entry, overrides);
    } catch (e) {
      if (!(e instanceof z.ZodError)) throw e;
      for (const i of e.issues) {
        const fi = explainIssue(i, c, overrides);
        if (!byPath.has(fi.path)) byPath.set(fi.path, fi);
      }
    }
  }
  return [...byPath.values()];
}
