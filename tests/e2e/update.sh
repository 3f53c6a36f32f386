#!/usr/bin/env bash
# End-to-end content update. A new kiosk shows its installed default pack (version 1) over an
# empty store; a signed pack version 2 on a "stick" (a directory standing in for the mounted USB
# stick) is imported by vitrine-import and shown live by the running kiosk (the first update on
# a new device); a stick with a tampered pack is refused and the kiosk says so; version 3
# follows; staff roll back from the staff screen and the kiosk shows version 2 again. Uses the
# real minisign.
#   update.sh VITRINE VITRINE_PACK VITRINE_IMPORT
set -euo pipefail
vitrine="$1" packtool="$2" importer="$3"
src="${VITRINE_SOURCE_DIR:?}"
tmp="$(mktemp -d)"
trap '[ -z "${kiosk:-}" ] || kill "$kiosk" 2>/dev/null; rm -rf "$tmp"' EXIT

minisign -G -W -p "$tmp/k.pub" -s "$tmp/k.key" >/dev/null
cp -r "$src/content" "$tmp/content"
for v in 1 2 3; do
  sed -i "s/^version: .*/version: $v/" "$tmp/content/pack.txt"
  "$packtool" build "$tmp/content" -o "$tmp/v$v.vpack" --date 2026-11-23 >/dev/null
done

stick() { # stick DIR PACK VERSION
  mkdir -p "$1/vitrine"
  cp "$2" "$1/vitrine/content.vpack"
  minisign -S -s "$tmp/k.key" -m "$1/vitrine/content.vpack" -t "vitrine-pack version $3" >/dev/null
}
stick "$tmp/stick2" "$tmp/v2.vpack" 2
stick "$tmp/bad" "$tmp/v3.vpack" 3
printf 'x' >>"$tmp/bad/vitrine/content.vpack" # tampered after signing
stick "$tmp/stick3" "$tmp/v3.vpack" 3

mkdir -p "$tmp/store" # a new device: an empty store, the installed default pack on screen
cat >"$tmp/vitrine.conf" <<CONF
store_dir = $tmp/store
default_pack = $tmp/v1.vpack
keys_dir = $tmp
staff_pin = 1234
CONF
sed "s|MARK|$tmp/mark|g" "$src/tests/e2e/update.vts" >"$tmp/update.vts"

export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
"$vitrine" --config "$tmp/vitrine.conf" --size 800x480 --software --hidden --today 2026-11-23 \
  --fonts "$src/assets/fonts" --script "$tmp/update.vts" &
kiosk=$!
wait_for() { for _ in $(seq 300); do [ -e "$1" ] && return 0; sleep 0.1; done; echo "timed out: $1"; exit 1; }

wait_for "$tmp/mark-0.png" # the kiosk is up and watching the store
# the importer takes the store, the key folder and the size limit from the kiosk's config
"$importer" --config "$tmp/vitrine.conf" install "$tmp/stick2"
wait_for "$tmp/mark-1.png"
if "$importer" --store "$tmp/store" --keys "$tmp/k.pub" install "$tmp/bad"; then
  echo "a tampered pack was accepted"; exit 1
fi
wait_for "$tmp/mark-2.png"
"$importer" --config "$tmp/vitrine.conf" install "$tmp/stick3"
wait_for "$tmp/mark-staff.png"
wait "$kiosk"
kiosk=
# max_pack_size from the config refuses a pack that is too large, and changes nothing
printf 'max_pack_size = 100K\n' >>"$tmp/vitrine.conf"
if "$importer" --config "$tmp/vitrine.conf" install "$tmp/stick3" >"$tmp/out" 2>&1; then
  echo "a pack over max_pack_size was accepted"; exit 1
fi
grep -q "too large" "$tmp/out" || { cat "$tmp/out"; exit 1; }
echo "1 passed, 0 failed"
