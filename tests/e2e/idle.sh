#!/usr/bin/env bash
# An idle kiosk sleeps: the real main loop (not a script) runs for 6 s in the attract loop under
# SDL's dummy driver, which, like KMSDRM on the device, has no native wait in SDL 2.26 (SDL
# would poll every millisecond: about 4,500 context switches in 5 s, measured). Counts, not
# timings: the process may wake for the slide's fade (about 37 frames), the safety net of the
# poll() wait (10 a second without input devices) and little else.
#   idle.sh VITRINE PACK
set -euo pipefail
vitrine="$1" pack="$2"
out="$(SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$vitrine" --pack "$pack" \
  --fonts "${VITRINE_SOURCE_DIR:?}/assets/fonts" --software --hidden --size 800x480 --run-for 6 \
  --stats)"
echo "$out"
wakeups="$(sed -n 's/.*"wakeups": \([0-9]*\).*/\1/p' <<<"$out")"
switches="$(sed -n 's/.*"voluntary_switches": \([0-9]*\).*/\1/p' <<<"$out")"
frames="$(sed -n 's/.*"frames": \([0-9]*\).*/\1/p' <<<"$out")"
fail=0
[ "$wakeups" -le 150 ] || { echo "woke $wakeups times in 6 s (limit 150)"; fail=1; }
[ "$switches" -le 400 ] || { echo "$switches voluntary context switches in 6 s (limit 400)"; fail=1; }
[ "$frames" -le 60 ] || { echo "drew $frames frames in 6 s of attract loop (limit 60)"; fail=1; }
[ "$fail" -eq 0 ] && echo "1 passed, 0 failed" || { echo "0 passed, 1 failed"; exit 1; }
