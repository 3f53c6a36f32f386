#!/usr/bin/env bash
# A real window under Xvfb, driven by real X input events (XTEST, through xdotool; no window
# manager, so the keyboard follows the pointer, which stays over the kiosk's window): a click wakes the kiosk
# from the attract loop, Tab and Return open the first event, Escape goes back, three Escapes
# quit. Checks the kiosk ended on the timeline (its --stats JSON) and saved a screenshot of a
# real frame (--screenshot-at-exit).
#   xwindow.sh VITRINE PACK OUTDIR
set -euo pipefail
vitrine="$1" pack="$2" out="$3"
src="${VITRINE_SOURCE_DIR:?}"
mkdir -p "$out"
. "$(dirname "$0")/xvfb.sh"
xvfb_start 1280x800
rm -f "$out/xwindow.png" "$out/xwindow.json"
# The software renderer on X11's shared-memory framebuffer: Mesa's llvmpipe (the default here)
# leaks in dlopened code that LeakSanitizer cannot attribute, and the ASan build runs this too.
export SDL_FRAMEBUFFER_ACCELERATION=0 LSAN_OPTIONS="suppressions=$src/tests/support/lsan.supp"
"$vitrine" --pack "$pack" --fonts "$src/assets/fonts" --size 1280x800 --today 2026-11-23 --software \
  --stats --screenshot-at-exit "$out/xwindow.png" >"$out/xwindow.json" 2>"$out/xwindow.log" &
kiosk=$!
win="$(xvfb_window "$kiosk" "$out/xwindow.log")"
sleep 0.5
xdotool mousemove 640 400 click 1 # XTEST: real input, as from a touchscreen driver
sleep 0.3
for k in Tab Tab Tab Tab Return; do xdotool key "$k"; sleep 0.1; done
sleep 0.3
xdotool key Escape
sleep 0.3
xdotool mousemove 640 400 mousedown 1 mousemove 500 400 mousemove 300 400 mouseup 1
sleep 0.5
for _ in 1 2 3; do xdotool key Escape; sleep 0.1; done
wait "$kiosk" || { echo "the kiosk failed"; cat "$out/xwindow.log"; exit 1; }
cat "$out/xwindow.json"
grep -q '"screen": 1' "$out/xwindow.json" || { echo "expected to end on the timeline"; exit 1; }
[ -s "$out/xwindow.png" ] || { echo "no screenshot"; exit 1; }
# A kiosk on a pack store watches it from a thread (X11 can block in SDL); at exit that thread
# is woken and joined, never left polling a closed descriptor.
mkdir -p "$out/store"
printf 'store_dir = %s\ndefault_pack = %s\n' "$out/store" "$pack" >"$out/store.conf"
"$vitrine" --config "$out/store.conf" --fonts "$src/assets/fonts" --size 640x400 --software \
  --run-for 2 2>"$out/store.log" || { echo "the kiosk on a store failed"; cat "$out/store.log"; exit 1; }
grep -q "watching $out/store" "$out/store.log" || { echo "the store was not watched"; exit 1; }
grep -q "the watch thread has ended" "$out/store.log" || { echo "the watch thread was not joined"; exit 1; }
echo "1 passed, 0 failed"
