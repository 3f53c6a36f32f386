# Sourced by the tests of the pack store (fallback.sh, bitrot.sh, oldschema.sh), which set src
# (the source tree), vitrine, packtool (vitrine-pack) and importer (vitrine-import) first.
# Makes $tmp, a scratch folder removed at exit.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# packs_signed VERSION...: a minisign key ($tmp/k.key; its public key in $tmp/keys/), the
# content built as each pack version ($tmp/vV.vpack) and a stick ($tmp/stickV) carrying it
# signed; an empty store ($tmp/store) and a config ($tmp/conf) with v1.vpack as the installed
# default. Uses the real minisign.
packs_signed() {
  minisign -G -W -p "$tmp/k.pub" -s "$tmp/k.key" >/dev/null
  cp -r "$src/content" "$tmp/content"
  for v in "$@"; do
    sed -i "s/^version: .*/version: $v/" "$tmp/content/pack.txt"
    "$packtool" build "$tmp/content" -o "$tmp/v$v.vpack" --date 2026-11-23 >/dev/null
    mkdir -p "$tmp/stick$v/vitrine"
    cp "$tmp/v$v.vpack" "$tmp/stick$v/vitrine/content.vpack"
    minisign -S -s "$tmp/k.key" -m "$tmp/stick$v/vitrine/content.vpack" \
      -t "vitrine-pack version $v" >/dev/null
  done
  mkdir -p "$tmp/store" "$tmp/keys"
  cp "$tmp/k.pub" "$tmp/keys/"
  printf 'store_dir = %s\ndefault_pack = %s\nkeys_dir = %s\n' "$tmp/store" "$tmp/v1.vpack" \
    "$tmp/keys" >"$tmp/conf"
}

# packs_installed: packs_signed 1 2 3, then sticks 2 and 3 installed by vitrine-import: the store
# holds pack 3 as current.vpack and pack 2 as previous.vpack, with their signatures in sig/.
packs_installed() {
  packs_signed 1 2 3
  "$importer" --config "$tmp/conf" install "$tmp/stick2" >/dev/null 2>&1
  "$importer" --config "$tmp/conf" install "$tmp/stick3" >/dev/null 2>&1
}

# kiosk_shows VERSION: starts the kiosk on $tmp/conf and expects the exhibit (its attract loop)
# of pack VERSION; the kiosk's log is left in $tmp/log. Exits the test, showing the log, if not.
kiosk_shows() {
  printf 'expect screen attract\nexpect version %s\n' "$1" >"$tmp/v.vts"
  SDL_VIDEODRIVER=dummy "$vitrine" --config "$tmp/conf" --fonts "$src/assets/fonts" --software \
    --hidden --size 800x480 --today 2026-11-23 --script "$tmp/v.vts" 2>"$tmp/log" ||
    { echo "expected version $1"; cat "$tmp/log"; exit 1; }
}
