/** Calling route handlers directly as a signed-in user (as tests/integration/api do), for the security suite. */
import type { Sql } from '../../../platform/db.ts';
import { createSession } from '../../../server/auth/session.ts';

export type Handler = (req: Request, ctx?: { params?: Promise<Record<string, string>> }) => Promise<Response>;
export const BASE = 'http://portal.test';

export async function sessionCookie(sql: Sql, username: string): Promise<string> {
  const [u] = await sql<{ id: number }[]>`SELECT id FROM users WHERE username = ${username}`;
  return `esms_session=${(await createSession(sql, u.id, 1, {})).token}`;
}

export interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

export async function call(handler: Handler, cookie: string, path: string, init: RequestInit = {}, params: Record<string, string> = {}): Promise<Answer> {
  const headers = { cookie, host: 'portal.test', origin: BASE, 'content-type': 'application/json', ...(init.headers as Record<string, string>) };
  const r = await handler(new Request(`${BASE}${path}`, { ...init, headers }), { params: Promise.resolve(params) });
  const text = await r.text();
  let body: unknown = text;
  if (r.headers.get('content-type')?.includes('json')) body = JSON.parse(text);
  return { status: r.status, body, headers: r.headers };
}

/** The one error shape (server/http/errors.ts). */
export function isErrorShape(body: unknown): boolean {
  const e = (body as { error?: Record<string, unknown> } | null)?.error;
  return !!e && typeof e.code === 'string' && typeof e.message === 'string' && typeof e.messageEn === 'string';
}
