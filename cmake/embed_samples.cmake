# Writes OUT: the lines of a C++ array initialiser, one {"stem", R"(...)"} per DIR/*.json,
# error cases (error-*.json) left out. Runs as a script (cmake -P) at build time; the file
# is #included by src/core/portfolio/samples.cpp.
file(GLOB files "${DIR}/*.json")
list(SORT files)
set(body "")
foreach(f IN LISTS files)
  get_filename_component(stem "${f}" NAME_WLE)
  if(stem MATCHES "^error-")
    continue()
  endif()
  file(READ "${f}" text)
  # The raw string would end early; fail the build rather than embed half a file.
  string(FIND "${text}" ")herreg_case\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${f} contains )herreg_case\", which ends the embedded raw string")
  endif()
  string(APPEND body "{\"${stem}\", R\"herreg_case(${text})herreg_case\"},\n")
endforeach()
file(WRITE "${OUT}.tmp" "// Generated from tests/cases/*.json by cmake/embed_samples.cmake. Do not edit.\n${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
