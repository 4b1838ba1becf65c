'use client';
/** Case list + edit form. Saving sends a case back to draft; an editor marks it reviewed, then publishes. */
import { useCallback, useEffect, useState } from 'react';
import { api, type ApiRes } from '../../../_lib/api/client.ts';
import type { ApiContract } from '../../../_lib/api/contract.ts';
import type { BodyOf } from '../../../../server/http/typed.ts';
import a from '../admin.module.css';

type Case = ApiRes<'GET /api/admin/public-reports/cases'>['cases'][number];
type Fields = BodyOf<ApiContract['POST /api/admin/public-reports/cases']>;
const EMPTY: Fields = { slug: '', setting: 'home', title_zh: '', title_bo: '', title_en: '', body_zh: '', body_bo: '', body_en: '' };
const STATE_ZH = { draft: '草稿', reviewed: '已审核', published: '已发布' };
const LANGS = [['zh', '中文', 'zh-CN'], ['bo', '藏文', 'bo'], ['en', 'English', 'en']] as const;

export function CaseEditor() {
  const [cases, setCases] = useState<Case[]>([]);
  const [sel, setSel] = useState<number | null>(null);
  const [f, setF] = useState<Fields>(EMPTY);
  const [msg, setMsg] = useState('');
  const load = useCallback(async () => setCases((await api('GET /api/admin/public-reports/cases')).cases), []);
  useEffect(() => {
    load().catch((e) => setMsg((e as Error).message));
  }, [load]);
  const pick = (c: Case | null) => {
    setSel(c?.id ?? null);
    setF(c ? { slug: c.slug, setting: c.setting, title_zh: c.title_zh, title_bo: c.title_bo, title_en: c.title_en, body_zh: c.body_zh, body_bo: c.body_bo, body_en: c.body_en } : EMPTY);
    setMsg('');
  };
  const run = async (p: Promise<unknown>, ok: string) => {
    try {
      await p;
      setMsg(ok);
      await load();
    } catch (e) {
      setMsg((e as Error).message);
    }
  };
  const save = () =>
    run(
      sel
        ? api('PUT /api/admin/public-reports/cases/:id', { params: { id: sel }, body: f })
        : api('POST /api/admin/public-reports/cases', { body: f }).then((r) => setSel(r.id)),
      '已保存为草稿，需重新审核后发布',
    );
  const step = (action: 'review' | 'publish' | 'unpublish') => sel && run(api('POST /api/admin/public-reports/cases/:id/:action', { params: { id: sel, action } }), '已更新');
  const cur = cases.find((c) => c.id === sel);
  const set = (k: keyof Fields) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => setF({ ...f, [k]: e.target.value });

  return (
    <div className={a.card} style={{ gridTemplateColumns: 'minmax(220px, 1fr) 2fr' }}>
      <nav aria-label="案例">
        <button type="button" className={a.btn} onClick={() => pick(null)}>＋ 新案例</button>
        <ul style={{ listStyle: 'none', padding: 0 }}>
          {cases.map((c) => (
            <li key={c.id} style={{ margin: '6px 0' }}>
              <button type="button" className={a.btn} aria-pressed={sel === c.id} onClick={() => pick(c)} style={{ width: '100%', textAlign: 'left' }}>
                <span className={a.state}>{STATE_ZH[c.state]}</span> {c.title_zh}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <form className={a.form} onSubmit={(e) => (e.preventDefault(), void save())}>
        {cur && (
          <p className={a.meta}>
            状态：{STATE_ZH[cur.state]}
            {cur.reviewed_at && ` · 审核：${cur.reviewed_by_name ?? ''} ${new Date(cur.reviewed_at).toLocaleString('zh-CN', { hour12: false })}`}
          </p>
        )}
        <div className={a.grid3}>
          <label>标识 slug<input value={f.slug} onChange={set('slug')} pattern="[a-z0-9-]{3,64}" required /></label>
          <label>
            场景
            <select value={f.setting} onChange={set('setting')}>
              <option value="home">家庭与机构</option>
              <option value="monastery">寺庙</option>
              <option value="school">学校</option>
              <option value="shop">商铺与场所</option>
            </select>
          </label>
        </div>
        {LANGS.map(([l, label, tag]) => (
          <fieldset key={l} lang={tag} style={{ border: '1px solid var(--line)', borderRadius: 8 }}>
            <legend lang="zh-CN">{label}</legend>
            <label>标题<input value={f[`title_${l}`]} onChange={set(`title_${l}`)} required={l === 'zh'} /></label>
            <label>正文<textarea rows={5} value={f[`body_${l}`]} onChange={set(`body_${l}`)} required={l === 'zh'} /></label>
          </fieldset>
        ))}
        <p className={a.meta}>发布前请确认：不含单位名称、地址、人名、电话、设备编号或可推断具体单位的细节。</p>
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <button type="submit" className={a.btn}>保存</button>
          <button type="button" className={`${a.btn} ${a.ok}`} disabled={cur?.state !== 'draft'} onClick={() => step('review')}>审核通过</button>
          <button type="button" className={`${a.btn} ${a.ok}`} disabled={cur?.state !== 'reviewed'} onClick={() => step('publish')}>发布</button>
          <button type="button" className={`${a.btn} ${a.danger}`} disabled={cur?.state !== 'published'} onClick={() => step('unpublish')}>撤回发布</button>
        </div>
        {msg && <p role="status">{msg}</p>}
      </form>
    </div>
  );
}
