#!/usr/bin/env bash
# A damaged store never blanks the exhibit: with current.vpack truncated on disk the kiosk shows
# previous.vpack; with both damaged it shows the installed default pack; each failure is logged
# with its reason. (Packs are built here; the store is a folder.)
#   fallback.sh VITRINE VITRINE_PACK
set -euo pipefail
vitrine="$1" packtool="$2"
src="${VITRINE_SOURCE_DIR:?}"
. "$(dirname "$0")/packs.sh"
cp -r "$src/content" "$tmp/content"
build() { sed -i "s/^version: .*/version: $1/" "$tmp/content/pack.txt"; "$packtool" build "$tmp/content" -o "$2" >/dev/null; }
mkdir -p "$tmp/store"
build 1 "$tmp/default.vpack"
build 2 "$tmp/store/previous.vpack"
build 3 "$tmp/store/current.vpack"
printf 'store_dir = %s\ndefault_pack = %s\n' "$tmp/store" "$tmp/default.vpack" >"$tmp/conf"
kiosk_shows 3
truncate -s 5000 "$tmp/store/current.vpack"
kiosk_shows 2
grep -q "cannot show the content pack $tmp/store/current.vpack" "$tmp/log"
printf 'garbage' >"$tmp/store/previous.vpack"
kiosk_shows 1
grep -q "cannot show the content pack $tmp/store/previous.vpack" "$tmp/log"
echo "1 passed, 0 failed"
