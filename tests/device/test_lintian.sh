#!/usr/bin/env bash
# test_lintian.sh BUILD_DIR: builds the .deb from BUILD_DIR with CPack (into a scratch folder,
# so the build's own packages are left alone), checks its contents, and runs lintian on it.
# Any lintian error fails the test; warnings are printed for the record. Exits 77 (skipped)
# when the build has no packaging (toolchain/packaging.cmake not included).
set -euo pipefail
build="$(cd "${1:?usage: test_lintian.sh BUILD_DIR}" && pwd)"
[ -f "$build/CPackConfig.cmake" ] || { echo "no CPackConfig.cmake in $build: skipped"; exit 77; }
command -v lintian >/dev/null || { echo "lintian missing (apt-get install lintian)"; exit 1; }
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

if ! cpack -G DEB --config "$build/CPackConfig.cmake" -B "$out" >"$out/cpack.log" 2>&1; then
  cat "$out/cpack.log"
  echo "0 passed, 1 failed"
  exit 1
fi
deb="$(ls "$out"/vitrine_*.deb)"
echo "package: $(basename "$deb") ($(stat -c %s "$deb") bytes)"

fails=0
contents="$(dpkg-deb -c "$deb")"
for f in ./etc/vitrine/vitrine.conf ./lib/systemd/system/vitrine.service \
  ./lib/systemd/system/vitrine-usb@.service ./lib/systemd/system/vitrine-rollback.service \
  ./lib/udev/rules.d/99-vitrine-usb.rules ./usr/share/vitrine/fonts/OFL.txt \
  ./usr/share/doc/vitrine/copyright ./usr/libexec/vitrine/usb-mount ./usr/sbin/vitrine-provision; do
  grep -q " $f\$" <<<"$contents" || { echo "FAIL missing $f"; fails=$((fails + 1)); }
done
# The programs (and with vitrine-pack the content pack) are in once the build has them.
for t in vitrine vitrine-pack vitrine-import; do
  if [ -n "$(find "$build/firmware" -maxdepth 2 -type f -name "$t" -perm -u+x)" ]; then
    grep -q " ./usr/bin/$t\$" <<<"$contents" || { echo "FAIL missing /usr/bin/$t"; fails=$((fails + 1)); }
  fi
done
if grep -q ' ./usr/bin/vitrine-pack$' <<<"$contents"; then
  grep -q ' ./usr/share/vitrine/content.vpack$' <<<"$contents" ||
    { echo "FAIL missing /usr/share/vitrine/content.vpack"; fails=$((fails + 1)); }
fi
dpkg-deb -f "$deb" Depends | grep -q adduser || { echo "FAIL Depends lacks adduser"; fails=$((fails + 1)); }
# read aloud: the synthesizer's library (from dpkg-shlibdeps) and its voices
for dep in libespeak-ng1 espeak-ng-data; do
  dpkg-deb -f "$deb" Depends | grep -q "$dep" || { echo "FAIL Depends lacks $dep"; fails=$((fails + 1)); }
done
dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles | grep -qx /etc/vitrine/vitrine.conf ||
  { echo "FAIL /etc/vitrine/vitrine.conf is not a conffile"; fails=$((fails + 1)); }

lintian --no-tag-display-limit --display-info "$deb" >"$out/lintian.txt" 2>&1 || true
cat "$out/lintian.txt"
errors="$(grep -c '^E: ' "$out/lintian.txt" || true)"
warnings="$(grep -c '^W: ' "$out/lintian.txt" || true)"
echo "lintian: $errors error(s), $warnings warning(s)"
[ "$errors" -eq 0 ] || fails=$((fails + 1))
[ "$fails" -eq 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit "$((fails > 0))"
