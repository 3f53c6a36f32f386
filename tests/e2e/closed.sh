#!/usr/bin/env bash
# Outside opening hours the kiosk shows nothing and draws nothing: the real main loop runs for
# 4 s with a schedule open only on a weekday two days from now, and must draw no frame (the one
# black screen is not a frame) while still sleeping (few wake-ups), and must still tell systemd
# it is up and keep pinging the watchdog (run under the notify harness, 1 s watchdog): a kiosk
# switched on at night must not be restarted for never having become ready.
#   closed.sh VITRINE PACK NOTIFY_HARNESS
set -euo pipefail
vitrine="$1" pack="$2" harness="$3"
day="$(LC_ALL=C date -d '+2 days' +%a | tr 'A-Z' 'a-z')"
conf="$(mktemp)"
trap 'rm -f "$conf"' EXIT
printf 'schedule = %s 10:00-11:00\nstore_dir = /nonexistent\n' "$day" >"$conf"
out="$(SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$harness" 1000000 -- "$vitrine" --config "$conf" --pack "$pack" \
  --fonts "${VITRINE_SOURCE_DIR:?}/assets/fonts" --software --hidden --size 800x480 --run-for 4 \
  --stats 2>"$conf.log")" || { cat "$conf.log"; exit 1; }
echo "$out"
grep -q "screen off" "$conf.log" || { cat "$conf.log"; echo "the screen did not go off"; exit 1; }
frames="$(sed -n 's/.*"frames": \([0-9]*\).*/\1/p' <<<"$out")"
wakeups="$(sed -n 's/.*"wakeups": \([0-9]*\).*/\1/p' <<<"$out")"
rm -f "$conf.log"
[ "$frames" -eq 0 ] || { echo "drew $frames frames while closed"; exit 1; }
[ "$wakeups" -le 60 ] || { echo "woke $wakeups times in 4 s while closed"; exit 1; }
echo "1 passed, 0 failed"
