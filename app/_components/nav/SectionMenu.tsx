'use client';
/** A compact "功能 / Sections" menu for screens whose header has no room for a full nav bar (map, big screen). */
import { useEffect, useRef, useState } from 'react';
import type { Role } from '../../../lib/domain/vocabulary/index.ts';
import { pick, tr, type Lang } from '../../../lib/i18n/portal.ts';
import { sectionsFor } from './sections.ts';
import s from './nav.module.css';

export function SectionMenu({ role, current, lang = 'zh' }: { role: Role; current?: string; lang?: Lang }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const { main, admin } = sectionsFor(role);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  const other: Lang = lang === 'en' ? 'zh' : 'en';
  const item = (x: { href: string; zh: string; en: string }) => (
    <a key={x.href} href={x.href} className={s.item} aria-current={x.href === current ? 'page' : undefined} role="menuitem">
      <span>{pick(lang, x)}</span>
      <small>{pick(other, x)}</small>
    </a>
  );
  return (
    <div className={s.wrap} ref={ref}>
      <button type="button" className={s.button} aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="section-menu">
        <span aria-hidden>☰</span> {tr(lang, 'sections')}
      </button>
      {open && (
        <div className={s.menu} role="menu">
          {main.map(item)}
          <a href="/settings/notifications" className={s.item} role="menuitem">
            <span>{tr(lang, 'notifySettings')}</span>
            <small>{tr(other, 'notifySettings')}</small>
          </a>
          {admin.length > 0 && <div className={s.sep}>{tr(lang, 'administration')}</div>}
          {admin.map(item)}
          <div className={s.sep} />
          <a href="/public" className={s.item} role="menuitem">
            <span>{tr(lang, 'publicPages')}</span>
            <small>中文 · བོད་ཡིག · English</small>
          </a>
        </div>
      )}
    </div>
  );
}
