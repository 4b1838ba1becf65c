'use client';
/** Re-queue failed deliveries (one, or all). */
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import w from '../../../_components/alerts/work.module.css';
import { api } from '../../../_lib/api/client.ts';

export function RetryButton({ ids, all }: { ids?: number[]; all?: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState('');
  async function retry() {
    setBusy(true);
    const ok = await api('POST /api/notifications/retry', { body: all ? { all: true } : { ids: ids ?? [] } }).then(() => true, () => false);
    setBusy(false);
    if (!ok) return setErr('重试失败');
    router.refresh();
  }
  return (
    <>
      <button className={`${w.btn} ${all ? w.primary : ''}`} onClick={retry} disabled={busy}>
        {busy ? '…' : all ? '全部重试 Retry all' : '重试'}
      </button>
      {err && <span className={w.err}>{err}</span>}
    </>
  );
}
