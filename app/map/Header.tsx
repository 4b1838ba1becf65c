'use client';
import { useState } from 'react';
import type { Role } from '../../lib/domain/vocabulary/index.ts';
import type { Lang, PortalKey } from '../../lib/i18n/portal.ts';
import type { Freshness } from '../_lib/useRealtime.ts';
import { SectionMenu } from '../_components/nav/SectionMenu.tsx';
import { AlertCenterBell } from '../_components/alerts/AlertCenterBell.tsx';
import s from './map.module.css';
import { api } from '../_lib/api/client.ts';

export interface HeaderUser {
  displayName: string;
  role: Role;
  roleZh: string;
  roleEn: string;
  scopeZh: string;
  scopeEn: string;
}

const FRESH_KEY: Record<Freshness, PortalKey> = { connecting: 'loading', live: 'live', stale: 'stale', disconnected: 'disconnected' };

function hhmmss(ms: number) {
  return new Date(ms).toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });
}

export function Header(props: {
  user: HeaderUser;
  lang: Lang;
  setLang: (l: Lang) => void;
  t: (k: PortalKey) => string;
  freshness: Freshness;
  lastEventAt: number | null;
}) {
  const { user, lang, setLang, t, freshness, lastEventAt } = props;
  const [leaving, setLeaving] = useState(false);

  async function signOut() {
    setLeaving(true);
    try {
      await api('POST /api/auth/logout').catch(() => {});
    } finally {
      window.location.assign('/login');
    }
  }

  const freshTitle = `${t('freshnessTitle')}：${t(FRESH_KEY[freshness])}${lastEventAt ? ` · ${hhmmss(lastEventAt)}` : ''}`;
  return (
    <header className={s.header}>
      <div className={s.brand}>
        <span className={s.bolt} aria-hidden>
          <svg viewBox="0 0 24 24" width="18" height="18">
            <path d="M13 2 4 14h7l-1 8 9-12h-7z" fill="currentColor" />
          </svg>
        </span>
        <h1 className={s.title}>
          <span className={s.titleLong}>{t('platform')}</span>
          <span className={s.titleShort} aria-hidden>
            {t('platformShort')}
          </span>
        </h1>
      </div>
      <div className={s.headerRight}>
        <span className={s.fresh} data-state={freshness} data-testid="freshness" title={freshTitle} role="status" aria-label={freshTitle}>
          <span className={s.freshDot} aria-hidden />
          <span className={s.freshText}>{t(FRESH_KEY[freshness])}</span>
        </span>
        <SectionMenu role={user.role} current="/map" lang={lang} />
        <AlertCenterBell />
        <span className={s.user} title={`${t('scope')}：${lang === 'en' ? user.scopeEn : user.scopeZh}`} data-testid="user-badge">
          <span className={s.userName}>{user.displayName}</span>
          <span className={s.role}>{lang === 'en' ? user.roleEn : user.roleZh}</span>
        </span>
        <button type="button" className={s.hbtn} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} aria-label={t('langToggleLabel')}>
          {t('langToggle')}
        </button>
        <button type="button" className={s.hbtn} onClick={signOut} disabled={leaving} data-testid="sign-out">
          {t('signOut')}
        </button>
      </div>
    </header>
  );
}
