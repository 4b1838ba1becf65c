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
        ],
      },
    ];
  },
};
export default nextConfig;
