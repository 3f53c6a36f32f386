#!/usr/bin/env bash
# Scale benchmark (issue 11): today's content, and 10 and 100 times as many documents, events
# and words (tests/bench/scale_gen.sh copies every document and event), built, checked and shown.
# Prints figures, asserts nothing about time; rerun after a change and compare. Each cost should
# grow at most linearly with the pack (build, check, first frame, memory) or stay flat with what
# is on screen (a timeline frame).
#   tests/bench/scale.sh [BUILD_DIR] [FACTORS...]     (default: build, 1 10 100)
# Per factor:
#   - build and check: CPU seconds (user + system, the median of 3; wall time on a shared
#     machine says more about the neighbours) and the builder's peak RSS;
#   - the kiosk (1920x1080, software renderer, SDL's dummy driver): time to the first frame and
#     peak RSS (median of 3), and instructions to the first frame (callgrind, whole process:
#     opening, verifying, validating and loading the pack, laying out, drawing);
#   - instructions per frame on the timeline (callgrind, inclusive cost of ui_tick, ui_pointer
#     and app_draw): a fling toward the past (6 swipes, each left to run out) and a steady
#     frame (redraw). Measured as the difference of two runs, with and without the measured
#     part, so start-up and the first drawing of the screen are not counted.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="$(cd "${1:-$root/build}" && pwd)"
shift $(($# > 0 ? 1 : 0))
factors=("${@:-1 10 100}")
read -r -a factors <<<"${factors[*]}"
here="$root/tests/bench"
vitrine="$build/firmware/app/vitrine" packer="$build/firmware/pack/vitrine-pack"
for f in "$vitrine" "$packer"; do [ -x "$f" ] || { echo "missing $f (build first)"; exit 2; }; done
command -v valgrind >/dev/null || { echo "needs valgrind"; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy SDL_RENDER_DRIVER=software
# shellcheck source=tests/bench/lib.sh
. "$here/lib.sh"
cpu() { # command...: prints "CPU-seconds peak-RSS-KiB" of one run
  /usr/bin/time -f '%U %S %M' -o "$tmp/time" "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }
  awk '{printf "%.3f %d\n", $1 + $2, $3}' "$tmp/time"
}

# The scripts: a warm-up (wake to the timeline, one fling there and back), then what is measured.
warm='tap 50% 3%
expect screen timeline
swipe 20% 60% 80% 60%
wait 4000
swipe 80% 60% 20% 60%
wait 4000'
printf '%s\n' "$warm" >"$tmp/warm.vts"
{
  printf '%s\n' "$warm"
  for _ in 1 2 3 4 5 6; do printf 'swipe 20%% 60%% 80%% 60%%\nwait 4000\n'; done
} >"$tmp/fling.vts"
printf '%s\nredraw 100\n' "$warm" >"$tmp/steady.vts"

kiosk() { # pack script [extra]: the kiosk's --stats line
  "$vitrine" --pack "$1" --fonts "$root/assets/fonts" --size 1920x1080 --software --hidden \
    --today 2026-11-23 --script "$2" --stats "${@:3}" 2>"$tmp/err" || { cat "$tmp/err" >&2; return 1; }
}
per_frame() { # pack script: instructions per frame of the script's part after the warm-up
  local a b toggles=(--collect-atstart=no --toggle-collect=ui_tick --toggle-collect=ui_pointer
    --toggle-collect=app_draw)
  read -r ia fa <<<"$(grind "$vitrine" "$1" "$tmp/warm.vts" "$tmp" "${toggles[@]}")" || return 1
  read -r ib fb <<<"$(grind "$vitrine" "$1" "$2" "$tmp" "${toggles[@]}")" || return 1
  [ "$fb" -gt "$fa" ] && echo "$(((ib - ia) / (fb - fa))) $((fb - fa))" || echo "n/a 0"
}

printf '%-7s %6s %7s %8s | %9s %9s | %9s | %10s %9s %12s | %14s %14s\n' factor docs events \
  'pack MiB' 'build s' 'build RSS' 'check s' 'first ms' 'first RSS' 'first Minstr' \
  'fling instr/f' 'steady instr/f'
for factor in "${factors[@]}"; do
  dir="$tmp/content-$factor" pack="$tmp/x$factor.vpack"
  "$here/scale_gen.sh" "$root/content" "$factor" "$dir"
  b=() c=() t=() m=()
  for _ in 1 2 3; do
    rm -f "$pack"
    read -r s rss <<<"$(cpu "$packer" build "$dir" -o "$pack" --date 2026-11-23)" || exit 1
    b+=("$s") brss="$rss"
    read -r s _ <<<"$(cpu "$packer" check "$pack")" || exit 1
    c+=("$s")
    out="$(kiosk "$pack" "$here/first.vts")" || exit 1
    t+=("$(json "$out" time_to_first_frame_ms)") m+=("$(json "$out" peak_rss_kib)")
  done
  info="$("$packer" info "$pack" 2>/dev/null)"
  docs="$(sed -n 's/^documents: //p' <<<"$info")" events="$(sed -n 's/^events: \([0-9]*\).*/\1/p' <<<"$info")"
  read -r first_ir _ <<<"$(grind "$vitrine" "$pack" "$here/first.vts" "$tmp")" || exit 1
  read -r fling fling_frames <<<"$(per_frame "$pack" "$tmp/fling.vts")" || exit 1
  read -r steady _ <<<"$(per_frame "$pack" "$tmp/steady.vts")" || exit 1
  printf '%-7s %6s %7s %8.1f | %9s %6.1f MiB | %9s | %10s %5.1f MiB %12.1f | %14s %14s\n' \
    "${factor}x" "$docs" "$events" "$(echo "$(stat -c %s "$pack") / 1048576" | bc -l)" \
    "$(printf '%s\n' "${b[@]}" | median)" "$(echo "$brss / 1024" | bc -l)" \
    "$(printf '%s\n' "${c[@]}" | median)" "$(printf '%s\n' "${t[@]}" | median)" \
    "$(echo "$(printf '%s\n' "${m[@]}" | median) / 1024" | bc -l)" \
    "$(echo "$first_ir / 1000000" | bc -l)" "$fling ($fling_frames f)" "$steady"
done
