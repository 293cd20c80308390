// Unicode text with libharu 2.3.0's UTF-8 TrueType fonts (HPDF_GetFont(pdf, name, "UTF-8")),
// written the way PDF readers and our file size like it.
//
// 2.3.0's UTF-8 encoder makes a Type0 font whose character codes are Unicode values,
// with two flaws we work around here rather than patch libharu:
//   - its ToUnicode CMap uses `begincidrange`, which a ToUnicode CMap may not (poppler
//     warns, PDFium ignores it, so copied text comes out wrong);
//   - its CIDToGIDMap always covers all 65536 codes: 128 kB per font, and without zlib
//     nothing compresses it.
// So text is written as glyph ids instead (herreg_hpdf_show_text), and before saving the
// font gets an identity CIDToGIDMap over its glyphs, glyph-id widths and a ToUnicode
// CMap with one entry per character drawn (herreg_hpdf_finish_unicode_font).
// Measuring (HPDF_Font_TextWidth) still takes UTF-8 and is unaffected.
#pragma once
#include "hpdf.h"

#ifdef __cplusplus
extern "C" {
#endif

// Whether the font has a glyph for this character.
HPDF_BOOL herreg_hpdf_font_has_glyph(HPDF_Font font, HPDF_UINT16 code);

// HPDF_Page_ShowText for such a font (the page's current font): UTF-8 in, glyph ids out.
HPDF_STATUS herreg_hpdf_show_text(HPDF_Page page, HPDF_Font font, const char* text);

// Call once per font after all text is drawn, before saving. codes: every character drawn
// with the font (duplicates and any order are fine). Errors go through the error handler.
HPDF_STATUS herreg_hpdf_finish_unicode_font(HPDF_Font font, const HPDF_UINT16* codes,
                                            HPDF_UINT count);

#ifdef __cplusplus
}
#endif
