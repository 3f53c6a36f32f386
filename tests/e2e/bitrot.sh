#!/usr/bin/env bash
# Bit rot in the store is refused at start: packs 2 and 3 are installed by vitrine-import (which
# keeps their signatures in the store's sig/); one flipped byte anywhere in current.vpack (the
# SQLite header, the middle, the last byte, inside a text cell) makes the kiosk show pack 2, with
# the reason logged; both damaged, the installed default (1); a store from before signatures
# were kept (no sig/) still shows its pack, logged as unverified. Uses the real minisign.
#   bitrot.sh VITRINE VITRINE_PACK VITRINE_IMPORT
set -euo pipefail
vitrine="$1" packtool="$2" importer="$3"
src="${VITRINE_SOURCE_DIR:?}"
. "$(dirname "$0")/packs.sh"
packs_installed
ls "$tmp/store/sig/"*.minisig >/dev/null

flip() { # flip FILE OFFSET: toggles bit 5 of one byte; twice restores it
  local b
  b=$(od -An -tu1 -j "$2" -N1 "$1" | tr -d ' ')
  printf "\\$(printf '%03o' $((b ^ 32)))" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}
cur="$tmp/store/current.vpack" prev="$tmp/store/previous.vpack"
kiosk_shows 3
grep -q "verified: key" "$tmp/log"
size=$(stat -c %s "$cur")
# a word of an answer, inside a text cell of the pack (the first one past the schema)
text=$(grep -boa "Palantir" "$cur" | tail -1 | cut -d: -f1)
[ -n "$text" ]
for at in 3 100 $((size / 2)) $((size - 1)) $((text + 2)); do
  flip "$cur" "$at"
  kiosk_shows 2
  grep -q "cannot show the content pack $cur: refused: no signature matches its content" "$tmp/log" ||
    { echo "no reason logged for a flip at $at"; cat "$tmp/log"; exit 1; }
  flip "$cur" "$at"
done
kiosk_shows 3
flip "$cur" "$text"
flip "$prev" $((size / 3))
kiosk_shows 1
grep -q "cannot show the content pack $prev: refused" "$tmp/log"
flip "$cur" "$text"
flip "$prev" $((size / 3))
rm -rf "$tmp/store/sig" # as vitrine-import left a store before signatures were kept
kiosk_shows 3
grep -q "is shown unverified" "$tmp/log"
echo "1 passed, 0 failed"
