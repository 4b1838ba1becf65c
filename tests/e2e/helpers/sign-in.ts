/**
 * Signing in, shared by every e2e spec: through the login form (as a person does) or over the real endpoint
 * (when a test is about something else and only needs a session).
 */
import { expect, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../../db/seed/demo-accounts.ts';

const base = () => process.env.E2E_BASE_URL!;

/** Fills the login form on the current page and submits it; the caller checks where that leads. */
export async function fillSignIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Opens /login?next=<next>, signs in and waits to be on <next>. */
export async function signInAt(page: Page, username: string, next: string) {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await fillSignIn(page, username);
  await page.waitForURL((u) => u.pathname === next);
}

/** Opens <target> signed out, is sent to the login page, signs in and is back on <target> with its query kept. */
export async function signInVia(page: Page, username: string, target: string) {
  const want = new URL(target, 'http://e2e.invalid');
  await page.goto(target);
  await expect(page).toHaveURL(/\/login\?next=/);
  await fillSignIn(page, username);
  await page.waitForURL((u) => u.pathname === want.pathname);
  expect(new URL(page.url()).search).toBe(want.search);
}

/** Signs in over POST /api/auth/login; the session stays in `ctx`'s cookies. Returns the cookie for other clients. */
export async function apiSignIn(ctx: APIRequestContext | BrowserContext, username: string): Promise<string> {
  const req = 'request' in ctx ? ctx.request : ctx;
  const r = await req.post(`${base()}/api/auth/login`, { data: { username, password: DEMO_PASSWORD }, headers: { origin: base() } });
  expect(r.status(), `login ${username}`).toBe(200);
  const cookie = r.headers()['set-cookie']?.split(';')[0];
  expect(cookie, `login ${username}`).toMatch(/^esms_session=/);
  return cookie!;
}
