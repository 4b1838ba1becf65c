/** Flattens a nested message object into dotted keys ("report.kind" → string). Universal. */
export function flattenMessages(obj: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  if (obj && typeof obj === 'object') {
    for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (typeof v === 'string') out[key] = v;
      else Object.assign(out, flattenMessages(v, key));
    }
  }
  return out;
}
