/** Small HTML builders for the report document (escaped text, tables), pure. */
export const esc = (s: unknown) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface Col<R> {
  h: string;
  v: (r: R) => string | number | null | undefined;
  num?: boolean;
  cls?: (r: R) => string;
}

export function table<R>(caption: string, cols: Col<R>[], rows: R[], opts: { empty?: string; foot?: R[] } = {}): string {
  if (!rows.length) return `<p class="caption">${esc(caption)}</p><p class="empty">${esc(opts.empty ?? '无数据')}</p>`;
  const td = (c: Col<R>, r: R) => `<td class="${c.num ? 'n' : ''} ${c.cls?.(r) ?? ''}">${esc(c.v(r) ?? '—')}</td>`;
  return `<table class="${rows.length <= 16 ? 'keep' : ''}"><caption>${esc(caption)}</caption>
<thead><tr>${cols.map((c) => `<th class="${c.num ? 'n' : ''}">${esc(c.h)}</th>`).join('')}</tr></thead>
<tbody>${rows.map((r) => `<tr>${cols.map((c) => td(c, r)).join('')}</tr>`).join('\n')}</tbody>
${opts.foot?.length ? `<tfoot>${opts.foot.map((r) => `<tr>${cols.map((c) => td(c, r)).join('')}</tr>`).join('')}</tfoot>` : ''}
</table>`;
}

export const figure = (svg: string, caption: string) => `<figure>${svg}<figcaption>${esc(caption)}</figcaption></figure>`;
export const paras = (ps: string[]) => ps.map((p) => `<p>${esc(p)}</p>`).join('\n');
