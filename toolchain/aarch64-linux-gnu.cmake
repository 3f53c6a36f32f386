# aarch64-linux-gnu.cmake: cross-compiling Vitrine for the Raspberry Pi (64-bit Raspberry Pi OS,
# bookworm) on a Debian 12 amd64 machine. Used by toolchain/cross-build; by hand:
#   cmake -S . -B build-arm64 -DCMAKE_TOOLCHAIN_FILE=toolchain/aarch64-linux-gnu.cmake
#
# Two ways to get the arm64 libraries, both Debian's own packages:
#   - multiarch (the default, what cross-build sets up): `dpkg --add-architecture arm64` and the
#     `:arm64` -dev packages install beside the amd64 ones, under /usr/lib/aarch64-linux-gnu and
#     /usr/include; the compiler (crossbuild-essential-arm64) finds them without a sysroot, and
#     Debian's aarch64-linux-gnu-pkg-config (pkgconf's cross personality) reports their flags.
#   - a separate sysroot, for a machine where the arm64 -dev packages cannot co-install (a
#     Multi-Arch conflict, or amd64 -dev versions that differ from the arm64 ones on the
#     mirror): set VITRINE_ARM64_SYSROOT (cache variable or environment) to a directory made
#     with `apt-get download` + `dpkg -x`; cross-build --sysroot does that.
#
# Programs built here run under qemu-user: CMAKE_CROSSCOMPILING_EMULATOR makes ctest (and
# custom commands, e.g. vitrine-pack building the content pack) start them as
# `qemu-aarch64 PROGRAM`, with no binfmt_misc registration needed (none in a container).
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(VT_TRIPLET aarch64-linux-gnu)

set(CMAKE_C_COMPILER ${VT_TRIPLET}-gcc)
set(CMAKE_CXX_COMPILER ${VT_TRIPLET}-g++)
set(CMAKE_LIBRARY_ARCHITECTURE ${VT_TRIPLET})

if(NOT VITRINE_ARM64_SYSROOT AND DEFINED ENV{VITRINE_ARM64_SYSROOT})
  set(VITRINE_ARM64_SYSROOT "$ENV{VITRINE_ARM64_SYSROOT}")
endif()
set(VITRINE_ARM64_SYSROOT "${VITRINE_ARM64_SYSROOT}" CACHE PATH
    "arm64 root from apt-get download + dpkg -x; empty: multiarch libraries of this machine")

if(VITRINE_ARM64_SYSROOT)
  set(CMAKE_SYSROOT "${VITRINE_ARM64_SYSROOT}")
  set(CMAKE_FIND_ROOT_PATH "${VITRINE_ARM64_SYSROOT}")
  set(ENV{PKG_CONFIG_SYSROOT_DIR} "${VITRINE_ARM64_SYSROOT}")
  set(ENV{PKG_CONFIG_LIBDIR}
      "${VITRINE_ARM64_SYSROOT}/usr/lib/${VT_TRIPLET}/pkgconfig:${VITRINE_ARM64_SYSROOT}/usr/share/pkgconfig")
  set(PKG_CONFIG_EXECUTABLE pkg-config CACHE FILEPATH "pkg-config for the arm64 sysroot")
  set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
  set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
  set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
  set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
else()
  set(PKG_CONFIG_EXECUTABLE ${VT_TRIPLET}-pkg-config CACHE FILEPATH "pkg-config for arm64")
endif()

find_program(VT_QEMU_AARCH64 qemu-aarch64)
if(VT_QEMU_AARCH64 AND VITRINE_ARM64_SYSROOT)
  set(CMAKE_CROSSCOMPILING_EMULATOR "${VT_QEMU_AARCH64};-L;${VITRINE_ARM64_SYSROOT}")
elseif(VT_QEMU_AARCH64)
  set(CMAKE_CROSSCOMPILING_EMULATOR "${VT_QEMU_AARCH64}")
endif()
