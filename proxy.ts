/**
 * Next proxy: a fresh CSP nonce for every page render (server/http/csp.ts). The nonce rides on the request's
 * Content-Security-Policy header, where Next reads it for its own scripts, and on `x-nonce` for our inline ones.
 * API routes, static chunks and public files do not render HTML and are left out.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, newNonce } from './server/http/csp.ts';
import { env } from './platform/env.ts';

export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: env.NODE_ENV === 'development', https: env.COOKIE_SECURE });
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set('content-security-policy', csp);
  return res;
}

export const config = {
  matcher: [
    {
      source: '/((?!api/|_next/static|_next/image|basemap/|public-assets/|maplibre-gl-worker\\.mjs|sw-push\\.js|icon\\.svg|favicon\\.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
