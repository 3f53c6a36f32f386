#!/usr/bin/env bash
# test_install.sh BUILD_DIR: installs the .deb built from BUILD_DIR on this machine with apt,
# checks the installed kiosk, then removes and purges it and checks nothing is left but logs.
# CHANGES THE MACHINE (root needed): opt-in, ctest label device-install
# (-DVITRINE_INSTALL_TEST=ON), or run by hand. Refuses to run when vitrine is installed already.
#
# Checked after `apt-get install ./vitrine_*.deb`: the files are in place, the vitrine user
# exists, /etc/vitrine/vitrine.conf is a conffile, the kiosk is enabled for boot (also without
# a running systemd), `vitrine --version` runs from /usr/bin, and a scripted render from the
# installed paths (pack, fonts, config) succeeds and writes a PNG. After `apt-get remove`: the
# programs are gone, the conffile stays (dpkg's rule). After `apt-get purge`: no file the
# package or its scripts created remains (the `vitrine` user stays, as Debian policy wants).
set -euo pipefail
build="$(cd "${1:?usage: test_install.sh BUILD_DIR}" && pwd)"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ "$(id -u)" -eq 0 ] || { echo "needs root"; exit 1; }
if dpkg-query -W -f='${Status}' vitrine 2>/dev/null | grep -q 'ok installed'; then
  echo "vitrine is installed on this machine already; not touching it"
  exit 1
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fails=0
check() {
  local what="$1"; shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; fails=$((fails + 1)); fi
}
# Every path on the machine, minus what changes by itself or is apt's/dpkg's own bookkeeping.
snapshot() {
  find / -xdev \( -path /proc -o -path /sys -o -path /dev -o -path /run -o -path /tmp \
    -o -path /var/tmp -o -path /var/log -o -path /var/cache -o -path /var/lib/apt \
    -o -path /var/lib/dpkg -o -path /root -o -path /home -o -path /work \
    -o -path "$build" \) -prune -o -print 2>/dev/null | sort
}

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log"; exit 1; }
deb="$(ls "$work"/vitrine_*.deb)"
chmod 0755 "$work"
chmod 0644 "$deb"
echo "package: $deb"
# Dependencies first, so the before/after comparison sees only what vitrine itself does.
deps="$(dpkg-deb -f "$deb" Depends | sed 's/([^)]*)//g; s/,/ /g')"
echo "+ apt-get install -y $deps"
apt-get install -y -q --no-install-recommends $deps >"$work/deps.log" 2>&1 ||
  { cat "$work/deps.log"; exit 1; }
snapshot >"$work/before"

export DEBIAN_FRONTEND=noninteractive
echo "+ apt-get install -y $deb"
apt-get install -y -q "$deb" >"$work/install.log" 2>&1 || { cat "$work/install.log"; exit 1; }
check "installed" dpkg-query -W vitrine
for f in /etc/vitrine/vitrine.conf /lib/systemd/system/vitrine.service \
  /lib/udev/rules.d/99-vitrine-usb.rules /usr/share/vitrine/fonts/OFL.txt \
  /usr/sbin/vitrine-provision /var/lib/vitrine /etc/vitrine/keys; do
  check "present $f" test -e "$f"
done
check "vitrine user" getent passwd vitrine
check "store owned by vitrine" test "$(stat -c %U /var/lib/vitrine)" = vitrine
check "vitrine.conf is a conffile" bash -c "dpkg-query -W -f='\${Conffiles}' vitrine | grep -q /etc/vitrine/vitrine.conf"
check "kiosk enabled at boot" test -L /etc/systemd/system/multi-user.target.wants/vitrine.service
if [ -x /usr/bin/vitrine ]; then
  check "vitrine --version" bash -c '/usr/bin/vitrine --version | grep -q "^vitrine "'
  (cd "$work" && SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy SDL_RENDER_DRIVER=software \
    /usr/bin/vitrine --config /etc/vitrine/vitrine.conf --pack /usr/share/vitrine/content.vpack \
    --fonts /usr/share/vitrine/fonts --software --hidden --today 2026-11-23 \
    --script "$here/render.vts" >"$work/render.log" 2>&1) || { cat "$work/render.log"; false; } ||
    fails=$((fails + 1))
  check "scripted render from the installed paths" test -s "$work/kiosk-timeline.png"
else
  echo "note: the package holds no /usr/bin/vitrine yet; --version and render not checked"
fi
for p in vitrine-import vitrine-pack; do
  check "$p --version" bash -c "/usr/bin/$p --version >/dev/null"
done

echo "+ apt-get remove -y vitrine"
apt-get remove -y -q vitrine >"$work/remove.log" 2>&1 || { cat "$work/remove.log"; exit 1; }
check "removed: programs gone" test ! -e /usr/bin/vitrine -a ! -e /lib/systemd/system/vitrine.service
check "removed: conffile kept" test -e /etc/vitrine/vitrine.conf

echo "+ apt-get purge -y vitrine"
apt-get purge -y -q vitrine >"$work/purge.log" 2>&1 || { cat "$work/purge.log"; exit 1; }
check "purged" bash -c '! dpkg-query -W -f="\${Status}" vitrine 2>/dev/null | grep -q installed'
snapshot >"$work/after"
left="$(comm -13 "$work/before" "$work/after")"
if [ -n "$left" ]; then echo "left behind after purge:"; echo "$left"; fi
check "purge leaves no files behind" test -z "$left"
gone="$(comm -23 "$work/before" "$work/after")"
check "nothing of the machine's own was deleted" test -z "$gone"

[ "$fails" -eq 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit "$((fails > 0))"
