#!/usr/bin/env bash
# test_retry.sh SOURCE_DIR: the crash-loop back-off of toolchain/device/libexec/retry. With
# systemctl and systemd-run replaced by stand-ins that log their arguments, seven rollbacks in a
# row must schedule the kiosk's restart after 10, 20, 40, 80, 160, 300 and 300 s (never giving
# up), clearing its failed state each time; a rollback more than an hour after the others
# starts again at 10 s; and when no timer can be made the kiosk is started at once.
set -euo pipefail
src="${1:?usage: test_retry.sh SOURCE_DIR}"
retry="$src/toolchain/device/libexec/retry"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/bin"
printf '#!/bin/sh\necho "systemctl $*" >>"%s/calls"\n' "$tmp" >"$tmp/bin/systemctl"
printf '#!/bin/sh\necho "systemd-run $*" >>"%s/calls"\nexit ${RUN_RC:-0}\n' "$tmp" >"$tmp/bin/systemd-run"
chmod +x "$tmp/bin/"*
export PATH="$tmp/bin:$PATH" VITRINE_RETRY_STATE="$tmp/state" VITRINE_RETRY_BASE=10 VITRINE_RETRY_MAX=300
fails=0
delays=()
for t in 100 130 170 230 330 500 800; do
  VITRINE_RETRY_NOW=$t sh "$retry" >/dev/null
  delays+=("$(sed -n 's/.*--on-active=\([0-9]*\)s.*/\1/p' "$tmp/calls" | tail -n1)")
done
if [ "${delays[*]}" = "10 20 40 80 160 300 300" ]; then echo "ok   back-off ${delays[*]}";
else echo "FAIL back-off ${delays[*]}, want 10 20 40 80 160 300 300"; fails=1; fi
n="$(grep -c 'systemctl reset-failed vitrine.service' "$tmp/calls")"
if [ "$n" -eq 7 ]; then echo "ok   failed state cleared every time";
else echo "FAIL reset-failed $n times, want 7"; fails=1; fi
VITRINE_RETRY_NOW=5000 sh "$retry" >/dev/null
d="$(sed -n 's/.*--on-active=\([0-9]*\)s.*/\1/p' "$tmp/calls" | tail -n1)"
if [ "$d" = 10 ]; then echo "ok   an hour later the delay starts again at 10 s";
else echo "FAIL an hour later: $d s"; fails=1; fi
: >"$tmp/calls"
RUN_RC=1 VITRINE_RETRY_NOW=5001 sh "$retry" >/dev/null
if grep -q 'systemctl --no-block start vitrine.service' "$tmp/calls"; then echo "ok   no timer: started at once";
else echo "FAIL no timer: kiosk not started"; fails=1; fi
[ "$fails" -eq 0 ] && echo "1 passed, 0 failed" || { echo "0 passed, 1 failed"; exit 1; }
