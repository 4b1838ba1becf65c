// maplibre's worker does not load when bundled: serve it as a static file (see docs/ARCHITECTURE.md).
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
const src = 'node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs';
if (existsSync(src)) {
  mkdirSync('public', { recursive: true });
  copyFileSync(src, 'public/maplibre-gl-worker.mjs');
}
