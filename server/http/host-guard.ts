/**
 * Host allowlist (DNS rebinding): a page on attacker.example whose name is re-pointed at this server would otherwise
 * talk to the portal same-origin. Every HTTP request and every socket.io handshake must name a host we serve, and a
 * browser socket's Origin must be one of those hosts too (cross-site WebSocket hijacking).
 */
import type http from 'node:http';
import type { Env } from '../../platform/env.ts';
import { AppError } from './errors.ts';

/** The configured list, or the portal's own names on its port. Entries are `name` (any port) or `name:port`. */
export function allowedHosts(e: Pick<Env, 'ALLOWED_HOSTS' | 'HOST' | 'PORT' | 'NOTIFY_PUBLIC_URL'>): string[] {
  if (e.ALLOWED_HOSTS?.length) return e.ALLOWED_HOSTS;
  const names = ['localhost', '127.0.0.1', '[::1]'];
  if (!['0.0.0.0', '::', ''].includes(e.HOST)) names.push(e.HOST.includes(':') && !e.HOST.startsWith('[') ? `[${e.HOST}]` : e.HOST);
  const list = names.map((n) => `${n.toLowerCase()}:${e.PORT}`);
  if (e.NOTIFY_PUBLIC_URL) list.push(new URL(e.NOTIFY_PUBLIC_URL).host.toLowerCase());
  return [...new Set(list)];
}

/** Does a Host header (or an origin's host) name an allowed host? */
export function hostAllowed(host: string | undefined | null, allowed: readonly string[]): boolean {
  if (!host || host.length > 300) return false;
  const h = host.trim().toLowerCase();
  const name = h.startsWith('[') ? h.slice(0, h.indexOf(']') + 1) : h.split(':')[0];
  return allowed.some((a) => a === h || (!/:\d+$/.test(a) && a === name));
}

/** A browser's Origin (absent for non-browser clients): same host as the request, and that host allowed. */
export function originAllowed(origin: string | undefined, host: string | undefined, allowed: readonly string[]): boolean {
  if (origin == null) return true;
  let oh: string;
  try {
    const u = new URL(origin);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
    oh = u.host.toLowerCase();
  } catch {
    return false;
  }
  return oh === host?.toLowerCase() && hostAllowed(oh, allowed);
}

/** Answers 421 in the one error shape and returns false when the request's Host is not ours. */
export function guardHost(req: http.IncomingMessage, res: http.ServerResponse, allowed: readonly string[]): boolean {
  if (hostAllowed(req.headers.host, allowed)) return true;
  const err = new AppError('MISDIRECTED');
  res.writeHead(err.status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(err.toBody()));
  return false;
}
