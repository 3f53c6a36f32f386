#!/usr/bin/env bash
# Writes a content directory FACTOR times today's: FACTOR copies of every document (ids
# suffixed -s1, -s2, ...; copy 0 keeps its id) and of every timeline event (citing its copy of
# the document), so events, documents and text all grow FACTOR times. Deterministic: the same
# FACTOR gives the same bytes. The copies are test data for the scale benchmark (scale.sh) and
# never leave the temporary directory; the primary sources are linked, not copied.
#   scale_gen.sh CONTENT_DIR FACTOR OUT_DIR
set -euo pipefail
src="$1" factor="$2" out="$3"
[ "$factor" -ge 1 ] || { echo "FACTOR must be 1 or more" >&2; exit 2; }
rm -rf "$out"
mkdir -p "$out/documents"
cp "$src/pack.txt" "$src/about.txt" "$out/"
ln -s "$(cd "$src/sources" && pwd)" "$out/sources"
ids="$(sed -n 's/^id: //p' "$src"/documents/*.txt | tr '\n' ' ')"
for ((k = 0; k < factor; k++)); do
  sfx=""
  [ "$k" -eq 0 ] || sfx="-s$k"
  for f in "$src"/documents/*.txt; do
    base="$(basename "$f" .txt)"
    sed "s/^id: \(.*\)\$/id: \1$sfx/" "$f" >"$out/documents/$base$sfx.txt"
  done
  # every [event ID] and doc: ID of the copy gets the suffix
  expr="s/^\[event \(.*\)\]\$/[event \1$sfx]/"
  for id in $ids; do expr="$expr;s/^doc: $id\$/doc: $id$sfx/"; done
  sed "$expr" "$src/timeline.txt"
  echo
done >"$out/timeline.txt"
