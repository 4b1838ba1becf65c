/** Only same-site paths: the `next` parameter of /login must never become an open redirect. */
export function safeNext(next: string | string[] | undefined | null, fallback = '/map'): string {
  const v = Array.isArray(next) ? next[0] : next;
  if (!v || !v.startsWith('/') || v.startsWith('//') || v.startsWith('/\\') || v.startsWith('/login') || /[\r\n]/.test(v)) return fallback;
  return v;
}
