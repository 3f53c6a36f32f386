#!/usr/bin/env bash
# Issue 13, bug 14: on a machine without a display SDL falls back to its offscreen driver, and
# the kiosk ran on silently with nothing to see. Started for a visitor there (no --script,
# --hidden or --run-for), it must say there is no display and how to see it, and stop; a timed
# run (tests, screenshots) still runs.
#   nodisplay.sh VITRINE PACK
set -euo pipefail
vitrine="$1" pack="$2"
fonts="${VITRINE_SOURCE_DIR:?}/assets/fonts"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
fails=0
expect_refusal() { # what, then the environment to run in
  local what="$1" rc=0
  shift
  env "$@" timeout 10 "$vitrine" --pack "$pack" --fonts "$fonts" --software 2>"$log" || rc=$?
  if [ "$rc" -ne 1 ] || ! grep -q "no display" "$log" || ! grep -q -- "--fullscreen" "$log" ||
    ! grep -q -- "--screenshot-at-exit" "$log" || ! grep -q "desktop" "$log"; then
    echo "FAIL $what: exit $rc, expected 1 with a word on the display"; cat "$log"; fails=1
  fi
}
expect_refusal "the offscreen driver" SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy
# With nothing set, SDL picks for itself; where it falls back to offscreen, the same must happen.
if [ ! -e /dev/dri/card0 ]; then
  expect_refusal "no DISPLAY" -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER SDL_AUDIODRIVER=dummy
fi
# dummy, not offscreen: offscreen's EGL leaks what LeakSanitizer reports in the ASan build
SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$vitrine" --pack "$pack" --fonts "$fonts" \
  --software --run-for 1 2>"$log" || { echo "FAIL a timed run without a display"; cat "$log"; fails=1; }
[ "$fails" -eq 0 ] && echo "1 passed, 0 failed" || { echo "0 passed, 1 failed"; exit 1; }
