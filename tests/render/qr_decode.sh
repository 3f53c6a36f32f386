#!/usr/bin/env bash
# Issue 13, item 5: the "take this home" QR code in a reference image decodes, with zbarimg, to
# the link the sources give for that screen (takehome.h): the N-th footnote address of the
# document's source file in content/documents/, the curator's `link:` where it mends the
# `url:` above it. A screen whose document cites no URL shows no code at all.
#   qr_decode.sh SOURCE_DIR
set -euo pipefail
src="$1"
ref="$src/tests/render/ref"
command -v zbarimg >/dev/null || { echo "zbarimg missing (zbar-tools)"; exit 1; }

# The document's N-th footnote address as the QR code must encode it.
link_of() {
  awk -v n="$2" '
    /^url: /  { k++; a[k] = substr($0, 6) }
    /^link: / { a[k] = substr($0, 7) }
    END { print a[n] }' "$src/content/documents/$1.txt"
}

fail=0
check() { # IMAGE DOC N
  local want got
  want="$(link_of "$2" "$3")"
  got="$(zbarimg -q --raw "$ref/$1" 2>/dev/null || true)"
  if [ -z "$want" ] || [ "$got" != "$want" ]; then
    echo "FAIL $1: decoded '$got', expected '$want' ($2, address $3)"
    fail=$((fail + 1))
  else
    echo "ok   $1: $got"
  fi
}
none() { # IMAGE: no code on it
  if zbarimg -q --raw "$ref/$1" >/dev/null 2>&1; then
    echo "FAIL $1: a QR code where the sources give no URL"
    fail=$((fail + 1))
  else
    echo "ok   $1: no code"
  fi
}

check 1920x1080-0/reader-unanswered.png dassen-2026 1 # www.nrc.nl/... mended with https://
check 1920x1080-0/timeline.png dassen-2026 1          # the latest event before today
check 1920x1080-0/doc-scrolled.png vanvroonhoven-2025 1 # politie.nl, its stray ')' mended
check 3840x2160-0/doc-scrolled.png vanvroonhoven-2025 1
check 3840x2160-0/reader-long-scrolled.png vanvroonhoven-2025 2 # question 10's own: tweakers.net
check 3840x2160-0/reader-key.png jagtenberg-2026 1               # question 2: the document's
check 720x1280-0/timeline.png dassen-2026 1
check 1080x1920-0/timeline.png dassen-2026 1
none 1920x1080-0/reader-confidential.png # vanhouwelingen-2025 cites no URL
none 1920x1080-0/memo.png                # nor does the memo
echo "$fail failed"
[ "$fail" -eq 0 ]
