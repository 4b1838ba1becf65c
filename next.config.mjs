// features the portal never uses are switched off (camera, microphone, geolocation, USB…); fullscreen, autoplay and
// wake lock stay for the big screen
const PERMISSIONS_POLICY =
  'accelerometer=(), autoplay=(self), bluetooth=(), camera=(), display-capture=(), fullscreen=(self), geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), screen-wake-lock=(self), serial=(), usb=(), xr-spatial-tracking=(), browsing-topics=()';

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Node-only packages stay outside the bundle: they are shared with the custom server (server/http/main.ts)
  serverExternalPackages: ['postgres', '@node-rs/argon2', 'socket.io', 'mqtt', 'pino', 'aedes', 'rate-limiter-flexible'],
  // type checking is its own step (npm run typecheck, part of npm test), so a build never waits on it
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
          { key: 'Permissions-Policy', value: PERMISSIONS_POLICY },
        ],
      },
    ];
  },
};
export default nextConfig;
