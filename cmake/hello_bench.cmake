# Benchmark baseline: a bare Dear ImGui "hello" page, built like the app (included at the end
# of cmake/web_app.cmake, so only under EMSCRIPTEN).
#
# Produces ${CMAKE_BINARY_DIR}/bench-site (build/web/bench-site with the `web` preset):
#   index.html            copied from bench/hello/
#   hello.js + hello.wasm bench/hello/main.cpp linked with the same `imgui` library
#
# "Same flags": the compile and link options are copied from the `app` target as it stands
# when this file is included (the end of web_app.cmake), so a flag added to the app is
# benchmarked in both. That includes `--embed-file <fonts>@/fonts`: hello carries the same
# subset fonts as the app (same download size) and uses ui-regular.ttf when it finds it,
# ImGui's default font otherwise (the page reports which: window.herregHelloFont).
# If the app ever gains an option naming app-only symbols (EXPORTED_FUNCTIONS, --pre-js ...),
# filter it out of _hello_link_options below.
#
# Run the comparison with `node bench/page_bench.mjs` (builds nothing; build the preset first).

if(NOT EMSCRIPTEN)
  return()
endif()
if(NOT TARGET app OR NOT TARGET imgui)
  message(FATAL_ERROR "hello_bench.cmake needs the `app` and `imgui` targets of web_app.cmake (include it at the end).")
endif()

set(HERREG_BENCH_SITE_DIR "${CMAKE_BINARY_DIR}/bench-site")

get_target_property(_hello_compile_options app COMPILE_OPTIONS)
get_target_property(_hello_link_options app LINK_OPTIONS)
if(NOT _hello_compile_options)
  set(_hello_compile_options)
endif()
if(NOT _hello_link_options)
  set(_hello_link_options)
endif()
# The app's name section is stripped after linking (web_app.cmake); hello never gets one.
list(REMOVE_ITEM _hello_link_options --profiling-funcs)

add_executable(hello EXCLUDE_FROM_ALL bench/hello/main.cpp)
target_compile_options(hello PRIVATE ${_hello_compile_options})
target_link_options(hello PRIVATE ${_hello_link_options})
target_link_libraries(hello PRIVATE imgui)
set_target_properties(hello PROPERTIES
  SUFFIX ".js"
  RUNTIME_OUTPUT_DIRECTORY "${HERREG_BENCH_SITE_DIR}")
if(TARGET herreg_fonts)
  add_dependencies(hello herreg_fonts)   # the embedded font folder must exist at link time
  get_target_property(_hello_font_files herreg_fonts HERREG_FONT_FILES)
  if(_hello_font_files)
    set_target_properties(hello PROPERTIES LINK_DEPENDS "${_hello_font_files}")
  endif()
endif()

add_custom_command(
  OUTPUT "${HERREG_BENCH_SITE_DIR}/index.html"
  COMMAND "${CMAKE_COMMAND}" -E copy_if_different "${CMAKE_SOURCE_DIR}/bench/hello/index.html" "${HERREG_BENCH_SITE_DIR}/index.html"
  DEPENDS "${CMAKE_SOURCE_DIR}/bench/hello/index.html"
  VERBATIM)
add_custom_target(hello_site DEPENDS "${HERREG_BENCH_SITE_DIR}/index.html")
add_dependencies(hello hello_site)

unset(_hello_compile_options)
unset(_hello_link_options)
unset(_hello_font_files)
