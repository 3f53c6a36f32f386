#!/usr/bin/env bash
# test_provision.sh SOURCE_DIR: runs toolchain/device/provision against a scratch root (--root)
# shaped like a fresh Raspberry Pi OS Lite: it must make every lock-down change, change nothing
# on a second run, change nothing with --dry-run, and --undo must restore the original files.
set -euo pipefail
src="${1:?usage: test_provision.sh SOURCE_DIR}"
prov="$src/toolchain/device/provision"
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
fails=0
check() { # description, command...
  local what="$1"; shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; fails=$((fails + 1)); fi
}

orig="console=serial0,115200 console=tty1 root=PARTUUID=4e639091-02 rootfstype=ext4 fsck.repair=yes rootwait"
mkdir -p "$root/boot/firmware" "$root/lib/systemd/system" "$root/etc/systemd/system"
echo "$orig" >"$root/boot/firmware/cmdline.txt"
cp "$src/toolchain/device/systemd/vitrine.service" "$root/lib/systemd/system/"
snapshot() { (cd "$root" && find . -printf '%p %l\n' | sort && find . -type f -exec md5sum {} + | sort); }

before="$(snapshot)"
out="$("$prov" --dry-run --root "$root")"
check "dry run lists changes" grep -q "would" <<<"$out"
check "dry run changes nothing" test "$before" = "$(snapshot)"

"$prov" --root "$root" >/dev/null
line="$(cat "$root/boot/firmware/cmdline.txt")"
check "cmdline.txt: one line" test "$(wc -l <"$root/boot/firmware/cmdline.txt")" -eq 1
for w in consoleblank=0 vt.global_cursor_default=0 console=tty3 console=serial0,115200 \
  root=PARTUUID=4e639091-02 rootwait quiet loglevel=3; do
  check "cmdline.txt has $w" grep -qw -- "$w" <<<"$line"
done
check "cmdline.txt: console=tty1 gone" bash -c '! grep -qw "console=tty1" <<<"$1"' _ "$line"
check "cmdline.txt backed up" test "$(cat "$root/boot/firmware/cmdline.txt.vitrine-backup")" = "$orig"
check "getty@tty1 masked" test "$(readlink "$root/etc/systemd/system/getty@tty1.service")" = /dev/null
check "ctrl-alt-del masked" test "$(readlink "$root/etc/systemd/system/ctrl-alt-del.target")" = /dev/null
check "sysrq off" grep -qx 'kernel.sysrq = 0' "$root/etc/sysctl.d/90-vitrine.conf"
check "journal volatile" grep -qx 'Storage=volatile' "$root/etc/systemd/journald.conf.d/90-vitrine.conf"
check "no autovt gettys" grep -qx 'NAutoVTs=0' "$root/etc/systemd/logind.conf.d/90-vitrine.conf"
check "no cursor off a Pi too" grep -qx 'w /sys/module/vt/parameters/global_cursor_default - - - - 0' "$root/etc/tmpfiles.d/90-vitrine-console.conf"
check "kiosk enabled" test -L "$root/etc/systemd/system/multi-user.target.wants/vitrine.service"

after="$(snapshot)"
out="$("$prov" --root "$root")"
check "second run: nothing to change" grep -q "nothing to change" <<<"$out"
check "second run: no file touched" test "$after" = "$(snapshot)"

"$prov" --undo --root "$root" >/dev/null
check "undo: cmdline.txt restored" test "$(cat "$root/boot/firmware/cmdline.txt")" = "$orig"
check "undo: getty@tty1 unmasked" test ! -e "$root/etc/systemd/system/getty@tty1.service"
check "undo: drop-ins gone" test ! -e "$root/etc/sysctl.d/90-vitrine.conf"
out="$("$prov" --undo --root "$root")"
check "second undo: nothing to change" grep -q "nothing to change" <<<"$out"

[ "$fails" -eq 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit "$((fails > 0))"
