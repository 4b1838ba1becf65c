/**
 * /admin/quarantine — what the ingest worker refused, why, and how often, and beside it what the broker refused
 * (connects, publishes, subscriptions per principal and reason) (permission 'quarantine.view').
 */
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { can } from '@/lib/domain/permissions.ts';
import { services } from '@/server/services.ts';
import { currentPrincipal } from '@/app/_lib/server-session.ts';
import { REJECT_REASONS, type RejectReason } from '@/lib/protocol/reject-reasons.ts';
import { readQuarantine } from '@/server/queries/quarantine.ts';
import { readBrokerRefusals } from '@/server/queries/broker-refusals.ts';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '隔离报文 · Quarantine' };

const css = {
  page: { background: '#0b1220', color: '#d6e2f0', minHeight: '100vh', padding: '20px 28px', fontFamily: 'system-ui, "Noto Sans CJK SC", sans-serif' },
  table: { width: '100%', borderCollapse: 'collapse' as const, fontSize: 13, marginBottom: 28 },
  th: { textAlign: 'left' as const, padding: '6px 8px', borderBottom: '1px solid #2a3a55', color: '#8fa6c4', fontWeight: 500 },
  td: { padding: '6px 8px', borderBottom: '1px solid #17233a', verticalAlign: 'top' as const },
  pre: { margin: 0, maxHeight: 160, overflow: 'auto', whiteSpace: 'pre-wrap' as const, wordBreak: 'break-all' as const, fontSize: 12, color: '#c8d6ea', background: '#0f1a2e', padding: 6, borderRadius: 4 },
  chip: { display: 'inline-block', padding: '1px 8px', borderRadius: 10, background: '#3a2430', color: '#ffb3c1', fontSize: 12 },
  link: { color: '#7fb6ff', marginRight: 10 },
};

export default async function QuarantinePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const me = await currentPrincipal();
  if (!me) redirect('/login?next=/admin/quarantine');
  if (!can(me.role, 'quarantine.view')) redirect('/');
  const sp = await searchParams;
  const reason = (REJECT_REASONS as readonly string[]).includes(sp.reason ?? '') ? (sp.reason as RejectReason) : undefined;
  const [data, refusals] = await Promise.all([readQuarantine(services().sql, { reason, limit: 100 }), readBrokerRefusals(services().sql)]);
  const zh = new Map(data.reasons.map((r) => [r.id, r.zh]));
  return (
    <main style={css.page}>
      <h1 style={{ fontSize: 20, fontWeight: 600 }}>隔离报文 <small style={{ color: '#8fa6c4' }}>Quarantined device messages</small></h1>
      <nav style={{ margin: '10px 0 18px' }}>
        <a style={css.link} href="/admin/quarantine">全部 All</a>
        {data.reasons.map((r) => (
          <a key={r.id} style={{ ...css.link, fontWeight: r.id === reason ? 700 : 400 }} href={`/admin/quarantine?reason=${r.id}`}>{r.zh}</a>
        ))}
      </nav>
      <h2 style={{ fontSize: 15 }}>计数 Counters</h2>
      <table style={css.table}>
        <thead><tr><th style={css.th}>原因 Reason</th><th style={css.th}>设备 Device</th><th style={css.th}>次数 Count</th><th style={css.th}>最近 Last</th></tr></thead>
        <tbody>
          {data.counters.map((c) => (
            <tr key={`${c.reason}/${c.deviceId}`}>
              <td style={css.td}><span style={css.chip}>{zh.get(c.reason as RejectReason) ?? c.reason}</span> <code>{c.reason}</code></td>
              <td style={css.td}>{c.deviceId || '（未识别 unidentified）'}</td>
              <td style={css.td}>{c.count.toLocaleString('zh-CN')}</td>
              <td style={css.td}>{new Date(c.lastAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 style={{ fontSize: 15 }}>接入拒绝 Broker refusals</h2>
      <table style={css.table}>
        <thead><tr><th style={css.th}>原因 Reason</th><th style={css.th}>身份 Principal</th><th style={css.th}>次数 Count</th><th style={css.th}>最近 Last (client id · address · topic)</th></tr></thead>
        <tbody>
          {refusals.map((r) => (
            <tr key={`${r.principal}/${r.reason}`}>
              <td style={css.td}><span style={css.chip}>{r.reasonZh}</span> <code>{r.reason}</code></td>
              <td style={css.td}><code>{r.principal}</code>{r.deviceId && r.deviceId !== r.principal ? ` (${r.deviceId})` : null}</td>
              <td style={css.td}>{r.count.toLocaleString('zh-CN')}</td>
              <td style={css.td}>
                {new Date(r.lastAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })} · <code>{r.lastClientId}</code> · {r.lastAddress}
                {r.lastTopic ? <> · <code>{r.lastTopic}</code></> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 style={{ fontSize: 15 }}>最近报文 Latest messages</h2>
      <table style={css.table}>
        <thead><tr><th style={css.th}>时间 Time</th><th style={css.th}>主题 Topic</th><th style={css.th}>原因 Reason</th><th style={css.th}>大小 Size</th><th style={css.th}>原文 Raw (escaped)</th></tr></thead>
        <tbody>
          {data.items.map((it) => (
            <tr key={it.id}>
              <td style={css.td}>{new Date(it.receivedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}</td>
              <td style={css.td}><code>{it.topic}</code></td>
              <td style={css.td}><span style={css.chip}>{it.reasonZh}</span><div style={{ color: '#8fa6c4', marginTop: 4 }}>{it.detail}</div></td>
              <td style={css.td}>{it.size.toLocaleString('zh-CN')} B</td>
              <td style={{ ...css.td, maxWidth: 520 }}>
                {it.text !== null ? <pre style={css.pre}>{it.text}</pre> : <pre style={css.pre} title="非 UTF-8，十六进制 / not UTF-8, hex">{it.hex}</pre>}
                {it.truncated ? <small style={{ color: '#8fa6c4' }}>…（已截断 truncated）</small> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
