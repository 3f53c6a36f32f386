#!/usr/bin/env bash
# Long soak (issue 11), the rounds of tests/e2e/soak.vts for simulated days on the virtual
# clock: each round a visitor session (500 random touches, drags, swipes and keys), the idle
# timeout and ten minutes of attract loop (12.5 simulated minutes a round). After a warm-up
# round (3,000 random events), resident memory must grow less than 2 MiB (as in monkey.vts)
# and open descriptors not at all; the script fails otherwise. Prints the kiosk's --stats line.
# About 20 s of CPU per simulated hour here.
#   tests/bench/soak.sh [BUILD_DIR] [ROUNDS]      (default: build, 115 rounds = 24 h)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
rounds="${2:-115}"
[ -e "$build/content.vpack" ] || { echo "missing $build/content.vpack (./toolchain/dev pack)"; exit 2; }
script="$(mktemp --suffix=.vts)"
trap 'rm -f "$script"' EXIT
{
  echo "monkey 3000 1"
  echo "wait 700000"
  echo "mark"
  for ((i = 2; i <= rounds; i++)); do printf 'monkey 500 %d\nwait 700000\n' "$i"; done
  printf 'expect fds = 0\nexpect rss < 2048\nexpect screen attract\n'
} >"$script"
echo "$rounds rounds, $((rounds * 750 / 60)) simulated minutes"
VITRINE_SOURCE_DIR="$root" "$root/tests/e2e/run.sh" "$build/firmware/app/vitrine" \
  "$build/content.vpack" 320x240 0 "$script" --stats 2>/dev/null
echo
echo "flat: resident memory and descriptors after the first round"
