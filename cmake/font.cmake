# Subset UI fonts, made at build time from Debian's fonts-dejavu-core.
#
# herreg_font_subset(<target> OUTPUT_DIR <dir> FONTS <name>=<ttf> ...)
#   Adds a custom target <target> that writes <dir>/<name>.ttf for each pair: the glyphs
#   Dutch and English text needs and nothing more (about 25 kB instead of 750 kB each).
#
# The Unicode ranges here and the glyph ranges the app hands to Dear ImGui
# (src/ui/theme.cpp, kGlyphRanges) must stay in step.

# /usr/bin/python3 on purpose: a pyenv or venv python3 earlier on PATH lacks Debian's fontTools.
set(HERREG_FONT_PYTHON "/usr/bin/python3" CACHE FILEPATH "Python with fontTools (Debian python3-fonttools)")

set(HERREG_FONT_UNICODES
  "U+0020-007E"   # Basic Latin
  "U+00A0-00FF"   # Latin-1 Supplement: é ë ï ö ü à ç · × …
  "U+0100-017F"   # Latin Extended-A: ĳ Ĳ ł ő ş …
  "U+2013-2014"   # – —
  "U+2018-201E"   # ‘ ’ ‚ “ ” „
  "U+2022"        # •
  "U+2026"        # …
  "U+20AC"        # €
  "U+2190-2193"   # ← ↑ → ↓
  "U+2212"        # −
  "U+2264-2265"   # ≤ ≥
  "U+25B4-25BE"   # ▴ ▾ (menus, sort order)
  "U+2713"        # ✓
  "U+2717"        # ✗
)
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
