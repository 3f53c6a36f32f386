#!/usr/bin/env bash
# speech_none.sh VITRINE PACK: read aloud without a sound device (SDL's dummy driver): the
# script finds no control on any reading screen, and the log says why, once; espeak-ng is never
# started (its start costs about 2.5 MiB: the device is tried first).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$("$here/run.sh" "$1" "$2" 800x480 0 "$here/speech_none.vts" 2>&1)"
rc=$?
echo "$out"
[ "$rc" -eq 0 ] || { echo "0 passed, 1 failed (the script)"; exit 1; }
n="$(grep -c 'read aloud unavailable: no audio device' <<<"$out")"
[ "$n" -eq 1 ] || { echo "0 passed, 1 failed (the reason logged $n times, want 1)"; exit 1; }
! grep -q 'espeak-ng started' <<<"$out" || { echo "0 passed, 1 failed (espeak-ng started without a device)"; exit 1; }
echo "1 passed, 0 failed"
