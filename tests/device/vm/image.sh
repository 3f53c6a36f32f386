#!/usr/bin/env bash
# image.sh: the Debian bookworm amd64 disk image the VM test boots, with Vitrine's .deb installed
# and provisioned the way README-device.md tells a technician to do it.
#
#   image.sh DEB      prints IMAGE=, KERNEL=, INITRD=, SECKEY=, PUBKEY= lines (shell syntax)
#
# Two cached layers under ${XDG_CACHE_HOME:-$HOME/.cache}/vitrine/vm/, neither ever mounted:
#   - base-HASH.tar: mmdebstrap's bookworm with systemd, udev, the Debian kernel, Mesa and the
#     runtime Depends of the .deb (read with dpkg-deb -f). HASH covers the package list and
#     this script, so it is rebuilt only when either changes (minutes, from deb.debian.org).
#   - device-HASH/: the base extracted to a directory, the .deb installed with dpkg -i in a
#     chroot, the test's public key put in /etc/vitrine/keys/, `vitrine-provision` run as on a
#     device, root autologin on the serial console (the test's shell), then `mkfs.ext4 -d`
#     into disk.raw, with the kernel and initrd beside it. HASH covers the base, the .deb's
#     bytes, the key and this script: an unchanged .deb reuses the image (seconds).
# The minisign keypair the test signs sticks with is made once (keys/) and kept. The two newest
# of each layer are kept, older ones deleted. The VM boots a qcow2 overlay of disk.raw, so the
# cached image is never written. Needs root (chroot, file ownership in the tarball).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/vitrine/vm"
mirror="http://deb.debian.org/debian"
image_size=2G
tmp=
trap '[ -z "$tmp" ] || rm -rf "$tmp"; rm -f "$cache"/base-*.tar.part' EXIT

log() { printf 'image: %s\n' "$*" >&2; }
die() { printf 'image: error: %s\n' "$*" >&2; exit 1; }

# What the base holds: boot, the service manager, Mesa (software rendering in the guest), the
# tools the test's serial shell uses, and every runtime Depends of the .deb.
base_packages() { # deb
  local depends
  depends="$(dpkg-deb -f "$1" Depends | tr ',' '\n' | sed 's/(.*)//; s/|.*//; s/ //g' | grep .)"
  printf '%s\n' systemd-sysv udev linux-image-amd64 initramfs-tools zstd kmod \
    libgl1-mesa-dri libegl1 libegl-mesa0 libgles2 libgbm1 libsdl2-2.0-0 \
    procps util-linux mount $depends | sort -u
}

hash_of() { sha256sum | cut -c1-16; }

# keep_newest GLOB N: deletes all but the N most recently used entries matching GLOB.
keep_newest() {
  local old
  # shellcheck disable=SC2086
  old="$(ls -1dt $1 2>/dev/null | tail -n +$(($2 + 1)))" || true
  [ -z "$old" ] || { log "evicting $(echo "$old" | xargs -n1 basename | xargs)"; echo "$old" | xargs rm -rf; }
}

build_base() { # tar, packages...
  local tar="$1"; shift
  log "building base layer $(basename "$tar") (mmdebstrap, $# packages)"
  mmdebstrap --variant=minbase --format=tar --aptopt='APT::Install-Recommends "false"' \
    --include="$(echo "$@" | tr ' ' ',')" \
    --customize-hook='echo vitrine-vm >"$1/etc/hostname"' \
    bookworm "$tar.part" "$mirror" >&2
  mv "$tar.part" "$tar"
}

ensure_keys() {
  mkdir -p "$cache/keys"
  [ -f "$cache/keys/test.key" ] && return 0
  log "making the test's signing key (minisign -G -W)"
  minisign -G -W -p "$cache/keys/test.pub" -s "$cache/keys/test.key" >/dev/null
}

# The root shell on the serial console the test types its commands into.
serial_autologin() { # root dir
  mkdir -p "$1/etc/systemd/system/serial-getty@ttyS0.service.d"
  cat >"$1/etc/systemd/system/serial-getty@ttyS0.service.d/autologin.conf" <<'EOF'
# Vitrine VM test only: root shell on the serial console for the test's commands.
[Service]
ExecStart=
ExecStart=-/sbin/agetty --autologin root --noclear --keep-baud 115200 %I dumb
EOF
}

install_device() { # root dir, deb
  local dir="$1" deb="$2"
  cp "$deb" "$dir/tmp/vitrine.deb"
  chroot "$dir" dpkg -i /tmp/vitrine.deb >&2
  rm "$dir/tmp/vitrine.deb"
  install -m 0644 "$cache/keys/test.pub" "$dir/etc/vitrine/keys/test.pub"
  chroot "$dir" vitrine-provision >&2
  serial_autologin "$dir"
}

build_device() { # out dir, base tar, deb
  local out="$1" tar="$2" deb="$3"
  log "building device image $(basename "$out")"
  tmp="$(mktemp -d "$cache/tmp.XXXXXX")"
  mkdir "$tmp/root" "$tmp/out"
  tar -C "$tmp/root" --numeric-owner -xpf "$tar"
  install_device "$tmp/root" "$deb"
  cp "$tmp/root"/boot/vmlinuz-* "$tmp/out/vmlinuz"
  cp "$tmp/root"/boot/initrd.img-* "$tmp/out/initrd.img"
  truncate -s "$image_size" "$tmp/out/disk.raw"
  mkfs.ext4 -q -L vitrine-root -d "$tmp/root" "$tmp/out/disk.raw"
  mv "$tmp/out" "$out"
  rm -rf "$tmp"
}

main() {
  local deb="${1:?usage: image.sh DEB}" packages base_key base device_key device
  [ -f "$deb" ] || die "no such .deb: $deb"
  [ "$(id -u)" -eq 0 ] || die "needs root (chroot and file ownership)"
  mkdir -p "$cache"
  ensure_keys
  packages="$(base_packages "$deb")"
  base_key="$( (echo "$packages"; cat "$0") | hash_of)"
  base="$cache/base-$base_key.tar"
  # shellcheck disable=SC2086
  [ -f "$base" ] || build_base "$base" $packages
  touch "$base"
  device_key="$( (echo "$base_key"; cat "$deb" "$cache/keys/test.pub" "$0") | hash_of)"
  device="$cache/device-$device_key"
  [ -d "$device" ] || build_device "$device" "$base" "$deb"
  touch "$device"
  keep_newest "$cache/base-*.tar" 2
  keep_newest "$cache/device-*" 2
  printf 'IMAGE=%s\nKERNEL=%s\nINITRD=%s\nSECKEY=%s\nPUBKEY=%s\n' "$device/disk.raw" \
    "$device/vmlinuz" "$device/initrd.img" "$cache/keys/test.key" "$cache/keys/test.pub"
}

main "$@"
