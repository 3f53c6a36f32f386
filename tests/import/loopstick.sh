#!/usr/bin/env bash
# The USB stick for real: a file-system image on a loop device stands in for the stick. For
# each of ext4, FAT32 and exFAT: format the image, write the stick layout (a signed pack), mount
# it read-only with nosuid,nodev,noexec (as toolchain/device/libexec/usb-mount does through
# systemd-mount), and install from it with vitrine-import. A file system the kernel cannot
# mount here is skipped and said so; without root or loop devices the whole test is skipped
# (exit 77).
#   loopstick.sh VITRINE_IMPORT VITRINE_PACK
set -uo pipefail
importer="$1" packtool="$2"
src="${VITRINE_SOURCE_DIR:?}"
[ "$(id -u)" -eq 0 ] && [ -e /dev/loop-control ] || { echo "skipped: needs root and loop devices"; exit 77; }
tmp="$(mktemp -d)"
mnt="$tmp/mnt"
mkdir -p "$mnt"
trap 'mountpoint -q "$mnt" && umount "$mnt"; rm -rf "$tmp"' EXIT
minisign -G -W -p "$tmp/k.pub" -s "$tmp/k.key" >/dev/null
cp -r "$src/content" "$tmp/content"
passed=0 failed=0 skipped=0 version=1
for fs in ext4 vfat exfat; do
  img="$tmp/$fs.img"
  truncate -s 64M "$img"
  case "$fs" in
    ext4) mk=(mkfs.ext4 -q -F "$img") ;;
    vfat) mk=(mkfs.vfat -F 32 "$img") ;;
    exfat) mk=(mkfs.exfat "$img") ;;
  esac
  if ! command -v "${mk[0]}" >/dev/null || ! "${mk[@]}" >/dev/null 2>&1 ||
    ! mount -o loop "$img" "$mnt" 2>/dev/null; then
    echo "$fs: skipped (no ${mk[0]} or the kernel cannot mount $fs here)"
    skipped=$((skipped + 1))
    continue
  fi
  version=$((version + 1))
  sed -i "s/^version: .*/version: $version/" "$tmp/content/pack.txt"
  mkdir -p "$mnt/vitrine"
  "$packtool" build "$tmp/content" -o "$mnt/vitrine/content.vpack" >/dev/null
  minisign -S -s "$tmp/k.key" -m "$mnt/vitrine/content.vpack" -t "vitrine-pack version $version" >/dev/null
  umount "$mnt"
  mount -o loop,ro,nosuid,nodev,noexec "$img" "$mnt"
  if "$importer" --store "$tmp/store" --keys "$tmp/k.pub" install "$mnt" &&
    "$importer" --store "$tmp/store" status | grep -q "version $version"; then
    echo "$fs: version $version installed from a read-only loop-mounted stick"
    passed=$((passed + 1))
  else
    echo "$fs: FAILED"
    failed=$((failed + 1))
  fi
  umount "$mnt"
done
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] || exit 1
[ "$passed" -gt 0 ] || exit 77
