#!/usr/bin/env bash
# boot.sh: the arm64 .deb on Debian bookworm arm64 in qemu-system-aarch64 -M virt (TCG), up to
# the kiosk's first frame, built on an amd64 host that cannot run arm64 code.
#
#   boot.sh [DEB]     DEB defaults to build-arm64/vitrine_*_arm64.deb (made with
#                     toolchain/cross-build package when missing). Needs root.
#
# Design. This host has qemu-user but no binfmt_misc handler, so nothing may execute an arm64
# binary while the image is made: no chroot, no dpkg --install, no update-initramfs, no depmod
# inside the tree. The work is split where a Debian installation splits anyway:
#   1. On the host (base layer): `mmdebstrap --variant=extract --arch=arm64` downloads Debian's
#      packages (systemd-sysv, udev, kmod, linux-image-arm64, Mesa, SDL2, the .deb's runtime
#      Depends, busybox-static) and only extracts them into a merged-/usr tree; dpkgdb.py then
#      records them in dpkg's database as "unpacked" (status, info/*.list, maintainer scripts,
#      conffile hashes, trigger interests) exactly as `dpkg --unpack` would, without running
#      any preinst. The kernel's modules need no arm64 code either: the host's depmod reads
#      arm64 ELF, and a tiny initramfs (busybox-static:arm64 from the tree, the virtio PCI,
#      virtio-blk and ext4 modules with their dependencies, initramfs-init as /init) is packed
#      with cpio. `mkfs.ext4 -d` turns the tree into a disk image; nothing is mounted.
#   2. First boot, in the VM (still the base layer): the initramfs starts first-boot.sh as PID 1,
#      which runs the preinsts and `dpkg --configure -a` on the target's own CPU, and powers
#      off. The configured disk is cached: it depends only on the package list and these files.
#   3. Device layer: a copy of the configured disk gets the .deb written into it with
#      `debugfs -w` (no mounting); the next boot's first-boot.sh installs it with dpkg -i and
#      runs vitrine-provision, as README-device.md tells a technician, then powers off.
#   4. The kiosk boot: a qcow2 overlay on the device disk (the cache is never written), the
#      initramfs now hands over to systemd; checked through QMP and the serial console
#      (kiosk.py): QEMU start to the first non-black screendump, `systemctl is-active vitrine`,
#      the kiosk's renderer line in the journal, systemd-analyze, a PNG of the screen.
# The layers are cached under ${XDG_CACHE_HOME:-$HOME/.cache}/vitrine/vm-arm64/ as base-KEY/
# and device-KEY/ (KEY: a hash of the package list and these scripts, plus the .deb's bytes for
# the device layer); the two newest of each are kept. One VM at a time; QEMU is always killed
# when this script exits. Timings go to OUT/times.txt (OUT: build-arm64/vm-arm64/), with the
# screen (screen.png, first-frame.png) and the kiosk boot's journal (journal.txt).
#
# Measured on the 2-core machine with another TCG VM running beside it: base image on the host
# 54 s; first boot `dpkg --configure -a` (189 packages) 200 s; .deb + provision 30 s; kiosk boot
# QEMU start -> first frame 81-109 s; a warm run (both layers cached) 188 s in all. Under TCG
# the kiosk is slow enough (softpipe on an emulated CPU) that its first start can beat
# virtio_gpu's DRM device ("kmsdrm not available", restarted by systemd) and that systemd's 20 s
# watchdog kills it after its first frame; both are in journal.txt and NRestarts in times.txt.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/vitrine/vm-arm64"
out="${VITRINE_VM_OUT:-$root/build-arm64/vm-arm64}"
mirror="http://deb.debian.org/debian"
image_size=4G
first_boot_timeout="${VITRINE_VM_FIRST_BOOT_TIMEOUT:-3600}"
kiosk_timeout="${VITRINE_VM_KIOSK_TIMEOUT:-900}"
python=/usr/bin/python3
tmp= qemu_pid=

