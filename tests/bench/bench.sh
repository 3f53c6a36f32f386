#!/usr/bin/env bash
# Vitrine benchmark: prints figures, asserts nothing about time. Rerun it after a change and
# compare. Needs a build (build/) and the pack (build/content.vpack): ./toolchain/dev pack.
#   tests/bench/bench.sh [BUILD_DIR]
# Measures, at 1920x1080:
#   - time to first frame and peak RSS of the kiosk against tests/bench/floor (SDL2 + SDL2_ttf
#     drawing the same text in the same window), both under Xvfb with SDL's default renderer
#     (OpenGL on llvmpipe here) and with the software renderer (SDL_FRAMEBUFFER_ACCELERATION=0);
#     the median of BENCH_RUNS runs each (default 5; wall time on a shared machine is noisy:
#     compare the kiosk with the floor of the same runs, and prefer the instructions below);
#   - instructions to the first frame (callgrind, whole process, SDL's dummy video driver) of the
#     kiosk and of the floor;
#   - instructions per frame (callgrind, inclusive cost of render_frame) of a steady frame and a
#     scrolling frame of a long answer, and of the timeline standing and flung (its overview band
#     included), draw calls per frame, and texture creations / glyph renders while scrolling a
#     screen already shown (must be 0);
#   - frames drawn by an idle kiosk in 10 minutes of attract loop (virtual clock), on the 15.6"
#     and on the 7" panel at their sizes.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
here="$root/tests/bench"
vitrine="$build/firmware/app/vitrine" floor="$build/tests/bench/floor" pack="$build/content.vpack"
fonts="$root/assets/fonts"
for f in "$vitrine" "$floor" "$pack"; do [ -e "$f" ] || { echo "missing $f (./toolchain/dev pack; cmake -DVITRINE_BENCH=ON)"; exit 2; }; done
command -v Xvfb >/dev/null || { echo "needs Xvfb"; exit 2; }
command -v valgrind >/dev/null || { echo "needs valgrind"; exit 2; }
# shellcheck source=tests/bench/lib.sh
. "$here/lib.sh"
runs="${BENCH_RUNS:-5}"

# shellcheck source=tests/e2e/xvfb.sh
. "$root/tests/e2e/xvfb.sh"
xvfb_start 1920x1080
tmp="$(mktemp -d)"
trap 'kill $xvfb_pid 2>/dev/null; rm -rf "$xvfb_dfile" "$tmp"' EXIT

run_kiosk() { "$vitrine" --pack "$pack" --fonts "$fonts" --size 1920x1080 --today 2026-11-23 \
  --script "$here/first.vts" --stats "$@" 2>/dev/null; }
measure() { # label, command...
  local label="$1" t=() m=() out
  shift
  for _ in $(seq "$runs"); do
    out="$("$@")"
    t+=("$(json "$out" time_to_first_frame_ms)")
    m+=("$(json "$out" peak_rss_kib)")
  done
  printf '%-34s first frame %7.1f ms   peak RSS %7.1f MiB\n' "$label" \
    "$(printf '%s\n' "${t[@]}" | median)" "$(echo "$(printf '%s\n' "${m[@]}" | median) / 1024" | bc -l)"
}
echo "== first frame and memory, 1920x1080 under Xvfb (median of $runs)"
measure "floor, default renderer" "$floor" 1920 1080 "$fonts/NotoSans-Regular.ttf" "$here/first.txt"
measure "vitrine, default renderer" run_kiosk
export SDL_FRAMEBUFFER_ACCELERATION=0
measure "floor, software renderer" "$floor" 1920 1080 "$fonts/NotoSans-Regular.ttf" "$here/first.txt" software
measure "vitrine, software renderer" run_kiosk --software
unset SDL_FRAMEBUFFER_ACCELERATION

echo "== instructions to the first frame, 1920x1080, software renderer, SDL dummy driver (callgrind, whole process)"
read -r ir _ <<<"$(grind "$vitrine" "$pack" "$here/first.vts" "$tmp")" || { echo "first: script failed"; exit 1; }
SDL_VIDEODRIVER=dummy valgrind --tool=callgrind --callgrind-out-file="$tmp/floor.cg" "$floor" 1920 1080 \
  "$fonts/NotoSans-Regular.ttf" "$here/first.txt" software >/dev/null 2>&1
floor_ir="$(sed -n 's/^summary: \([0-9]*\).*/\1/p' "$tmp/floor.cg")"
printf 'vitrine %8.1f M instructions   floor %8.1f M instructions   (%.2fx)\n' \
  "$(echo "$ir / 1000000" | bc -l)" "$(echo "$floor_ir / 1000000" | bc -l)" "$(echo "$ir / $floor_ir" | bc -l)"

echo "== per frame, 1920x1080, software renderer, SDL dummy driver (callgrind: instructions)"
for kind in steady scroll timeline-steady timeline-fling; do
  read -r ir frames <<<"$(grind "$vitrine" "$pack" "$here/$kind.vts" "$tmp" --collect-atstart=no \
    --toggle-collect=render_frame)" || { echo "$kind: script failed"; exit 1; }
  out="$(cat "$tmp/stats")"
  printf '%-16s frames %5s   instructions/frame %12.0f   draw calls/frame mean %s max %s   textures created %s   glyphs rendered %s (whole run)\n' \
    "$kind" "$frames" "$(echo "$ir / $frames" | bc -l)" "$(json "$out" draw_calls_per_frame_mean)" \
    "$(json "$out" draw_calls_per_frame_max)" "$(json "$out" texture_creations)" "$(json "$out" glyph_renders)"
done
echo "   (steady.vts and scroll.vts assert 0 texture creations and 0 glyph renders after the first pass)"

echo "== idle: 10 minutes of attract loop (virtual clock)"
# The 15.6" at its size shows each hook whole; a 7" (and a screen of unknown size, taken for
# one) tells it phrase by phrase, a reveal per phrase.
for panel in "1920x1080 344x194 15.6in, a hook a slide" "800x480 154x86 7in, phrase by phrase"; do
  read -r size mm what <<<"$panel"
  out="$("$vitrine" --pack "$pack" --fonts "$fonts" --size "$size" --screen-mm "$mm" --software \
    --hidden --today 2026-11-23 --script "$here/idle.vts" --stats 2>/dev/null)"
  printf '%-9s %-8s frames drawn in 602 s: %5s   (%s)\n' "$size" "$mm" "$(json "$out" frames)" "$what"
done
