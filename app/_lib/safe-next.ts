/**
 * Only same-site paths: the `next` parameter of /login must never become an open redirect. Browsers drop tabs and
 * newlines from URLs and read `\` as `/`, so `/%09/evil.example` arrives as "/\t/evil.example" and would resolve to
 * //evil.example: any control character, whitespace or backslash refuses the value, and the result must still
 * resolve to our own origin.
 */
const BASE = 'http://portal.invalid';

export function safeNext(next: string | string[] | undefined | null, fallback = '/map'): string {
  const v = Array.isArray(next) ? next[0] : next;
  if (!v || v.length > 2000 || !v.startsWith('/') || v.startsWith('//') || /[\s\\\u0000-\u001f\u007f]/.test(v)) return fallback;
  let u: URL;
  try {
    u = new URL(v, BASE);
  } catch {
    return fallback;
  }
  if (u.origin !== BASE || u.pathname.startsWith('/login')) return fallback;
  return v;
}
