# packaging.cmake: the vitrine .deb (CPack's DEB generator), for amd64 and, cross-built, arm64.
# Included from the top-level CMakeLists.txt after firmware/ and tests/, so the programs exist as
# targets. `cpack -G DEB` in a build directory (or toolchain/cross-build package) writes
# vitrine_<version>_<arch>.deb holding:
#
#   /usr/bin/vitrine, vitrine-pack, vitrine-import         the three programs (stripped)
#   /usr/share/vitrine/content.vpack                       built from content/ by vitrine-pack
#                                                          at package time (under qemu when
#                                                          cross-built)
#   /usr/share/vitrine/fonts/                              assets/fonts, with OFL.txt
#   /etc/vitrine/vitrine.conf                              the documented defaults (a conffile)
#   /lib/systemd/system/vitrine*.service                   the kiosk, rollback and USB import
#   /lib/udev/rules.d/99-vitrine-usb.rules                 USB stick -> vitrine-usb@.service
#   /usr/libexec/vitrine/usb-mount                         the USB import's mount helper
#   /usr/libexec/vitrine/retry                             restarts a failing kiosk, later each time
#   /usr/libexec/vitrine/console-blank                     tty1 black, no cursor, between kiosk runs
#   /usr/sbin/vitrine-provision                            toolchain/device/provision
#   /usr/share/doc/vitrine/                                copyright, changelog, technician notes
#
# Maintainer scripts (toolchain/device/debian/) create the `vitrine` user and enable the kiosk
# like debhelper's snippets do, also where systemd is not running. Paths follow Debian 12 /
# Raspberry Pi OS bookworm (units and udev rules under /lib). The package always installs
# under /usr, whatever CMAKE_INSTALL_PREFIX the build was configured with; the kiosk finds its
# files through the absolute defaults in vitrine.conf, not through the build's prefix.
set(VT_DEVICE_DIR "${PROJECT_SOURCE_DIR}/toolchain/device")
set(VT_PACKAGE_DIR "${PROJECT_BINARY_DIR}/package")
set(VITRINE_MAINTAINER "Vitrine kiosk team <vitrine@users.noreply.github.com>"
    CACHE STRING "Maintainer field of the .deb")

# --- what goes in --------------------------------------------------------------------------
foreach(program vitrine vitrine-pack vitrine-import)
  if(TARGET ${program})
    install(TARGETS ${program} RUNTIME DESTINATION bin)
  else()
    message(STATUS "packaging: no target ${program} yet; the .deb will lack /usr/bin/${program}")
  endif()
endforeach()

