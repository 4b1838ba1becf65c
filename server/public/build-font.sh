#!/usr/bin/env bash
# Builds the self-hosted Tibetan font for the public pages from Debian's Noto Serif Tibetan (SIL OFL 1.1):
#  - tibetan-ui.woff2: the glyphs reachable from the characters our Tibetan texts use (small, preloaded on bo pages)
#  - tibetan-label.woff2: just བོད་ཡིག, for the language switch on the Chinese and English pages
#  - tibetan-full.woff2: the whole Tibetan block, a fallback for editor-written text with other letters
# Needs python3-fonttools and python3-brotli (Debian). Re-run after changing messages/public/bo.json.
set -euo pipefail
cd "$(dirname "$0")/../.."
SRC=/usr/share/fonts/truetype/noto/NotoSerifTibetan-Regular.ttf
OUT=public/public-assets/fonts
mkdir -p "$OUT"
chars=$(mktemp)
cat messages/public/bo.json db/migrations/0003_public.sql | /usr/bin/python3 -c "
import sys; t=sys.stdin.read(); print(''.join(sorted({c for c in t if 0x0F00 <= ord(c) <= 0x0FFF})) + ' \u00a0\u25cc')" > "$chars"
/usr/bin/python3 -m fontTools.subset "$SRC" --text-file="$chars" --layout-features='*' --flavor=woff2 \
  --no-hinting --desubroutinize --output-file="$OUT/tibetan-ui.woff2"
/usr/bin/python3 -m fontTools.subset "$SRC" --unicodes='U+0F00-0FFF,U+25CC,U+0020,U+00A0' --layout-features='*' --flavor=woff2 \
  --no-hinting --output-file="$OUT/tibetan-full.woff2"
printf "བོད་ཡིག" > "$chars"
/usr/bin/python3 -m fontTools.subset "$SRC" --text-file="$chars" --layout-features='*' --flavor=woff2 \
  --no-hinting --output-file="$OUT/tibetan-label.woff2"
cp /usr/share/doc/fonts-noto-core/copyright "$OUT/NOTO-LICENSE.txt" 2>/dev/null || true
rm -f "$chars"
ls -l "$OUT"
