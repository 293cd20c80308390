# Subset UI fonts, made at build time from Debian's fonts-dejavu-core.
#
# herreg_font_subset(<target> OUTPUT_DIR <dir> FONTS <name>=<ttf> ...)
#   Adds a custom target <target> that writes <dir>/<name>.ttf for each pair: the glyphs
#   Dutch and English text needs and nothing more (about 25 kB instead of 750 kB each).
#
# The Unicode ranges (assets/fonts/unicodes.txt) and the glyph ranges the app hands to Dear ImGui
# (src/ui/theme.cpp, kGlyphRanges) must stay in step.

# /usr/bin/python3 on purpose: a pyenv or venv python3 earlier on PATH lacks Debian's fontTools.
set(HERREG_FONT_PYTHON "/usr/bin/python3" CACHE FILEPATH "Python with fontTools (Debian python3-fonttools)")

# The ranges: assets/fonts/unicodes.txt, one a line ("U+0020-007E  what for"; # comments).
file(STRINGS "${CMAKE_SOURCE_DIR}/assets/fonts/unicodes.txt" _herreg_unicode_lines ENCODING UTF-8)
set(HERREG_FONT_UNICODES)
foreach(line IN LISTS _herreg_unicode_lines)
  if(line MATCHES "^(U\\+[0-9A-Fa-f]+(-[0-9A-Fa-f]+)?)")
    list(APPEND HERREG_FONT_UNICODES "${CMAKE_MATCH_1}")
  endif()
endforeach()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/assets/fonts/unicodes.txt")
list(JOIN HERREG_FONT_UNICODES "," _herreg_unicodes)

function(herreg_font_subset target)
  cmake_parse_arguments(ARG "" "OUTPUT_DIR" "FONTS" ${ARGN})
  set(outputs)
  foreach(pair IN LISTS ARG_FONTS)
    string(REPLACE "=" ";" pair "${pair}")
    list(GET pair 0 name)
    list(GET pair 1 source)
    if(NOT EXISTS "${source}")
      message(FATAL_ERROR "Font ${source} not found: run `bash scripts/setup.sh` (fonts-dejavu-core).")
    endif()
    set(out "${ARG_OUTPUT_DIR}/${name}.ttf")
    add_custom_command(
      OUTPUT "${out}"
      COMMAND "${CMAKE_COMMAND}" -E make_directory "${ARG_OUTPUT_DIR}"
      COMMAND "${HERREG_FONT_PYTHON}" -m fontTools.subset "${source}"
              "--unicodes=${_herreg_unicodes}"
              --layout-features= --no-hinting --drop-tables+=FFTM
              --name-IDs=0,1,2,3,4,5,6 --name-languages=0x0409
              "--output-file=${out}"
      DEPENDS "${source}" "${CMAKE_CURRENT_FUNCTION_LIST_FILE}"
      COMMENT "Subsetting font ${name}.ttf"
      VERBATIM)
    list(APPEND outputs "${out}")
  endforeach()
  add_custom_target(${target} DEPENDS ${outputs})
  set_target_properties(${target} PROPERTIES HERREG_FONT_FILES "${outputs}")
endfunction()
