# The browser app (included by the top-level CMakeLists.txt when EMSCRIPTEN).
#
# Produces one servable folder, ${CMAKE_BINARY_DIR}/site (build/web/site with the `web` preset):
#   index.html, style etc.  copied from web/
#   app.js + app.wasm       the ImGui app, linked with herreg_core; the UI's subset fonts embedded;
#   app.deferred.wasm       split in two: what a first visit runs, and the rest (fetched at the
#                           first input)
#   pdf-worker.js + .wasm   the PDF writer (herreg_pdf, libharu, zlib, its fonts), run in a Worker
#                           the page makes when a PDF is first asked for
#
# Output is app.js, not app.html: we ship our own page (web/index.html), and emcc's HTML step
# is not needed. No Emscripten port is used (-sUSE_SDL=2 and friends would try to download):
# GLFW and WebGL come with Emscripten itself.

include("${CMAKE_CURRENT_LIST_DIR}/font.cmake")

set(HERREG_SITE_DIR "${CMAKE_BINARY_DIR}/site")
set(HERREG_IMGUI_DIR "${HERREG_THIRD_PARTY}/imgui")
if(NOT EXISTS "${HERREG_IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui not found in ${HERREG_IMGUI_DIR}: run `bash scripts/setup.sh`.")
endif()

# Emscripten's JS compiler (run at every link) needs Debian's acorn from /usr/share/nodejs.
# The presets set NODE_PATH; this makes a bare `ninja -C build/web` work too.
set_property(DIRECTORY PROPERTY RULE_LAUNCH_LINK "${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs")

# ---------------------------------------------------------------- Dear ImGui (static library)
add_library(imgui STATIC
  "${HERREG_IMGUI_DIR}/imgui.cpp"
  "${HERREG_IMGUI_DIR}/imgui_draw.cpp"
  "${HERREG_IMGUI_DIR}/imgui_tables.cpp"
  "${HERREG_IMGUI_DIR}/imgui_widgets.cpp"
  "${HERREG_IMGUI_DIR}/backends/imgui_impl_glfw.cpp"
  "${HERREG_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp"
  "${HERREG_IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp")   # InputText on std::string
target_include_directories(imgui SYSTEM PUBLIC "${HERREG_IMGUI_DIR}" "${HERREG_IMGUI_DIR}/backends"
  "${HERREG_IMGUI_DIR}/misc/cpp")
target_compile_definitions(imgui PUBLIC
  IMGUI_IMPL_OPENGL_ES3                 # WebGL 2 ("#version 300 es"), not the ES2 default
  IMGUI_DISABLE_OBSOLETE_FUNCTIONS
  # 32-bit vertex indices: a window may hold more than 65,536 vertices (a text of some 16,000
  # characters does), and the ES3 backend cannot split a draw list (no VtxOffset).
  "ImDrawIdx=unsigned int")
target_compile_options(imgui PRIVATE -sUSE_GLFW=3 -w)

