/** Browser-side calls of the staff pages; errors come back as the server's Chinese message. */
export async function api<T>(path: string, init?: { method?: string; body?: unknown }): Promise<T> {
  const r = await fetch(path, {
    method: init?.method ?? 'GET',
    headers: init?.body !== undefined ? { 'content-type': 'application/json' } : undefined,
    body: init?.body !== undefined ? JSON.stringify(init.body) : undefined,
    cache: 'no-store',
  });
  const data = await r.json().catch(() => null);
  if (!r.ok) throw new Error((data as { error?: { message?: string } } | null)?.error?.message ?? `HTTP ${r.status}`);
  return data as T;
}
