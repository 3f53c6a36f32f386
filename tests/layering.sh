#!/usr/bin/env bash
# layering.sh SOURCE_DIR: the module boundaries the README states, checked on the tracked files.
# - SDL is named only under firmware/platform/ (the ui, the app and the content are plain C);
# - render.h, the renderer's public face, does not include SDL;
# - the ui's state is private: ui_private.h is included only by the ui's own files and by tests
#   (which say why), ui.h holds no struct body of VtUi, and nothing outside firmware/ui/ writes a
#   ui field.
set -euo pipefail
cd "${1:?usage: layering.sh SOURCE_DIR}"
fail=0
bad="$(git ls-files 'firmware/*.c' 'firmware/*.h' | grep -v '^firmware/platform/' |
  xargs grep -ln '#include <SDL\|SDL_[A-Za-z]*(' || true)"
[ -z "$bad" ] || { echo "FAIL SDL used outside firmware/platform/: $bad"; fail=1; }
! grep -q '#include <SDL' firmware/platform/render.h || { echo "FAIL render.h includes SDL"; fail=1; }
bad="$(git ls-files 'firmware/*.c' 'firmware/*.h' | grep -v '^firmware/ui/' |
  xargs grep -ln '#include "ui_private.h"' || true)"
[ -z "$bad" ] || { echo "FAIL ui_private.h included outside firmware/ui/: $bad"; fail=1; }
! grep -q 'struct VtUi *{\|} *VtUi;' firmware/ui/ui.h || { echo "FAIL ui.h shows VtUi's fields"; fail=1; }
bad="$(git ls-files 'firmware/*.c' 'firmware/*.h' | grep -v '^firmware/ui/' |
  xargs grep -n 'ui\.[A-Za-z_]* =\|ui->[A-Za-z_]* =' || true)"
[ -z "$bad" ] || { echo "FAIL ui fields written outside firmware/ui/: $bad"; fail=1; }
[ "$fail" -eq 0 ] && echo "1 passed, 0 failed" || { echo "0 passed, 1 failed"; exit 1; }
