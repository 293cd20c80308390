# herreg_samples_data: the portfolios of tests/cases/*.json (error cases left out) compiled
# in, for the app's "try an example" menu and ?sample=<name>. Included by the top-level
# CMakeLists.txt after src/core, for both presets: the web app links it, the tests check it.
file(GLOB HERREG_SAMPLE_FILES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/cases/*.json")
set(HERREG_SAMPLES_DIR "${CMAKE_BINARY_DIR}/samples")
set(HERREG_SAMPLES_INC "${HERREG_SAMPLES_DIR}/embedded_samples.inc")
add_custom_command(
  OUTPUT "${HERREG_SAMPLES_INC}"
  COMMAND ${CMAKE_COMMAND} -DOUT=${HERREG_SAMPLES_INC} -DDIR=${CMAKE_SOURCE_DIR}/tests/cases
          -P "${CMAKE_SOURCE_DIR}/cmake/embed_samples.cmake"
  DEPENDS ${HERREG_SAMPLE_FILES} "${CMAKE_SOURCE_DIR}/cmake/embed_samples.cmake"
  COMMENT "Embedding tests/cases/*.json as samples"
  VERBATIM)
add_library(herreg_samples_data STATIC "${CMAKE_SOURCE_DIR}/src/core/portfolio/samples.cpp" "${HERREG_SAMPLES_INC}")
target_include_directories(herreg_samples_data PRIVATE "${HERREG_SAMPLES_DIR}")
target_include_directories(herreg_samples_data PUBLIC "${CMAKE_SOURCE_DIR}/src/core")
target_link_libraries(herreg_samples_data PUBLIC herreg_core)
if(NOT EMSCRIPTEN)
  target_compile_options(herreg_samples_data PRIVATE -Wall -Wextra -Wpedantic)
endif()
