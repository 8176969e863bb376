# The Debian package: cpack -G DEB (from the build folder) builds openday_<version>_amd64.deb.
# Depends are computed from the binary's shared libraries (dpkg-shlibdeps) plus the CJK font;
# the X session the unit starts is recommended, not required (a desktop install may lack it).
set(CPACK_PACKAGE_NAME "openday")
set(CPACK_PACKAGE_VENDOR "OpenDay Kiosk")
# The project has no maintainer address yet: set OPENDAY_PACKAGE_CONTACT when building a release.
set(OPENDAY_PACKAGE_CONTACT "OpenDay Kiosk maintainers <openday@localhost>" CACHE STRING "Maintainer of the Debian package")
set(CPACK_PACKAGE_CONTACT "${OPENDAY_PACKAGE_CONTACT}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "touchscreen kiosk for a county's Government Affairs Openness Day")
set(CPACK_PACKAGE_DESCRIPTION "OpenDay Kiosk shows the departments, approval items and fees
of a county's Government Affairs Openness Day booth on a touchscreen, runs
the prize quiz and counts the visitors. The openday-kiosk systemd unit
boots the machine into the kiosk; it is installed but not enabled.")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # openday_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-noto-cjk, adduser")
# The icons beside the words (issue 28) and the 手写 pad's model (issue 31): without them the
# kiosk draws words only and hides 手写.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "xserver-xorg, xinit, x11-xserver-utils, fonts-material-design-icons-iconfont, tegaki-zinnia-simplified-chinese")
# The booth hub (issue 32): `openday hub init` runs openssl; the hub machine runs nats-server.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "nats-server, openssl")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${CMAKE_CURRENT_SOURCE_DIR}/assets/deploy/debian/conffiles;${CMAKE_CURRENT_SOURCE_DIR}/assets/deploy/debian/postinst;${CMAKE_CURRENT_SOURCE_DIR}/assets/deploy/debian/postrm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
