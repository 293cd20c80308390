# ccache for every preset (scripts/setup.sh installs it): a rebuild, or a fresh clone built
# after an earlier one, compiles only what changed. Off with -DHERREG_CCACHE=OFF; nothing
# changes where ccache is not installed.
#
#   native, sanitize, fuzz  the compiler is started as `ccache g++ ...` (or clang)
#   web                     emcc runs clang itself: it is told to start clang through ccache
#                           (EM_COMPILER_WRAPPER), so the cache sees the real compiler calls
#
# CCACHE_BASEDIR makes paths below the source folder relative before hashing, and
# CCACHE_NOHASHDIR leaves the build folder out of the hash of -g builds: a clone in another
# folder finds what an earlier clone compiled.
find_program(HERREG_CCACHE_PROGRAM ccache)
option(HERREG_CCACHE "Compile through ccache when it is installed" ON)
if(HERREG_CCACHE AND HERREG_CCACHE_PROGRAM AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(_herreg_ccache_env CCACHE_BASEDIR=${CMAKE_SOURCE_DIR} CCACHE_NOHASHDIR=true)
  if(EMSCRIPTEN)
    set(_herreg_launcher ${CMAKE_COMMAND} -E env ${_herreg_ccache_env} EM_COMPILER_WRAPPER=${HERREG_CCACHE_PROGRAM})
  else()
    set(_herreg_launcher ${CMAKE_COMMAND} -E env ${_herreg_ccache_env} ${HERREG_CCACHE_PROGRAM})
  endif()
  set(CMAKE_C_COMPILER_LAUNCHER ${_herreg_launcher})
  set(CMAKE_CXX_COMPILER_LAUNCHER ${_herreg_launcher})
  message(STATUS "herreg: compiling through ${HERREG_CCACHE_PROGRAM}")
endif()
