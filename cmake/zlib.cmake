# zlib 1.2.13 (third_party/zlib, Debian's source package, unpacked by scripts/setup.sh), built
# with our own CMake for both targets: the share links' raw DEFLATE and CRC-32 (src/core/
# deflate.cpp) and libharu's Flate-compressed PDF streams. Emscripten's zlib port would be a
# download; Debian's source is what the machine already trusts. Only the in-memory parts
# (no gz* file functions).

set(HERREG_ZLIB_DIR "${HERREG_THIRD_PARTY}/zlib")
if(NOT EXISTS "${HERREG_ZLIB_DIR}/inflate.c")
  message(FATAL_ERROR "zlib not found in ${HERREG_ZLIB_DIR}: run `bash scripts/setup.sh`.")
endif()
add_library(herreg_zlib STATIC
  "${HERREG_ZLIB_DIR}/adler32.c" "${HERREG_ZLIB_DIR}/compress.c" "${HERREG_ZLIB_DIR}/crc32.c"
  "${HERREG_ZLIB_DIR}/deflate.c" "${HERREG_ZLIB_DIR}/inffast.c" "${HERREG_ZLIB_DIR}/inflate.c"
  "${HERREG_ZLIB_DIR}/inftrees.c" "${HERREG_ZLIB_DIR}/trees.c" "${HERREG_ZLIB_DIR}/uncompr.c"
  "${HERREG_ZLIB_DIR}/zutil.c")
# SYSTEM: its headers must not trip our warnings in the code that includes zlib.h.
target_include_directories(herreg_zlib SYSTEM PUBLIC "${HERREG_ZLIB_DIR}")
target_compile_options(herreg_zlib PRIVATE -w)   # third-party C: its warnings are not ours to fix
set_target_properties(herreg_zlib PROPERTIES C_STANDARD 99 C_EXTENSIONS ON POSITION_INDEPENDENT_CODE ON)
