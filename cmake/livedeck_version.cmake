# The one place LiveDeck's version comes from: project(VERSION) plus, in a git checkout, the
# commit, so that two builds of different commits are different Debian versions and upgrade
# in order. `livedeck --version`, the packages, the AppStream metainfo and the About dialog all
# read LIVEDECK_VERSION (the generated livedeck_version.h for C++).
set(LIVEDECK_VERSION "${PROJECT_VERSION}")
option(LIVEDECK_VERSION_FROM_GIT "Append +git<commits>.<hash> to the version in a git checkout" ON)
find_package(Git QUIET)
if(LIVEDECK_VERSION_FROM_GIT AND GIT_FOUND AND EXISTS "${PROJECT_SOURCE_DIR}/.git")
  execute_process(COMMAND "${GIT_EXECUTABLE}" rev-list --count HEAD
    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}" OUTPUT_VARIABLE commits
    OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE commits_failed ERROR_QUIET)
  execute_process(COMMAND "${GIT_EXECUTABLE}" rev-parse --short=8 HEAD
    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}" OUTPUT_VARIABLE hash
    OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE hash_failed ERROR_QUIET)
  if(NOT commits_failed AND NOT hash_failed)
    # '+' sorts after the release itself in Debian's ordering; the commit count keeps snapshots
    # of one branch in order (the hash alone would not).
    string(APPEND LIVEDECK_VERSION "+git${commits}.${hash}")
  endif()
endif()
# Re-run configure when HEAD moves so the version follows the commit being built.
if(LIVEDECK_VERSION_FROM_GIT AND EXISTS "${PROJECT_SOURCE_DIR}/.git")
  execute_process(COMMAND "${GIT_EXECUTABLE}" rev-parse --git-dir
    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}" OUTPUT_VARIABLE git_dir
    OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  get_filename_component(git_dir "${git_dir}" ABSOLUTE BASE_DIR "${PROJECT_SOURCE_DIR}")
  if(EXISTS "${git_dir}/HEAD")
    set_property(DIRECTORY "${PROJECT_SOURCE_DIR}" APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
      "${git_dir}/HEAD")
  endif()
  if(EXISTS "${git_dir}/logs/HEAD")
    set_property(DIRECTORY "${PROJECT_SOURCE_DIR}" APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
      "${git_dir}/logs/HEAD")
  endif()
endif()
message(STATUS "LiveDeck version ${LIVEDECK_VERSION}")

configure_file("${PROJECT_SOURCE_DIR}/app/livedeck_version.h.in"
  "${PROJECT_BINARY_DIR}/generated/livedeck_version.h" @ONLY)
# The header alone: app/ and the admin window link this, nothing else needs to change.
add_library(livedeck_version INTERFACE)
target_include_directories(livedeck_version INTERFACE "${PROJECT_BINARY_DIR}/generated")
