#!/usr/bin/env bash
# `npm test`: every level, each starting what it needs (see docs/ARCHITECTURE.md §Tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
export NEXT_TELEMETRY_DISABLED=1
echo "▸ type check"; npx tsc --noEmit
echo "▸ lint"; npx eslint . --max-warnings=0
echo "▸ unit"; npx vitest run --project unit
echo "▸ integration (real PostGIS, Mosquitto, aedes)"; npx vitest run --project integration
echo "▸ end-to-end (Playwright, Debian Chromium, full system)"; npx playwright test
