#!/bin/sh
# vitrine-first-boot: PID 1 of the VM's first boots (the initramfs starts it instead of systemd
# while there is work left; boot.sh copies it to /usr/local/sbin/ in the image).
#   1. Debian: the image's packages were extracted on the host and recorded as "unpacked"
#      (dpkgdb.py); here, on the target's CPU, each preinst runs ("install"), then
#      `dpkg --configure -a` runs every postinst in dependency order, then the triggers.
#   2. the device: when /root/vitrine.deb is there (boot.sh writes it into the disk image with
#      debugfs), install it with dpkg -i and run vitrine-provision, as README-device.md tells a
#      technician; a root shell on the serial console for the test.
# Prints VITRINE-FIRST-BOOT stage=... seconds=... rc=... on the console, then powers off.
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export DEBIAN_FRONTEND=noninteractive DEBCONF_NONINTERACTIVE_SEEN=true LANG=C.UTF-8 HOME=/root
# No Debian initramfs: the VM boots boot.sh's own (update-initramfs's kernel hook honours this),
# which saves minutes of mkinitramfs under TCG.
export INITRD=No
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mountpoint -q /dev || mount -t devtmpfs devtmpfs /dev
mkdir -p /dev/pts /dev/shm
mount -t devpts devpts /dev/pts
mount -t tmpfs tmpfs /run
mount -t tmpfs tmpfs /tmp
mkdir -p /run/lock /var/lib/vitrine-vm

now() { cut -d' ' -f1 /proc/uptime; }
elapsed() { # start (uptime, seconds with two decimals): seconds since, one decimal
  a="$(now | tr -d .)" b="$(echo "$1" | tr -d .)"
  d=$(((a - b) / 10))
  echo "$((d / 10)).$((d % 10))"
}

debian() {
  rc=0
  [ -s /var/lib/vitrine-vm/unpacked ] || { echo "first-boot: no unpacked packages recorded"; return 1; }
  while read -r pkg; do
    script="/var/lib/dpkg/info/$pkg.preinst"
    [ -x "$script" ] || continue
    DPKG_MAINTSCRIPT_PACKAGE="${pkg%%:*}" DPKG_MAINTSCRIPT_ARCH="$(dpkg --print-architecture)" \
      DPKG_MAINTSCRIPT_NAME=preinst DPKG_ROOT= DPKG_ADMINDIR=/var/lib/dpkg \
      "$script" install </dev/null || { echo "first-boot: preinst of $pkg failed"; rc=1; }
  done </var/lib/vitrine-vm/unpacked
  # update-initramfs set aside too (its trigger would run mkinitramfs all the same): minutes.
  dpkg-divert --quiet --local --rename --divert /usr/sbin/update-initramfs.vitrine-vm \
    --add /usr/sbin/update-initramfs && printf '#!/bin/sh\nexit 0\n' >/usr/sbin/update-initramfs &&
    chmod 0755 /usr/sbin/update-initramfs
  dpkg --configure -a --force-confdef --force-confold --force-unsafe-io </dev/null || rc=1
  dpkg --triggers-only -a --force-unsafe-io </dev/null || rc=1
  ldconfig
  if dpkg --audit | grep -q .; then dpkg --audit; rc=1; fi
  [ "$rc" -ne 0 ] || touch /var/lib/vitrine-vm/configured
  return "$rc"
}

device() {
  rc=0
  dpkg -i --force-unsafe-io /root/vitrine.deb </dev/null || rc=1
  rm -f /root/vitrine.deb
  [ "$rc" -ne 0 ] || vitrine-provision </dev/null || rc=1
  return "$rc"
}

stage() { # name, function
  start="$(now)"
  echo "first-boot: $1 ..."
  "$2" 2>&1
  rc=$?
  echo "VITRINE-FIRST-BOOT stage=$1 seconds=$(elapsed "$start") rc=$rc"
  return "$rc"
}

ok=1
if [ ! -e /var/lib/vitrine-vm/configured ]; then stage debian debian || ok=0; fi
if [ "$ok" = 1 ] && [ -e /root/vitrine.deb ]; then stage device device || ok=0; fi
echo "VITRINE-FIRST-BOOT done ok=$ok uptime=$(now)"
sync
mount -o remount,ro / 2>/dev/null
sync
exec busybox poweroff -f
