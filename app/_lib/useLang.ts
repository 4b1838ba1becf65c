'use client';
/** Language state for portal pages: the server reads the cookie for the first render; the toggle writes both. */
import { useCallback, useState } from 'react';
import { LANG_COOKIE, tr, type Lang, type PortalKey } from '../../lib/i18n/portal.ts';

export function useLang(initial: Lang) {
  const [lang, setLangState] = useState<Lang>(initial);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    document.cookie = `${LANG_COOKIE}=${l}; Path=/; Max-Age=31536000; SameSite=Lax`;
    try {
      localStorage.setItem(LANG_COOKIE, l);
    } catch {}
    document.documentElement.lang = l === 'en' ? 'en' : 'zh-CN';
  }, []);
  const t = useCallback((k: PortalKey) => tr(lang, k), [lang]);
  return { lang, setLang, t };
}