# ---------------------------------------------------------------- fonts (subset at build time)
set(HERREG_FONT_DIR "${CMAKE_BINARY_DIR}/fonts")
herreg_font_subset(herreg_fonts OUTPUT_DIR "${HERREG_FONT_DIR}"
  FONTS "ui-regular=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
        "ui-bold=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
get_target_property(HERREG_FONT_FILES herreg_fonts HERREG_FONT_FILES)

# ---------------------------------------------------------------- the app
include("${CMAKE_CURRENT_LIST_DIR}/app_sources.cmake")
add_executable(app
  src/app/main.cpp
  src/platform/web_platform.cpp
  src/platform/picture_hash.cpp
  src/platform/paste_text.cpp
  src/platform/semantics.cpp
  ${HERREG_APP_SOURCES})
target_include_directories(app PRIVATE "${CMAKE_SOURCE_DIR}/src")
target_compile_definitions(app PRIVATE HERREG_VERSION="${PROJECT_VERSION}")
target_compile_options(app PRIVATE -Wall -Wextra)
# Not herreg_pdf: the PDF writer is the Worker's (pdf_worker below), fetched on first use.
target_link_libraries(app PRIVATE imgui herreg_core herreg_rules_data herreg_samples_data)
add_dependencies(app herreg_fonts)
set_target_properties(app PROPERTIES
  SUFFIX ".js"
  RUNTIME_OUTPUT_DIRECTORY "${HERREG_SITE_DIR}"
  LINK_DEPENDS "${HERREG_FONT_FILES};${CMAKE_SOURCE_DIR}/src/platform/a11y_mirror.js;${CMAKE_SOURCE_DIR}/src/platform/web_platform.js;${CMAKE_SOURCE_DIR}/assets/first-visit.functions;${CMAKE_CURRENT_LIST_DIR}/split_app.mjs;${CMAKE_CURRENT_LIST_DIR}/wasm_names.mjs")
target_link_options(app PRIVATE
  -sUSE_GLFW=3
  -sUSE_WEBGL2=1
  -sMIN_WEBGL_VERSION=2
  # web/boot.js makes the WebGL context when main() asks (after the app's start and fonts), sized
  # and with the attributes the app wants; the app draws with that one.
  -sGL_PREINITIALIZED_CONTEXT=1
  -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0
  # Binaryen inlines every function that has one caller, whatever its size: frame() had grown
  # to 60 KB of the whole app's per-frame code, all compiled by the browser at the first call
  # (Chromium compiles a function when it first runs), most of it never run on the first
  # screen. Larger ones stay functions of their own: the first call of frame() takes ~50 ms
  # less in Chromium, and app.wasm is 35 KB smaller (14 KB gzip; bench/page_bench.mjs).
  -sBINARYEN_EXTRA_PASSES=--one-caller-inline-max-function-size=256
  -sALLOW_MEMORY_GROWTH=1
  -sENVIRONMENT=web
  -sEXIT_RUNTIME=0
  # The platform's JS (src/platform/web_platform.js) hands strings and file bytes to C++ in
  # _malloc'ed buffers; its C entry points are exported by EMSCRIPTEN_KEEPALIVE.
  -sEXPORTED_FUNCTIONS=_main,_malloc,_free
  "SHELL:--embed-file ${HERREG_FONT_DIR}@/fonts"
  # The accessibility mirror's JavaScript (a library: its functions are called from C++).
  "SHELL:--js-library ${CMAKE_SOURCE_DIR}/src/platform/a11y_mirror.js"
  "SHELL:--js-library ${CMAKE_SOURCE_DIR}/src/platform/web_platform.js"
  # Function names in a name section: the split below goes by them, and so does the size
  # breakdown of bench/page_bench.mjs. The post-build step keeps that copy beside the site.
  --profiling-funcs)
# The app in two parts (cmake/split_app.mjs, with binaryen's wasm-split, which Emscripten
# depends on): app.wasm, what a first visit runs (assets/first-visit.functions), and
# app.deferred.wasm, the rest, which web/boot.js fetches at the first input. Neither has names.
find_program(HERREG_NODE NAMES node nodejs REQUIRED)
add_custom_command(TARGET app POST_BUILD
  COMMAND "${CMAKE_COMMAND}" -E copy "${HERREG_SITE_DIR}/app.wasm" "${CMAKE_BINARY_DIR}/app.names.wasm"
  COMMAND "${HERREG_NODE}" "${CMAKE_CURRENT_LIST_DIR}/split_app.mjs" "${CMAKE_BINARY_DIR}/app.names.wasm"
          "${CMAKE_SOURCE_DIR}/assets/first-visit.functions" "${HERREG_SITE_DIR}"
  VERBATIM)

# ---------------------------------------------------------------- the PDF writer's Worker
# pdf-worker.js + pdf-worker.wasm: libharu, zlib and the fonts compiled in (herreg_pdf_fonts, so
# no file system), the same renderer as the CLI's. The app has it make every PDF
# (platform::make_pdf); the page fetches it when a PDF is first asked for, not on every visit.
add_executable(pdf_worker src/pdf/pdf_worker.cpp)
target_include_directories(pdf_worker PRIVATE "${CMAKE_SOURCE_DIR}/src")
target_compile_options(pdf_worker PRIVATE -Wall -Wextra)
target_link_libraries(pdf_worker PRIVATE herreg_pdf herreg_pdf_fonts herreg_core)
set_target_properties(pdf_worker PROPERTIES
  OUTPUT_NAME "pdf-worker"
  SUFFIX ".js"
  RUNTIME_OUTPUT_DIRECTORY "${HERREG_SITE_DIR}"
  LINK_DEPENDS "${CMAKE_SOURCE_DIR}/src/pdf/pdf_worker_pre.js")
target_link_options(pdf_worker PRIVATE
  -sENVIRONMENT=worker
  -sALLOW_MEMORY_GROWTH=1
  -sFILESYSTEM=0
  --no-entry
  -sEXPORTED_FUNCTIONS=_malloc,_free
  "SHELL:--pre-js ${CMAKE_SOURCE_DIR}/src/pdf/pdf_worker_pre.js")

# ---------------------------------------------------------------- the static page (web/ -> site/)
# The page's code from web/, and from assets/ what the site ships that is not code (the icon,
# the web app manifest). web/sw.js is not copied: the build stamps it (below).
file(GLOB_RECURSE HERREG_WEB_FILES RELATIVE "${CMAKE_SOURCE_DIR}/web" CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/web/*")
list(REMOVE_ITEM HERREG_WEB_FILES "sw.js")
set(HERREG_SITE_FILES)
set(HERREG_SITE_SOURCES)
foreach(rel IN LISTS HERREG_WEB_FILES)
  list(APPEND HERREG_SITE_SOURCES "web/${rel}=${rel}")
endforeach()
list(APPEND HERREG_SITE_SOURCES "assets/icon.svg=icon.svg" "assets/manifest.webmanifest=manifest.webmanifest")
foreach(pair IN LISTS HERREG_SITE_SOURCES)
  string(REPLACE "=" ";" pair "${pair}")
  list(GET pair 0 from)
  list(GET pair 1 to)
  add_custom_command(
    OUTPUT "${HERREG_SITE_DIR}/${to}"
    COMMAND "${CMAKE_COMMAND}" -E copy_if_different "${CMAKE_SOURCE_DIR}/${from}" "${HERREG_SITE_DIR}/${to}"
    DEPENDS "${CMAKE_SOURCE_DIR}/${from}"
    VERBATIM)
  list(APPEND HERREG_SITE_FILES "${HERREG_SITE_DIR}/${to}")
endforeach()
add_custom_target(web_site ALL DEPENDS ${HERREG_SITE_FILES})
add_dependencies(app web_site)

# The service worker, stamped with a hash of every file it caches (cmake/offline_stamp.cmake):
# any change to the app or the page makes a new sw.js, which is how browsers learn of it.
add_custom_command(
  OUTPUT "${HERREG_SITE_DIR}/sw.js"
  COMMAND "${CMAKE_COMMAND}" -DSITE_DIR=${HERREG_SITE_DIR} -DTEMPLATE=${CMAKE_SOURCE_DIR}/web/sw.js
          -DOUTPUT=${HERREG_SITE_DIR}/sw.js -P "${CMAKE_CURRENT_LIST_DIR}/offline_stamp.cmake"
  DEPENDS "${CMAKE_SOURCE_DIR}/web/sw.js" "${CMAKE_CURRENT_LIST_DIR}/offline_stamp.cmake" ${HERREG_SITE_FILES} app
          pdf_worker
  VERBATIM)
add_custom_target(web_offline ALL DEPENDS "${HERREG_SITE_DIR}/sw.js")
add_dependencies(web_offline app pdf_worker web_site)
include("${CMAKE_CURRENT_LIST_DIR}/hello_bench.cmake")
