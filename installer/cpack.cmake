# CPack: `cpack -G "DEB;TGZ"` in the build directory makes
#   livedeck_<version>_<arch>.deb         the program and its desktop integration
#   livedeck-server_<version>_all.deb     the hardened systemd service (depends on the first)
#   livedeck-<version>-Linux-<arch>.tar.gz  the program alone, runnable from wherever it is unpacked
# Two Debian packages, as Debian's own Qt programs with a daemon do (transmission-qt /
# transmission-daemon, mumble / mumble-server): installing the desktop program must not start a
# network service at boot, and a server needs no desktop files. One build, one binary.
set(CPACK_PACKAGE_NAME livedeck)
set(CPACK_PACKAGE_VENDOR "LiveDeck maintainers")
set(CPACK_PACKAGE_VERSION "${LIVEDECK_VERSION}")
set(CPACK_PACKAGE_CONTACT "${LIVEDECK_MAINTAINER}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY livedeck)
set(CPACK_PACKAGE_DIRECTORY "${PROJECT_BINARY_DIR}/packages")
set(CPACK_STRIP_FILES TRUE)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
  OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_THREADS 0)
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_COMPONENTS_ALL desktop server)

# DEB: one package per component.
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${LIVEDECK_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)

set(CPACK_DEBIAN_DESKTOP_PACKAGE_NAME livedeck)
set(CPACK_DEBIAN_DESKTOP_PACKAGE_SHLIBDEPS ON)
# What dpkg-shlibdeps cannot see: plugins Qt loads at run time (the SQLite driver for the store
# and checkpoints; the platform plugins for the window).
set(CPACK_DEBIAN_DESKTOP_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins")
# Descriptions: the first line is the synopsis (CPACK_PACKAGE_DESCRIPTION_SUMMARY is left unset:
# CPack would put it in front of both); CPack indents the lines and turns blank ones into " .".
set(CPACK_DEBIAN_DESKTOP_DESCRIPTION
  "real-time dashboards served by a C++ live view engine
LiveDeck brings Phoenix LiveView's model to C++ and Qt 6: pages are rendered
on the server, browsers run the official LiveView client and receive minimal
diffs over a WebSocket.

This package holds the livedeck program with its desktop entry. The
livedeck-server package runs it as a hardened system service.")

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME livedeck-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_ARCHITECTURE all)
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "livedeck (= ${LIVEDECK_VERSION})")
set(CPACK_DEBIAN_SERVER_DESCRIPTION
  "LiveDeck as a headless system service
LiveDeck brings Phoenix LiveView's model to C++ and Qt 6: pages are rendered
on the server, browsers run the official LiveView client and receive minimal
diffs over a WebSocket.

This package runs livedeck --headless as the systemd service livedeck.service
under a dynamic user, with its settings in /etc/livedeck/livedeck.conf and
its data in /var/lib/livedeck.")
set(server_control "${CMAKE_CURRENT_BINARY_DIR}/server-control")
file(MAKE_DIRECTORY "${server_control}")
file(WRITE "${server_control}/conffiles" "/etc/livedeck/livedeck.conf\n")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
  "${server_control}/conffiles"
  "${CMAKE_CURRENT_SOURCE_DIR}/service/postinst"
  "${CMAKE_CURRENT_SOURCE_DIR}/service/prerm"
  "${CMAKE_CURRENT_SOURCE_DIR}/service/postrm")

# TGZ: the desktop component only; the unit and /etc belong to a system install.
set(CPACK_ARCHIVE_COMPONENT_INSTALL ON)
set(CPACK_LIVEDECK_ARCHIVE_NAME "livedeck-${LIVEDECK_VERSION}-Linux-${CMAKE_SYSTEM_PROCESSOR}")
set(CPACK_PROJECT_CONFIG_FILE "${CMAKE_CURRENT_SOURCE_DIR}/cpack_generator_options.cmake")

include(CPack)
cpack_add_component(desktop DISPLAY_NAME "LiveDeck")
cpack_add_component(server DISPLAY_NAME "LiveDeck service" DEPENDS desktop)
