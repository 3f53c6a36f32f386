#!/usr/bin/env bash
# Runs the kiosk on a script with the software renderer under SDL's dummy video driver (a
# framebuffer in memory; the offscreen driver would pull in EGL and Mesa, 80 MiB more and five
# times slower), as the end-to-end and reference-image tests do.
#   run.sh VITRINE PACK SIZE ROTATE SCRIPT [extra vitrine args...]
# The date is pinned (--today) so the timeline's "today" marker does not move between runs.
set -euo pipefail
vitrine="$1" pack="$2" size="$3" rotate="$4" script="$5"
shift 5
# No sound unless a test asks for one (VITRINE_AUDIO=disk: SDL writes the audio to a file).
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER="${VITRINE_AUDIO:-dummy}" SDL_RENDER_DRIVER=software
exec "$vitrine" --pack "$pack" --size "$size" --rotate "$rotate" --software --hidden \
  --today 2026-11-23 --fonts "${VITRINE_SOURCE_DIR:?}/assets/fonts" --script "$script" "$@"
