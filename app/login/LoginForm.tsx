'use client';
import { useRef, useState, type FormEvent } from 'react';
import { useLang } from '../_lib/useLang.ts';
import type { Lang } from '../../lib/i18n/portal.ts';
import s from './login.module.css';
import { api, ApiError } from '../_lib/api/client.ts';

type Errors = { username?: string; password?: string };

export function LoginForm({ next, initialLang }: { next: string; initialLang: Lang }) {
  const { lang, setLang, t } = useLang(initialLang);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [showPw, setShowPw] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const userRef = useRef<HTMLInputElement>(null);
  const pwRef = useRef<HTMLInputElement>(null);

  const validate = (u: string, p: string): Errors => ({
    username: u.trim() ? undefined : t('needUsername'),
    password: p ? undefined : t('needPassword'),
  });

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const errs = validate(username, password);
    setErrors(errs);
    setServerError(null);
    if (errs.username) return userRef.current?.focus();
    if (errs.password) return pwRef.current?.focus();
    setBusy(true);
    try {
      await api('POST /api/auth/login', { body: { username: username.trim(), password } });
      // a full navigation, so server components see the new cookie
      window.location.assign(next);
      return;
    } catch (err) {
      if (err instanceof ApiError && err.status > 0) {
        setServerError(err.text(lang === 'en') || t('badCredentials'));
        setPassword('');
        pwRef.current?.focus();
      } else setServerError(t('networkError'));
    }
    setBusy(false);
  }

  return (
    <main className={s.page}>
      <button type="button" className={s.lang} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} aria-label={t('langToggleLabel')}>
        {t('langToggle')}
      </button>
      <div className={s.card}>
        <div className={s.brand}>
          <span className={s.logo} aria-hidden>
            <svg viewBox="0 0 24 24" width="28" height="28">
              <path d="M13 2 4 14h7l-1 8 9-12h-7z" fill="currentColor" />
            </svg>
          </span>
          <h1 className={s.title}>{t('platform')}</h1>
          <p className={s.sub}>{t('platformSub')}</p>
        </div>
        <form className={s.form} onSubmit={onSubmit} noValidate aria-describedby={serverError ? 'login-error' : undefined}>
          <div className={s.field}>
            <label htmlFor="username" className={s.label}>
              {t('username')}
            </label>
            <input
              ref={userRef}
              id="username"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              className={s.input}
              placeholder={t('usernamePh')}
              value={username}
              aria-invalid={!!errors.username}
              aria-describedby={errors.username ? 'username-err' : undefined}
              onChange={(e) => {
                setUsername(e.target.value);
                if (errors.username) setErrors((x) => ({ ...x, username: undefined }));
              }}
            />
            {errors.username && (
              <p id="username-err" className={s.fieldError}>
                {errors.username}
              </p>
            )}
          </div>
          <div className={s.field}>
            <label htmlFor="password" className={s.label}>
              {t('password')}
            </label>
            <div className={s.pwWrap}>
              <input
                ref={pwRef}
                id="password"
                name="password"
                type={showPw ? 'text' : 'password'}
                autoComplete="current-password"
                className={s.input}
                placeholder={t('passwordPh')}
                value={password}
                aria-invalid={!!errors.password}
                aria-describedby={errors.password ? 'password-err' : undefined}
                onChange={(e) => {
                  setPassword(e.target.value);
                  if (errors.password) setErrors((x) => ({ ...x, password: undefined }));
                }}
              />
              <button
                type="button"
                className={s.eye}
                onClick={() => setShowPw((v) => !v)}
                aria-label={showPw ? t('hidePassword') : t('showPassword')}
                aria-pressed={showPw}
              >
                {showPw ? (
                  <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden>
                    <path
                      d="M3 3l18 18M10.6 10.6a2 2 0 0 0 2.8 2.8M9.9 5.1A10 10 0 0 1 12 5c5 0 9 4.5 10 7-.4 1-1.3 2.5-2.7 3.8M6.1 6.1C4 7.5 2.6 9.6 2 12c1 2.5 5 7 10 7 1.6 0 3-.4 4.3-1"
                      fill="none"
                      stroke="currentColor"
                      strokeWidth="1.8"
                      strokeLinecap="round"
                    />
                  </svg>
                ) : (
                  <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden>
                    <path
                      d="M2 12c1-2.5 5-7 10-7s9 4.5 10 7c-1 2.5-5 7-10 7S3 14.5 2 12z"
                      fill="none"
                      stroke="currentColor"
                      strokeWidth="1.8"
                    />
                    <circle cx="12" cy="12" r="3" fill="none" stroke="currentColor" strokeWidth="1.8" />
                  </svg>
                )}
              </button>
            </div>
            {errors.password && (
              <p id="password-err" className={s.fieldError}>
                {errors.password}
              </p>
            )}
          </div>
          <div aria-live="assertive" className={s.live}>
            {serverError && (
              <p id="login-error" role="alert" className={s.formError} data-testid="login-error">
                {serverError}
              </p>
            )}
          </div>
          <button type="submit" className={s.primary} disabled={busy}>
            {busy ? t('signingIn') : t('signIn')}
          </button>
        </form>
        <p className={s.hint}>{t('loginHint')}</p>
      </div>
    </main>
  );
}
