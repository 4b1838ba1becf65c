import { defineConfig } from 'vitest/config';

// Three levels (docs/ARCHITECTURE.md): unit = pure and fast; integration = real PostGIS and brokers, started by
// tests/integration/global-setup.ts; e2e runs under Playwright (playwright.config.ts), not here.
export default defineConfig({
  resolve: { alias: { '@': new URL('./', import.meta.url).pathname } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/integration/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
