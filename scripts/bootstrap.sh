#!/usr/bin/env bash
# Installs what `npm start` / `npm test` need on a fresh Debian 12 with Node 20, then builds the portal if its
# sources changed. Idempotent and quick when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || need_apt+=(postgresql-15)
[ -f /usr/share/postgresql/15/extension/postgis.control ] || need_apt+=(postgresql-15-postgis-3)
[ -x /usr/lib/chromium/chromium ] || need_apt+=(chromium)
[ -x /usr/sbin/mosquitto ] || need_apt+=(mosquitto)
# (not grep -q: it would stop reading early, fc-list dies of SIGPIPE, and pipefail reports the fonts missing)
fc-list 2>/dev/null | grep "Noto Sans CJK" >/dev/null || need_apt+=(fonts-noto-cjk)
fc-list 2>/dev/null | grep -i "Tibetan" >/dev/null || need_apt+=(fonts-noto-core fonts-tibetan-machine)
command -v pdftotext >/dev/null || need_apt+=(poppler-utils)
# the /ogc integration tests drive GDAL's OAPIF and MVT drivers as a GIS client would
command -v ogrinfo >/dev/null || need_apt+=(gdal-bin)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "▸ installing Debian packages: ${need_apt[*]}"
  if [ "$(id -u)" -ne 0 ]; then echo "run as root (or install: ${need_apt[*]})" >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  # Debian starts its own cluster/broker on install; the project runs its own, so leave them as they were.
fi

# npm dependencies: install when missing or when the lockfile changed since the last install
stamp=node_modules/.esms-lock-hash
want=$(sha1sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "▸ installing npm dependencies"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi
[ -f public/maplibre-gl-worker.mjs ] || node scripts/postinstall.mjs

# portal build: rebuild when any source that Next compiles changed
src_hash=$( (find app lib server db/schema public -type f \( -name '*.ts' -o -name '*.tsx' -o -name '*.css' -o -name '*.json' -o -name '*.mjs' \) 2>/dev/null | sort | xargs cat; cat next.config.mjs package-lock.json) | sha1sum | cut -d' ' -f1)
if [ ! -f .next/BUILD_ID ] || [ "$(cat .next/.esms-src-hash 2>/dev/null)" != "$src_hash" ]; then
  echo "▸ building the portal (next build)"
  NEXT_TELEMETRY_DISABLED=1 npx next build >/tmp/esms-next-build.log 2>&1 || { tail -40 /tmp/esms-next-build.log; exit 1; }
  echo "$src_hash" > .next/.esms-src-hash
fi
