#!/usr/bin/env bash
# First frame of two builds, compared fairly on a shared machine: the floor program, build A and
# build B take turns, N rounds each, and the medians are printed (time to the first frame and
# peak RSS, 1920x1080 under Xvfb, the default renderer and then the software one). Nothing is
# asserted. Each build needs its pack (./toolchain/dev pack in its tree).
#   tests/bench/compare.sh BUILD_A BUILD_B [ROUNDS]      (e.g. /tmp/base/build build 15)
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/tests/bench" fonts="$root/assets/fonts"
a="$(cd "$1" && pwd)" b="$(cd "$2" && pwd)" n="${3:-15}"
# shellcheck source=tests/bench/lib.sh
. "$here/lib.sh"
for f in "$a/content.vpack" "$b/content.vpack" "$b/tests/bench/floor"; do
  [ -e "$f" ] || { echo "missing $f (./toolchain/dev pack in its tree)"; exit 2; }
done
command -v Xvfb >/dev/null || { echo "needs Xvfb"; exit 2; }
# shellcheck source=tests/e2e/xvfb.sh
. "$root/tests/e2e/xvfb.sh"
xvfb_start 1920x1080
tmp="$(mktemp -d)"
trap 'kill $xvfb_pid 2>/dev/null; rm -rf "$xvfb_dfile" "$tmp"' EXIT
kiosk() { local build="$1"; shift; "$build/firmware/app/vitrine" --pack "$build/content.vpack" \
  --fonts "$fonts" --size 1920x1080 --today 2026-11-23 --script "$here/first.vts" --stats "$@" 2>/dev/null; }
floor() { "$b/tests/bench/floor" 1920 1080 "$fonts/NotoSans-Regular.ttf" "$here/first.txt" "$@"; }
record() { echo "$(json "$2" time_to_first_frame_ms) $(json "$2" peak_rss_kib)" >>"$tmp/$1"; }
for mode in default software; do
  sw=() fl=()
  [ "$mode" = software ] && { export SDL_FRAMEBUFFER_ACCELERATION=0; sw=(--software); fl=(software); }
  for _ in $(seq "$n"); do
    record "floor-$mode" "$(floor ${fl[@]+"${fl[@]}"})"
    record "a-$mode" "$(kiosk "$a" ${sw[@]+"${sw[@]}"})"
    record "b-$mode" "$(kiosk "$b" ${sw[@]+"${sw[@]}"})"
  done
  for w in floor a b; do
    printf '%-9s %-6s first frame %7.1f ms   peak RSS %6.1f MiB\n' "$mode" "$w" \
      "$(cut -d' ' -f1 "$tmp/$w-$mode" | median)" \
      "$(echo "$(cut -d' ' -f2 "$tmp/$w-$mode" | median) / 1024" | bc -l)"
  done
done
