# Sourced by the real-window tests: xvfb_start WxH starts an Xvfb screen of that size with no
# window manager, exports DISPLAY (and SDL's x11 driver, no audio) and stops the server on exit.
# -displayfd: Xvfb picks a free display and writes its number once it accepts connections;
# -noreset: without it the server resets when its last client (xdpyinfo) leaves, and a client
# connecting during the reset fails ("x11 not available"), now and then.
xvfb_start() {
  xvfb_dfile="$(mktemp)"
  Xvfb -displayfd 3 -noreset -screen 0 "${1}x24" -nolisten tcp 3>"$xvfb_dfile" >/dev/null 2>&1 &
  xvfb_pid=$!
  trap 'kill $xvfb_pid 2>/dev/null || true; rm -f "$xvfb_dfile"' EXIT
  for _ in $(seq 300); do [ -s "$xvfb_dfile" ] && break; sleep 0.1; done
  [ -s "$xvfb_dfile" ] || { echo "Xvfb did not start"; exit 1; }
  export DISPLAY=":$(head -1 "$xvfb_dfile")" SDL_VIDEODRIVER=x11 SDL_AUDIODRIVER=dummy
  xdpyinfo >/dev/null || { echo "cannot reach Xvfb on $DISPLAY"; exit 1; }
}

# xvfb_window PID LOG: prints the id of the kiosk's window once it appears; fails (showing LOG)
# when the kiosk PID ends or 30 s pass without one.
xvfb_window() {
  local win=""
  for _ in $(seq 300); do
    win="$(xdotool search --name '^Vitrine$' 2>/dev/null | head -1)" && [ -n "$win" ] && break
    kill -0 "$1" 2>/dev/null || break
    sleep 0.1
  done
  [ -n "$win" ] || { echo "no kiosk window appeared on $DISPLAY" >&2; cat "$2" >&2; return 1; }
  echo "$win"
}

# xvfb_geometry WIN: prints where the X server has window WIN, as WIDTHxHEIGHT+X+Y (X and Y on
# the screen, not in the window's parent).
xvfb_geometry() {
  xwininfo -id "$1" | awk -F: '/Absolute upper-left X/ {x = $2} /Absolute upper-left Y/ {y = $2}
    /^ *Width/ {w = $2} /^ *Height/ {h = $2} END {printf "%dx%d+%d+%d\n", w, h, x, y}'
}
