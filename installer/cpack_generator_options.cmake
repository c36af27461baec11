# Read by cpack once per generator (CPACK_PROJECT_CONFIG_FILE): what differs between the .deb
# and the .tar.gz.
if(CPACK_GENERATOR STREQUAL "TGZ")
  # The archive is the program alone, relocatable: no /etc, no systemd unit, all under one
  # top-level directory named after the version.
  set(CPACK_COMPONENTS_ALL desktop)
  set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)
  set(CPACK_PACKAGING_INSTALL_PREFIX "")
  set(CPACK_PACKAGE_FILE_NAME "${CPACK_LIVEDECK_ARCHIVE_NAME}")
  set(CPACK_COMPONENT_INCLUDE_TOPLEVEL_DIRECTORY ON)
endif()
