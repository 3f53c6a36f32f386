#!/usr/bin/env bash
# speech_none.sh VITRINE PACK: read aloud without a sound device (SDL's dummy driver): the
# script finds no control on any reading screen, the log says why, once, and espeak-ng is never
# started (its start costs about 2.5 MiB: the device is tried first). Then, where this machine
# has no sound card, the same with SDL's ALSA driver: none of alsa-lib's "cannot find card" ...
# "Unknown PCM default" noise either (the device is not opened).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
none() { # none DRIVER REASON: no control, REASON logged once, no espeak-ng, no alsa-lib noise
  local out rc n
  out="$(VITRINE_AUDIO="$1" "$here/run.sh" "$vitrine" "$pack" 800x480 0 "$here/speech_none.vts" 2>&1)"
  rc=$?
  echo "$out"
  [ "$rc" -eq 0 ] || { echo "0 passed, 1 failed ($1: the script)"; exit 1; }
  n="$(grep -c "read aloud unavailable: $2" <<<"$out")"
  [ "$n" -eq 1 ] || { echo "0 passed, 1 failed ($1: the reason logged $n times, want 1)"; exit 1; }
  ! grep -q "^ALSA lib" <<<"$out" || { echo "0 passed, 1 failed ($1: alsa-lib's noise)"; exit 1; }
  ! grep -q 'espeak-ng started' <<<"$out" ||
    { echo "0 passed, 1 failed ($1: espeak-ng started without a device)"; exit 1; }
}
vitrine="$1" pack="$2"
none dummy "no audio device"
if ls /dev/snd/pcmC*p >/dev/null 2>&1; then
  echo "(this machine has a sound card: the ALSA case is not tried)"
else
  none alsa "no audio device (alsa): no sound card"
fi
echo "1 passed, 0 failed"
