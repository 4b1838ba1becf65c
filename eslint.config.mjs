import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ENV_READ = { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'read configuration from platform/env.ts' };
const API_FETCH = [
  { selector: "CallExpression[callee.name='fetch'] > Literal.arguments:first-child[value=/^\\/api\\//]", message: 'call the API through app/_lib/api (typed)' },
  { selector: "CallExpression[callee.name='fetch'] > TemplateLiteral.arguments:first-child[quasis.0.value.raw=/^\\/api\\//]", message: 'call the API through app/_lib/api (typed)' },
];

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
  // Layers point one way (docs/ARCHITECTURE.md §Layers): lib (pure, universal) ← platform (Node) ← server | workers;
  // app talks to server/ and lib/ only; server/ and workers/ never import each other.
  layer('lib/**', ['platform', 'server', 'workers', 'app', 'db', 'tests'], ['node:*', 'fs', 'net', 'http', 'mqtt', 'postgres', 'socket.io', 'pino']),
  layer('platform/**', ['server', 'workers', 'app', 'tests']),
  layer('server/**', ['workers', 'app', 'tests']),
  layer('workers/**', ['server', 'app', 'tests']),
  layer('db/**', ['server', 'workers', 'app', 'tests']),
  layer('app/**', ['workers', 'db', 'tests']),
  {
    // configuration is parsed once, in platform/env.ts; the supervisor only hands the environment on to children
    files: ['{lib,platform,server,workers,db}/**/*.{ts,tsx,mjs}'],
    ignores: ['platform/env.ts', 'server/launcher/supervisor.ts'],
    rules: { 'no-restricted-syntax': ['error', ENV_READ] },
  },
  {
    // components reach the API through its typed client (app/_lib/api), never a hand-rolled fetch
    files: ['app/**/*.{ts,tsx}'],
    ignores: ['app/_lib/api/client.ts'],
    rules: { 'no-restricted-syntax': ['error', ENV_READ, ...API_FETCH] },
  },
  {
    // the detection core and the physics are pure: nothing that reaches I/O (lib/detection/README.md)
    files: ['lib/detection/**/*.ts', 'lib/physics/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'Date', message: 'sample time only' }],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'seeded PRNG only' }],
    },
  },
);

/** A layer may not import from the folders named (by relative path or the @/ alias), nor the given modules. */
function layer(glob, folders, modules = []) {
  const group = folders.flatMap((f) => [`@/${f}/**`, `**/../${f}/**`, `../${f}/**`]);
  const patterns = [{ group, message: 'layers point one way: see docs/ARCHITECTURE.md §Layers' }];
  if (modules.length) patterns.push({ group: modules, message: 'pure and universal: no I/O here' });
  return { files: [glob.replace('/**', '/**/*.{ts,tsx,mjs}')], rules: { 'no-restricted-imports': ['error', { patterns }] } };
}
