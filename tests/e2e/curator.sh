#!/usr/bin/env bash
# The curator's loop from content/README.md, as a new curator would do it: add a question and
# its answer to a document file, build the pack, check it, and see the question in the kiosk.
#   curator.sh VITRINE VITRINE_PACK
set -euo pipefail
vitrine="$1" packtool="$2"
src="${VITRINE_SOURCE_DIR:?}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cp -r "$src/content" "$tmp/content"
cat >>"$tmp/content/documents/vanhouwelingen-2025.txt" <<'TXT'

[question 6]
nl:
  Is dit een vraag die de samensteller heeft toegevoegd?
en:
  Is this a question the curator added?

[answer 6]
nl:
  Ja, en het antwoord
  loopt over twee regels in het bestand.
en:
  Yes, and the answer
  runs over two lines in the file.
TXT
"$packtool" build "$tmp/content" -o "$tmp/c.vpack"
"$packtool" check "$tmp/c.vpack"
cat >"$tmp/see.vts" <<'VTS'
tap 50% 3%
go reader vanhouwelingen-2025 question 6
expect unit question 6
expect text toegevoegd?
expect text bestand.
key lang
expect text added?
expect text file.
VTS
SDL_VIDEODRIVER=dummy "$vitrine" --pack "$tmp/c.vpack" --fonts "$src/assets/fonts" --software \
  --hidden --size 1280x800 --today 2026-11-23 --script "$tmp/see.vts"
# and a mistake gives file:line, and no pack
printf '\n[question 8]\nnl:\n  Een vraag zonder vertaling\n' >>"$tmp/content/documents/vanhouwelingen-2025.txt"
if "$packtool" build "$tmp/content" -o "$tmp/bad.vpack" 2>"$tmp/err"; then
  echo "a broken source was accepted"; exit 1
fi
cat "$tmp/err"
grep -q 'documents/vanhouwelingen-2025.txt:[0-9]*: ' "$tmp/err"
[ ! -e "$tmp/bad.vpack" ]
echo "1 passed, 0 failed"