cleanup() {
  if [ -n "$qemu_pid" ] && kill -0 "$qemu_pid" 2>/dev/null; then
    kill "$qemu_pid" 2>/dev/null || true
    sleep 1
    kill -9 "$qemu_pid" 2>/dev/null || true
  fi
  [ -z "$tmp" ] || rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { printf 'vm-arm64: %s\n' "$*" >&2; }
die() { printf 'vm-arm64: error: %s\n' "$*" >&2; exit 1; }
hash_of() { sha256sum | cut -c1-16; }
clock() { date +%s.%N; }
since() { echo "$(clock) $1" | awk '{ printf "%.1f", $1 - $2 }'; }
record() { log "time: $*"; echo "$*" >>"$out/times.txt"; }

ensure_tools() {
  local want=(qemu-system-arm qemu-utils mmdebstrap e2fsprogs kmod cpio dpkg-dev python3) missing=() p
  for p in "${want[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
}

# keep_newest GLOB N: deletes all but the N most recently used entries matching GLOB.
keep_newest() {
  local old
  # shellcheck disable=SC2086
  old="$(ls -1dt $1 2>/dev/null | tail -n +$(($2 + 1)))" || true
  [ -z "$old" ] || { log "evicting $(echo "$old" | xargs -n1 basename | xargs)"; echo "$old" | xargs rm -rf; }
}

# What the image holds: boot, the service manager, Mesa, the serial shell's tools, busybox for
# the initramfs, and every runtime Depends of the .deb.
base_packages() { # deb
  local depends
  depends="$(dpkg-deb -f "$1" Depends | tr ',' '\n' | sed 's/(.*)//; s/|.*//; s/ //g' | grep .)"
  printf '%s\n' systemd-sysv udev kmod linux-image-arm64 busybox-static \
    libgl1-mesa-dri libegl1 libegl-mesa0 libgles2 libgbm1 libsdl2-2.0-0 \
    procps util-linux mount $depends | sort -u
}

# The modules the initramfs loads to find the root disk, in load order (the host's modprobe
# reads the arm64 tree's modules.dep; nothing runs from the tree).
initramfs_modules() { # tree, kernel version
  modprobe -d "$1" -S "$2" --show-depends -a crc32c_generic virtio_pci virtio_blk ext4 |
    sed -n 's/^insmod //p' | awk '!seen[$0]++'
}

build_initramfs() { # tree, kernel version, output
  local tree="$1" version="$2" output="$3" dir module
  dir="$(mktemp -d "$tmp/initramfs.XXXXXX")"
  mkdir -p "$dir/bin" "$dir/proc" "$dir/sys" "$dir/dev" "$dir/newroot"
  cp "$tree/usr/bin/busybox" "$dir/bin/busybox"
  install -m 0755 "$here/initramfs-init" "$dir/init"
  : >"$dir/modules.list"
  while read -r module; do
    module="${module#"$tree"}"
    mkdir -p "$dir$(dirname "$module")"
    cp "$tree$module" "$dir$module"
    echo "$module" >>"$dir/modules.list"
  done < <(initramfs_modules "$tree" "$version")
  log "initramfs: busybox and $(wc -l <"$dir/modules.list") modules ($(xargs -n1 basename <"$dir/modules.list" | xargs))"
  (cd "$dir" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0 | gzip -9) >"$output"
}

serial_autologin() { # tree
  mkdir -p "$1/etc/systemd/system/serial-getty@ttyAMA0.service.d"
  cat >"$1/etc/systemd/system/serial-getty@ttyAMA0.service.d/autologin.conf" <<'EOF'
# Vitrine arm64 VM only: root shell on the serial console for the test's commands.
[Service]
ExecStart=
ExecStart=-/sbin/agetty --autologin root --noclear --keep-baud 115200 %I dumb
EOF
}

qemu_args() { # dir holding vmlinuz and initrd.img, drive file, drive format, run dir
  printf '%s\n' qemu-system-aarch64 -M virt -cpu cortex-a72 -m 1024 -smp 2 -accel tcg \
    -nodefaults -display none -nic none -no-reboot \
    -kernel "$1/vmlinuz" -initrd "$1/initrd.img" \
    -append "root=/dev/vda rw console=ttyAMA0 panic=-1 loglevel=4" \
    -drive "file=$2,format=$3,if=none,id=root,cache=unsafe" -device virtio-blk-pci,drive=root \
    -device virtio-gpu-pci,xres=1280,yres=800,edid=off \
    -device qemu-xhci,id=xhci -device usb-tablet,bus=xhci.0 \
    -qmp "unix:$4/qmp.sock,server=on,wait=off" \
    -chardev "socket,id=serial,path=$4/serial.sock,server=on,wait=off,logfile=$4/console.log" \
    -serial chardev:serial
}

start_qemu() { # args file, run dir
  local -a args
  mapfile -t args <"$1"
  rm -f "$2/qmp.sock" "$2/serial.sock"
  "${args[@]}" </dev/null >>"$2/qemu.log" 2>&1 &
  qemu_pid=$!
}

# A first boot: the guest configures itself and powers off; the console log tells how it went.
first_boot() { # dir with kernel+initrd, disk, run dir, what
  local dir="$1" disk="$2" run="$3" what="$4" start waited=0
  mkdir -p "$run"
  : >"$run/console.log"
  qemu_args "$dir" "$disk" raw "$run" >"$run/args"
  log "first boot ($what) in qemu-system-aarch64 under TCG; console: $run/console.log"
  start="$(clock)"
  start_qemu "$run/args" "$run"
  while kill -0 "$qemu_pid" 2>/dev/null; do
    sleep 5
    waited=$((waited + 5))
    [ "$waited" -lt "$first_boot_timeout" ] || die "first boot ($what) not done in ${first_boot_timeout}s"
  done
  wait "$qemu_pid" || true
  qemu_pid=
  grep -a 'VITRINE-FIRST-BOOT' "$run/console.log" >&2 || true
  grep -aq 'VITRINE-FIRST-BOOT done ok=1' "$run/console.log" ||
    die "first boot ($what) failed; see $run/console.log"
  record "first boot ($what): $(since "$start") s from QEMU start to power-off; $(grep -a 'VITRINE-FIRST-BOOT stage' "$run/console.log" | tr -d '\r' | sed 's/.*stage=//' | xargs)"
}

build_base() { # out dir, packages...
  local dir="$1" tree version start
  shift
  start="$(clock)"
  tmp="$(mktemp -d "$cache/tmp.XXXXXX")"
  tree="$tmp/root"
  log "base: mmdebstrap --variant=extract --arch=arm64, $# packages (no arm64 code runs)"
  mmdebstrap --variant=extract --arch=arm64 --mode=root \
    --aptopt='APT::Install-Recommends "false"' \
    --include='?essential' --include="$(echo "$@" | tr ' ' ',')" \
    --setup-hook='for d in bin sbin lib; do ln -s usr/$d "$1/$d"; mkdir -p "$1/usr/$d"; done' \
    --extract-hook="$python '$here/dpkgdb.py' \"\$1\" \"\$1\"/var/cache/apt/archives/*.deb" \
    bookworm "$tree" "$mirror" >&2
  version="$(basename "$(ls -d "$tree"/usr/lib/modules/*)")"
  depmod -b "$tree" "$version"
  echo vitrine-vm >"$tree/etc/hostname"
  printf '127.0.0.1\tlocalhost\n127.0.1.1\tvitrine-vm\n' >"$tree/etc/hosts"
  install -D -m 0755 "$here/first-boot.sh" "$tree/usr/local/sbin/vitrine-first-boot"
  serial_autologin "$tree"
  mkdir -p "$tmp/out"
  cp "$tree/boot/vmlinuz-$version" "$tmp/out/vmlinuz"
  build_initramfs "$tree" "$version" "$tmp/out/initrd.img"
  truncate -s "$image_size" "$tmp/out/disk.raw"
  mkfs.ext4 -q -L vitrine-root -d "$tree" "$tmp/out/disk.raw"
  rm -rf "$tree"
  record "base image built on the host (mmdebstrap extract, dpkgdb, initramfs, mkfs.ext4 -d): $(since "$start") s"
  first_boot "$tmp/out" "$tmp/out/disk.raw" "$tmp/first-boot" "dpkg --configure -a"
  mv "$tmp/first-boot/console.log" "$tmp/out/first-boot.log"
  mv "$tmp/out" "$dir"
  rm -rf "$tmp"
  tmp=
}

build_device() { # out dir, base dir, deb
  local dir="$1" base="$2" deb="$3"
  tmp="$(mktemp -d "$cache/tmp.XXXXXX")"
  mkdir "$tmp/out"
  cp --sparse=always "$base/disk.raw" "$tmp/out/disk.raw"
  cp "$base/vmlinuz" "$base/initrd.img" "$tmp/out/"
  debugfs -w -R "write $deb /root/vitrine.deb" "$tmp/out/disk.raw" >/dev/null 2>&1
  debugfs -R "stat /root/vitrine.deb" "$tmp/out/disk.raw" 2>/dev/null | grep -q 'Size: [1-9]' ||
    die "debugfs did not write the .deb into the image"
  first_boot "$tmp/out" "$tmp/out/disk.raw" "$tmp/first-boot" "dpkg -i vitrine + vitrine-provision"
  mv "$tmp/first-boot/console.log" "$tmp/out/first-boot.log"
  mv "$tmp/out" "$dir"
  rm -rf "$tmp"
  tmp=
}

boot_kiosk() { # device dir
  local dir="$1" run="$out/run"
  rm -rf "$run"
  mkdir -p "$run"
  qemu-img create -q -f qcow2 -b "$dir/disk.raw" -F raw "$run/disk.qcow2"
  qemu_args "$dir" "$run/disk.qcow2" qcow2 "$run" >"$run/args"
  log "kiosk boot; console: $run/console.log"
  start_qemu "$run/args" "$run"
  "$python" "$here/kiosk.py" --qmp "$run/qmp.sock" --serial "$run/serial.sock" \
    --out "$out" --timeout "$kiosk_timeout" --started "$(clock)"
}

main() {
  local deb="${1:-}" packages base_key base device_key device start
  [ "$(id -u)" -eq 0 ] || die "needs root (file ownership in the image, apt-get)"
  if [ -z "$deb" ]; then
    deb="$(ls -1t "$root"/build-arm64/vitrine_*_arm64.deb 2>/dev/null | head -n1)" || true
    [ -n "$deb" ] || { "$root/toolchain/cross-build" package >&2; deb="$(ls -1t "$root"/build-arm64/vitrine_*_arm64.deb | head -n1)"; }
  fi
  [ -f "$deb" ] || die "no such .deb: $deb"
  deb="$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")"
  ensure_tools
  if ! qemu-system-aarch64 --version >/dev/null 2>&1; then
    log "skipped: qemu-system-aarch64 does not run here"
    exit 77
  fi
  mkdir -p "$cache" "$out"
  : >"$out/times.txt"
  start="$(clock)"
  packages="$(base_packages "$deb")"
  base_key="$( (echo "$packages"; grep -hv "^ *#" "$0" "$here/dpkgdb.py" "$here/first-boot.sh" "$here/initramfs-init") | hash_of)"
  base="$cache/base-$base_key"
  # shellcheck disable=SC2086
  if [ -d "$base" ]; then log "base layer cached: $base"; else build_base "$base" $packages; fi
  touch "$base"
  device_key="$( (echo "$base_key"; cat "$deb") | hash_of)"
  device="$cache/device-$device_key"
  if [ -d "$device" ]; then log "device layer cached: $device"; else build_device "$device" "$base" "$deb"; fi
  touch "$device"
  keep_newest "$cache/base-*" 2
  keep_newest "$cache/device-*" 2
  boot_kiosk "$device"
  record "whole run: $(since "$start") s"
  log "times: $out/times.txt"
}

main "$@"
