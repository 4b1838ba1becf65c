'use client';
/** Create (shown once), list and revoke personal API tokens. */
import { useId, useState } from 'react';
import w from '../../_components/alerts/work.module.css';
import { api, ApiError, type ApiRes } from '../../_lib/api/client.ts';

type Token = ApiRes<'GET /api/tokens'>['tokens'][number];
const EXPIRY = [
  [7, '7 天'],
  [30, '30 天'],
  [90, '90 天'],
  [365, '1 年'],
] as const;
const fmt = (s: string | null) => (s ? new Date(s).toLocaleString('zh-CN', { hour12: false }) : '—');
const stateOf = (t: Token) => (t.revokedAt ? '已撤销 Revoked' : new Date(t.expiresAt) <= new Date() ? '已过期 Expired' : '有效 Active');

export function TokensPanel({ initial }: { initial: Token[] }) {
  const [tokens, setTokens] = useState(initial);
  const [name, setName] = useState('');
  const [days, setDays] = useState<number>(30);
  const [fresh, setFresh] = useState<string | null>(null);
  const [err, setErr] = useState('');
  const [msg, setMsg] = useState('');
  const [busy, setBusy] = useState(false);
  const nameId = useId();
  const daysId = useId();
  const errId = useId();

  const reload = async () => setTokens((await api('GET /api/tokens')).tokens);

  async function create(e: React.FormEvent) {
    e.preventDefault();
    setErr('');
    setMsg('');
    if (!name.trim()) return setErr('请填写名称 Name is required');
    setBusy(true);
    try {
      const r = await api('POST /api/tokens', { body: { name: name.trim(), days } });
      setFresh(r.token);
      setName('');
      await reload();
    } catch (x) {
      setErr(x instanceof ApiError ? x.message : '创建失败 Failed');
    } finally {
      setBusy(false);
    }
  }

  async function revoke(t: Token) {
    if (!window.confirm(`撤销令牌「${t.name}」？使用它的 GIS 软件将立即无法访问。`)) return;
    try {
      await api('DELETE /api/tokens/:id', { params: { id: t.id } });
      setMsg(`已撤销「${t.name}」 Revoked`);
      await reload();
    } catch (x) {
      setMsg(x instanceof ApiError ? x.message : '撤销失败 Failed');
    }
  }

  return (
    <div style={{ maxWidth: 900 }}>
      <form className={`${w.card} ${w.form}`} onSubmit={create} noValidate aria-describedby={err ? errId : undefined}>
        <h2>新建令牌 <span className={w.en}>New token</span></h2>
        <label htmlFor={nameId}>
          <span>名称 <span className={w.en}>Name, e.g. “QGIS 办公室电脑”</span></span>
          <input id={nameId} className={w.input} value={name} maxLength={80} required aria-invalid={!!err} onChange={(e) => setName(e.target.value)} />
        </label>
        <label htmlFor={daysId}>
          <span>有效期 <span className={w.en}>Expires after</span></span>
          <select id={daysId} className={w.input} value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {EXPIRY.map(([d, zh]) => (
              <option key={d} value={d}>{zh}</option>
            ))}
          </select>
        </label>
        <p className={w.dim} style={{ margin: 0 }}>权限：只读 <span className={w.en}>Scope: read</span></p>
        {err && <p id={errId} className={w.err} role="alert">{err}</p>}
        <div>
          <button type="submit" className={`${w.btn} ${w.primary}`} disabled={busy}>{busy ? '创建中…' : '创建令牌 Create'}</button>
        </div>
      </form>

      {fresh && (
        <div className={w.card} role="status">
          <h2>请立即复制令牌 <span className={w.en}>Copy it now — it will not be shown again</span></h2>
          <label style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
            <span className={w.en}>Token</span>
            <input className={w.input} readOnly value={fresh} onFocus={(e) => e.currentTarget.select()} style={{ fontFamily: 'monospace' }} />
          </label>
          <p className={w.dim}>
            GDAL：<code>GDAL_HTTP_HEADERS=&quot;Authorization: Bearer …&quot; ogrinfo OAPIF:{typeof window !== 'undefined' ? window.location.origin : ''}/ogc</code>
          </p>
          <button type="button" className={w.btn} onClick={() => setFresh(null)}>我已保存 Done</button>
        </div>
      )}

      {msg && <p className={w.ok} role="status">{msg}</p>}
      <div className={w.tableWrap}>
        <table className={w.table}>
          <caption className={w.dim} style={{ textAlign: 'left', padding: 8 }}>我的令牌 My tokens</caption>
          <thead>
            <tr>
              <th scope="col">名称 Name</th>
              <th scope="col">前缀 Prefix</th>
              <th scope="col">状态 State</th>
              <th scope="col">创建 Created</th>
              <th scope="col">到期 Expires</th>
              <th scope="col">最近使用 Last used</th>
              <th scope="col"><span className={w.en}>操作 Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {tokens.length === 0 && (
              <tr><td colSpan={7} className={w.dim}>尚无令牌 No tokens yet</td></tr>
            )}
            {tokens.map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td><code>{t.prefix}…</code></td>
                <td>{stateOf(t)}</td>
                <td className={w.num}>{fmt(t.createdAt)}</td>
                <td className={w.num}>{fmt(t.expiresAt)}</td>
                <td className={w.num}>{fmt(t.lastUsedAt)}</td>
                <td>
                  {!t.revokedAt && (
                    <button type="button" className={`${w.btn} ${w.danger}`} onClick={() => revoke(t)} aria-label={`撤销 ${t.name} Revoke`}>撤销 Revoke</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
