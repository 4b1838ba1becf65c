/**
 * The pages' Content-Security-Policy: scripts only by a per-request nonce (Next puts it on its own scripts and
 * chunks when it finds it in the request's CSP header) plus 'strict-dynamic' for the chunks those load. Styles
 * allow inline: React sets style attributes, echarts and maplibre write them, and a nonce cannot cover attributes.
 * Workers: maplibre's /maplibre-gl-worker.mjs and blob: workers, the push service worker /sw-push.js. Maps and
 * the twin draw blob:/data: images into WebGL; everything else is same-origin (offline basemap, socket.io).
 */
export function contentSecurityPolicy(nonce: string, o: { dev?: boolean; https?: boolean } = {}): string {
  return [
    "default-src 'self'",
    // dev only: React rebuilds server error stacks with eval
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${o.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    `connect-src 'self'${o.dev ? ' ws: wss:' : ''}`,
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "media-src 'self' blob: data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
    ...(o.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** A fresh unguessable nonce per response (128 bits, base64). */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}
