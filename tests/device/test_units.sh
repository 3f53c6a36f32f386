#!/usr/bin/env bash
# test_units.sh SOURCE_DIR: checks every systemd unit in toolchain/device/systemd/.
#
# - `systemd-analyze verify` on each unit (templates through an instance) must pass and print
#   nothing: unknown keys and bad values are only warnings to systemd, but errors here.
# - `systemd-analyze security --offline=yes` must score vitrine.service 2.0 or better, and the
#   import and rollback units too.
# verify needs the programs the units run and systemd's own units, so it runs against a scratch
# root (--root) holding copies of this machine's units and empty stand-ins for our programs.
set -euo pipefail
src="${1:?usage: test_units.sh SOURCE_DIR}"
units="$src/toolchain/device/systemd"
max_exposure=2.0
command -v systemd-analyze >/dev/null || { echo "systemd-analyze missing (package systemd)"; exit 1; }

root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/usr/lib/systemd" "$root/etc/systemd/system"
cp -r /lib/systemd/system "$root/usr/lib/systemd/"
cp "$units"/*.service "$root/etc/systemd/system/"

# Stand-ins for every program an Exec*= line runs (prefixes - + @ : ! stripped).
grep -h '^Exec[A-Za-z]*=' "$units"/*.service | sed -E 's/^[^=]+=[-+@:!]*//; s/ .*//' | sort -u |
  while read -r prog; do
    mkdir -p "$root$(dirname "$prog")"
    printf '#!/bin/sh\n' >"$root$prog"
    chmod +x "$root$prog"
  done

names=()
for f in "$units"/*.service; do
  n="$(basename "$f")"
  if [[ "$n" == *@.service ]]; then
    inst="${n%@.service}@sda1.service"
    ln -s "$n" "$root/etc/systemd/system/$inst"
    n="$inst"
  fi
  names+=("$n")
done

fail=0
for n in "${names[@]}"; do
  out="$(cd "$root" && systemd-analyze verify --man=no --root="$root" "$n" 2>&1)" || fail=1
  if [ -n "$out" ]; then
    printf 'FAIL verify %s:\n%s\n' "$n" "$out"
    fail=1
  else
    echo "ok   verify $n"
  fi
done

for n in "${names[@]}"; do
  score="$(systemd-analyze security --offline=yes --root="$root" --no-pager "$n" 2>&1 |
    sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')"
  if [ -z "$score" ]; then
    echo "FAIL security $n: no score"
    fail=1
  elif awk -v s="$score" -v m="$max_exposure" 'BEGIN { exit !(s > m) }'; then
    echo "FAIL security $n: exposure $score, want <= $max_exposure"
    systemd-analyze security --offline=yes --root="$root" --no-pager "$n" | grep '✗' || true
    fail=1
  else
    echo "ok   security $n: exposure $score (<= $max_exposure)"
  fi
done

# The udev rule must start the template that exists, and the helper scripts must parse.
rule="$src/toolchain/device/udev/99-vitrine-usb.rules"
if grep -q 'SYSTEMD_WANTS}+="vitrine-usb@%k.service"' "$rule" && [ -f "$units/vitrine-usb@.service" ]; then
  echo "ok   udev rule starts vitrine-usb@%k.service"
else
  echo "FAIL udev rule does not start vitrine-usb@%k.service"
  fail=1
fi
for s in usb-mount retry console-blank; do
  sh -n "$src/toolchain/device/libexec/$s" || { echo "FAIL syntax $s"; fail=1; }
done
bash -n "$src/toolchain/device/provision" || { echo "FAIL syntax provision"; fail=1; }
for s in postinst prerm postrm; do
  sh -n "$src/toolchain/device/debian/$s" || { echo "FAIL syntax $s"; fail=1; }
done
[ "$fail" -eq 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit "$fail"
