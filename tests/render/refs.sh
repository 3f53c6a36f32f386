#!/usr/bin/env bash
# Reference-image test: renders every screen (screens.vts) at one size and rotation and compares
# each screenshot with tests/render/ref/<size>-<rotate>/ within imgdiff's tolerance.
#   refs.sh VITRINE IMGDIFF PACK SIZE ROTATE OUTDIR [--update]
# With --update the references are rewritten from this run (look at them before committing).
# SCREEN_MM=WxH gives the panel's physical size (--screen-mm); REF_VARIANT=NAME adds
# --controls NAME (bottom) and a -NAME suffix to the reference folder.
set -euo pipefail
vitrine="$1" imgdiff="$2" pack="$3" size="$4" rotate="$5" out="$6" update="${7:-}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
case="$size-$rotate${REF_VARIANT:+-$REF_VARIANT}"
ref="$here/ref/$case"
shots="$out/$case"
extra=()
[ -n "${SCREEN_MM:-}" ] && extra+=(--screen-mm "$SCREEN_MM")
[ -n "${REF_VARIANT:-}" ] && extra+=(--controls "$REF_VARIANT")
rm -rf "$shots" && mkdir -p "$shots"
sed "s|SHOTS|$shots|g" "$here/screens.vts" >"$shots/screens.vts"
"$here/../e2e/run.sh" "$vitrine" "$pack" "$size" "$rotate" "$shots/screens.vts" ${extra[@]+"${extra[@]}"}
if [ "$update" = "--update" ]; then
  mkdir -p "$ref" && cp "$shots"/*.png "$ref"/
  echo "updated $(ls "$ref" | wc -l) references in $ref"
  exit 0
fi
fail=0 n=0
for png in "$ref"/*.png; do
  name="$(basename "$png")"
  n=$((n + 1))
  IMGDIFF_OUT="$shots/diff-$name" "$imgdiff" "$shots/$name" "$png" || fail=$((fail + 1))
done
[ "$n" -gt 0 ] || { echo "no references in $ref (run with --update)"; exit 1; }
echo "$((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
