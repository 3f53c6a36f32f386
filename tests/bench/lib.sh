# Shared by the benchmark scripts (sourced, not run): bench.sh and scale.sh.
#   json STATS KEY      a number from the kiosk's --stats line
#   median              the median of numbers on stdin, one a line
#   grind VITRINE PACK SCRIPT DIR [VALGRIND-OPTIONS...]
#                       runs the kiosk on SCRIPT under callgrind (1920x1080, software renderer,
#                       SDL's dummy video and audio drivers, the date pinned) and prints
#                       "instructions frames"; without toggle options the instructions are the
#                       whole process's (with first.vts: the instructions to the first frame).
#                       Leaves the profile in DIR/cg and the --stats line in DIR/stats (DIR from
#                       mktemp -d: two runs at once do not overwrite each other's files).
json() { sed -n "s/.*\"$2\": \([0-9.]*\).*/\1/p" <<<"$1"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
grind() {
  local vitrine="$1" pack="$2" script="$3" dir="$4" fonts
  fonts="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/assets/fonts"
  shift 4
  SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy SDL_RENDER_DRIVER=software \
    valgrind --tool=callgrind --callgrind-out-file="$dir/cg" "$@" "$vitrine" --pack "$pack" \
    --fonts "$fonts" --size 1920x1080 --software --hidden --today 2026-11-23 --script "$script" \
    --stats >"$dir/stats" 2>"$dir/err" || { cat "$dir/err" >&2; return 1; }
  echo "$(sed -n 's/^summary: \([0-9]*\).*/\1/p' "$dir/cg") $(json "$(cat "$dir/stats")" frames)"
}
