#!/usr/bin/env bash
# layering.sh SOURCE_DIR: the module boundaries the README states, checked on the tracked files.
# - SDL is named only under firmware/platform/ (the ui, the app and the content are plain C);
# - render.h, the renderer's public face, does not include SDL.
set -euo pipefail
cd "${1:?usage: layering.sh SOURCE_DIR}"
fail=0
bad="$(git ls-files 'firmware/*.c' 'firmware/*.h' | grep -v '^firmware/platform/' |
  xargs grep -ln '#include <SDL\|SDL_[A-Za-z]*(' || true)"
[ -z "$bad" ] || { echo "FAIL SDL used outside firmware/platform/: $bad"; fail=1; }
! grep -q '#include <SDL' firmware/platform/render.h || { echo "FAIL render.h includes SDL"; fail=1; }
[ "$fail" -eq 0 ] && echo "1 passed, 0 failed" || { echo "0 passed, 1 failed"; exit 1; }
