// Loading a TrueType font into libharu from bytes in memory. libharu 2.3.0 only reads
// fonts from files, and the browser build has its fonts as bytes (so does the CLI,
// embedded at build time); this is the file loader with a memory stream instead.
#pragma once
#include "hpdf.h"

#ifdef __cplusplus
extern "C" {
#endif

// Returns the font's name for HPDF_GetFont, or NULL after reporting the error through
// the document's error handler (like HPDF_LoadTTFontFromFile). The bytes are copied.
const char* herreg_hpdf_load_ttf_from_memory(HPDF_Doc pdf, const HPDF_BYTE* data,
                                             HPDF_UINT size, HPDF_BOOL embedding);

#ifdef __cplusplus
}
#endif
