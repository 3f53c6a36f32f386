#!/usr/bin/env bash
# An upgrade with an old pack in the store: a kiosk upgraded from a version that wrote schema-1
# packs finds one as current.vpack. The reader refuses it, and the kiosk falls back as for a
# damaged pack: the previous pack, then the installed default, the reason logged, the exhibit
# shown. The old packs are this content built now with its schema version set back to 1 (the
# header's user_version, which is all a reader looks at first), signed as the importer of that
# version kept them (sig/ predates schema 2); then once more from a store without sig/.
#   oldschema.sh VITRINE VITRINE_PACK VITRINE_IMPORT
set -euo pipefail
vitrine="$1" packtool="$2" importer="$3"
src="${VITRINE_SOURCE_DIR:?}"
. "$(dirname "$0")/packs.sh"
packs_installed

refused() { # the reason logged for a pack of the store
  grep -q "cannot show the content pack $tmp/store/$1: pack schema version 1 is not supported (this kiosk reads 2)" "$tmp/log" ||
    { echo "no reason logged for $1"; cat "$tmp/log"; exit 1; }
}
schema1() { # schema1 NAME: the store's pack as the old version wrote it, with its signature
  local p="$tmp/store/$1"
  sqlite3 "$p" 'PRAGMA user_version = 1'
  [ "$(sqlite3 "$p" 'PRAGMA user_version')" = 1 ]
  minisign -S -s "$tmp/k.key" -m "$p" -x "$tmp/sig" -t "vitrine-pack version $2" >/dev/null
  cp "$tmp/sig" "$tmp/store/sig/$(b2sum "$p" | cut -c1-128).minisig"
}
kiosk_shows 3
schema1 current.vpack 3
kiosk_shows 2
refused current.vpack
grep -q "verified: key" "$tmp/log" # the old pack's signature was fine: its schema is not
schema1 previous.vpack 2
kiosk_shows 1
refused current.vpack
refused previous.vpack
rm -rf "$tmp/store/sig" # a store from before signatures were kept
kiosk_shows 1
refused current.vpack
refused previous.vpack
echo "1 passed, 0 failed"
