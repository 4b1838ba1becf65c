/**
 * Search text inside a LIKE/ILIKE pattern: `%`, `_` and the escape character itself are literal, so `q=%` finds a
 * percent sign instead of every row. PostgreSQL's default LIKE escape is the backslash (standard_conforming_strings
 * does not change that); the value travels as a bind parameter, never spliced into SQL.
 */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `%text%` for a contains-search. */
export function likeContains(s: string): string {
  return `%${escapeLike(s)}%`;
}