if(TARGET vitrine-pack)
  # Built while CPack installs, into the staging tree; a content error fails the package.
  set(vt_emulator "")
  if(CMAKE_CROSSCOMPILING AND CMAKE_CROSSCOMPILING_EMULATOR)
    set(vt_emulator "${CMAKE_CROSSCOMPILING_EMULATOR}")
  endif()
  install(CODE "
    set(vt_out \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/share/vitrine/content.vpack\")
    file(MAKE_DIRECTORY \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/share/vitrine\")
    file(REMOVE \"\${vt_out}\")
    message(STATUS \"Building: \${vt_out}\")
    execute_process(COMMAND ${vt_emulator} \"$<TARGET_FILE:vitrine-pack>\" build
                            \"${PROJECT_SOURCE_DIR}/content\" -o \"\${vt_out}\"
                    RESULT_VARIABLE vt_rc)
    if(NOT vt_rc EQUAL 0)
      message(FATAL_ERROR \"vitrine-pack could not build the content pack (\${vt_rc})\")
    endif()
    file(CHMOD \"\${vt_out}\" PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
  ")
endif()

install(DIRECTORY "${PROJECT_SOURCE_DIR}/assets/fonts/" DESTINATION share/vitrine/fonts
        FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
install(FILES "${VT_DEVICE_DIR}/vitrine.conf" DESTINATION /etc/vitrine)
install(FILES "${VT_DEVICE_DIR}/systemd/vitrine.service"
              "${VT_DEVICE_DIR}/systemd/vitrine-rollback.service"
              "${VT_DEVICE_DIR}/systemd/vitrine-usb@.service"
        DESTINATION /lib/systemd/system)
install(FILES "${VT_DEVICE_DIR}/udev/99-vitrine-usb.rules" DESTINATION /lib/udev/rules.d)
install(PROGRAMS "${VT_DEVICE_DIR}/libexec/usb-mount" "${VT_DEVICE_DIR}/libexec/retry"
              "${VT_DEVICE_DIR}/libexec/console-blank"
        DESTINATION libexec/vitrine)
install(PROGRAMS "${VT_DEVICE_DIR}/provision" DESTINATION sbin RENAME vitrine-provision)

# /usr/share/doc/vitrine: Debian wants a copyright file and a max-compressed changelog.
execute_process(COMMAND git -C "${PROJECT_SOURCE_DIR}" log -1 --format=%cD
                OUTPUT_VARIABLE VT_CHANGELOG_DATE OUTPUT_STRIP_TRAILING_WHITESPACE
                ERROR_QUIET)
if(NOT VT_CHANGELOG_DATE)
  string(TIMESTAMP VT_CHANGELOG_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
endif()
file(READ "${VT_DEVICE_DIR}/debian/changelog.in" vt_changelog)
string(REPLACE "@VERSION@" "${PROJECT_VERSION}" vt_changelog "${vt_changelog}")
string(REPLACE "@MAINTAINER@" "${VITRINE_MAINTAINER}" vt_changelog "${vt_changelog}")
string(REPLACE "@DATE@" "${VT_CHANGELOG_DATE}" vt_changelog "${vt_changelog}")
file(WRITE "${VT_PACKAGE_DIR}/changelog" "${vt_changelog}")
execute_process(COMMAND gzip -9nf "${VT_PACKAGE_DIR}/changelog")
install(FILES "${VT_DEVICE_DIR}/debian/copyright" "${VT_PACKAGE_DIR}/changelog.gz"
              "${VT_DEVICE_DIR}/README-device.md"
        DESTINATION share/doc/vitrine)
install(FILES "${VT_DEVICE_DIR}/debian/lintian-overrides" DESTINATION share/lintian/overrides
        RENAME vitrine)

# --- the package ---------------------------------------------------------------------------
if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(aarch64|arm64)$")
  set(VT_DEB_ARCH arm64)
elseif(CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|AMD64|amd64)$")
  set(VT_DEB_ARCH amd64)
else()
  set(VT_DEB_ARCH "${CMAKE_SYSTEM_PROCESSOR}")
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME vitrine)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "${VITRINE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "offline museum touchscreen kiosk for a signed content pack")
set(CPACK_PACKAGE_DESCRIPTION "\
Vitrine shows a curated, bilingual (Dutch/English) timeline of parliamentary
questions and government answers on a touchscreen in a museum or library. It
runs full screen on the device's own console (KMS/DRM, no desktop), never uses
a network, and takes its content from a signed SQLite content pack that staff
bring on a USB stick.
.
This package holds the kiosk (vitrine), the pack builder (vitrine-pack), the
pack importer (vitrine-import), the default content pack and fonts, and the
systemd units and udev rule that start the kiosk at boot and import packs from
USB sticks.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_INSTALL_PREFIX /usr)
set(CPACK_SET_DESTDIR ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE "${VT_DEB_ARCH}")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# espeak-ng-data: the voices read-aloud speaks with (libespeak-ng1, found by dpkg-shlibdeps,
# pulls it in too; named because the kiosk needs its nl and en voices, not just the library).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser, systemd, udev, espeak-ng-data")
if(VITRINE_ARM64_SYSROOT)
  # dpkg-shlibdeps asks dpkg which package owns each library; in a sysroot made with dpkg -x
  # nothing does, so the libraries are listed by hand (the versions dpkg-shlibdeps derives).
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS OFF)
  string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS ", libc6 (>= 2.34), libqrencode4 (>= 3.2.0), "
         "libsdl2-2.0-0 (>= 2.0.18), libsdl2-image-2.0-0 (>= 2.0.5), "
         "libsdl2-ttf-2.0-0 (>= 2.0.18), libsodium23 (>= 1.0.14), libsqlite3-0 (>= 3.6.1), "
         "libsystemd0, libespeak-ng1 (>= 1.51+dfsg)")
endif()
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${VT_DEVICE_DIR}/debian/postinst" "${VT_DEVICE_DIR}/debian/prerm"
    "${VT_DEVICE_DIR}/debian/postrm" "${VT_DEVICE_DIR}/debian/conffiles")
include(CPack)
