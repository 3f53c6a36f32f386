#!/usr/bin/env bash
# Issue 13, bug 1: `--fullscreen` on an X server without a window manager (a kiosk started from
# xinit; here Xvfb, 1920x1080). SDL 2.26 leaves fullscreen to the window manager there, so the
# window stayed 1280x800 in the middle of the screen while the kiosk laid out for 1920x1080.
# Checks that the window really covers the display (the X server's word, xvfb_geometry) and
# that a click in the bottom-right corner of the screen reaches the kiosk (it wakes from the
# attract loop onto the timeline: "screen": 1 in its --stats).
#   fullscreen.sh VITRINE PACK OUTDIR
set -euo pipefail
vitrine="$1" pack="$2" out="$3"
src="${VITRINE_SOURCE_DIR:?}"
mkdir -p "$out"
. "$(dirname "$0")/xvfb.sh"
xvfb_start 1920x1080
export SDL_FRAMEBUFFER_ACCELERATION=0 LSAN_OPTIONS="suppressions=$src/tests/support/lsan.supp"
"$vitrine" --pack "$pack" --fonts "$src/assets/fonts" --fullscreen --today 2026-11-23 --software \
  --stats --run-for 4 >"$out/fullscreen.json" 2>"$out/fullscreen.log" &
kiosk=$!
win="$(xvfb_window "$kiosk" "$out/fullscreen.log")"
sleep 0.3
geom="$(xvfb_geometry "$win")"
echo "window: $geom"
fails=0
[ "${geom%%+*}" = 1920x1080 ] || { echo "FAIL the window is not the display's size"; fails=1; }
[ "${geom#*+}" = 0+0 ] || { echo "FAIL the window is not at (0,0)"; fails=1; }
xdotool mousemove 1900 1060 click 1 # a corner of the screen the old window did not cover
sleep 0.5
wait "$kiosk" || { echo "the kiosk failed"; cat "$out/fullscreen.log"; exit 1; }
cat "$out/fullscreen.json"
grep -q '"screen": 1' "$out/fullscreen.json" || { echo "FAIL the click did not reach the kiosk"; fails=1; }
[ "$fails" -eq 0 ] && echo "1 passed, 0 failed" || { echo "0 passed, 1 failed"; exit 1; }
