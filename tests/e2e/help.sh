#!/usr/bin/env bash
# `vitrine --help` is what a technician reads first: every option once, and every file it points
# to exists in the source tree.
#   help.sh VITRINE
set -euo pipefail
src="${VITRINE_SOURCE_DIR:?}"
out="$("$1" --help)"
dups="$(printf '%s\n' "$out" | grep -oE '^ +--[a-z-]+' | sort | uniq -d)"
[ -z "$dups" ] || { echo "FAIL options listed twice:$dups"; exit 1; }
for f in $(printf '%s\n' "$out" | grep -oE '(firmware|tests|toolchain|content)/[A-Za-z0-9_./-]+[A-Za-z0-9]'); do
  [ -e "$src/$f" ] || { echo "FAIL --help points to $f, which does not exist"; exit 1; }
done
echo "1 passed, 0 failed"
