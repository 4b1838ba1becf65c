'use client';
/** The alarm-centre bell: unread count (live), a short list of the latest notifications, mark all read. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { subscribeNotifications } from './bus.ts';
import { SevMark } from './ui.tsx';
import s from './alerts.module.css';
import { api } from '../../_lib/api/client.ts';

interface Item {
  id: number;
  severity: string;
  title: string;
  url: string | null;
  createdAt: string;
  readAt: string | null;
}

const hm = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

export function AlertCenterBell() {
  const [unread, setUnread] = useState(0);
  const [items, setItems] = useState<Item[]>([]);
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const load = useCallback(async () => {
    const j = await api('GET /api/notifications').catch(() => null);
    if (!j) return;
    setUnread(j.unread);
    setItems(j.items);
  }, []);
  useEffect(() => {
    void load();
    return subscribeNotifications(
      (n) => {
        setUnread((u) => u + 1);
        setItems((xs) => [{ id: n.id, severity: n.severity, title: n.title, url: n.url, createdAt: new Date(n.createdAt).toISOString(), readAt: null }, ...xs].slice(0, 30));
      },
      () => void load(),
    );
  }, [load]);
  useEffect(() => {
    const close = (e: MouseEvent) => !box.current?.contains(e.target as Node) && setOpen(false);
    document.addEventListener('click', close);
    return () => document.removeEventListener('click', close);
  }, []);
  async function readAll() {
    await api('POST /api/notifications', { body: { all: true } });
    setUnread(0);
    setItems((xs) => xs.map((x) => ({ ...x, readAt: x.readAt ?? new Date().toISOString() })));
  }
  return (
    <div className={s.bellBox} ref={box}>
      <button className={s.bell} onClick={() => setOpen((o) => !o)} aria-label={`消息 ${unread} 条未读 / ${unread} unread`} data-testid="alert-bell">
        <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true">
          <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        {unread > 0 && <span className={s.badge} data-testid="alert-unread">{unread > 99 ? '99+' : unread}</span>}
      </button>
      {open && (
        <div className={s.panel} role="dialog" aria-label="消息中心 Notifications">
          <div className={s.panelHead}>
            <strong>消息中心</strong> <span className={s.muted}>Notifications</span>
            <button className={s.linkBtn} onClick={readAll} disabled={!unread}>
              全部已读
            </button>
          </div>
          {items.length === 0 && <div className={s.empty}>暂无消息 · No notifications</div>}
          <ul className={s.list}>
            {items.map((i) => (
              <li key={i.id} className={i.readAt ? s.read : ''}>
                <a href={i.url ?? '/alarms'}>
                  <SevMark s={i.severity} /> {i.title}
                  <span className={s.time}>{hm(i.createdAt)}</span>
                </a>
              </li>
            ))}
          </ul>
          <a className={s.panelFoot} href="/alarms">
            进入报警中心 Alarm centre →
          </a>
        </div>
      )}
    </div>
  );
}
