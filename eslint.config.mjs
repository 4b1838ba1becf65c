import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.next/', '.data/', '.scratch/', 'test-results/', 'public/', 'next-env.d.ts', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', fetch: 'readonly', Response: 'readonly', Request: 'readonly', window: 'readonly', document: 'readonly', performance: 'readonly', localStorage: 'readonly', navigator: 'readonly', requestAnimationFrame: 'readonly', cancelAnimationFrame: 'readonly', globalThis: 'readonly', structuredClone: 'readonly', queueMicrotask: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly', AbortController: 'readonly', NodeJS: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'warn',
      'no-empty': ['error', { allowEmptyCatch: true }],
      'no-control-regex': 'off',
      // hot-path code declares its scratch variables up front on purpose
      'no-useless-assignment': 'off',
    },
  },
  {
    // the detection core is pure: nothing that reaches I/O (workers/detection/README.md)
    files: ['workers/detection/core/**/*.ts', 'workers/simulator/physics/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'net', 'http', 'mqtt', 'postgres', 'socket.io*', '**/db/**', '**/server/**'] }],
      'no-restricted-globals': ['error', { name: 'Date', message: 'sample time only' }],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'seeded PRNG only' }],
    },
  },
);
