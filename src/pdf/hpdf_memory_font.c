/* herreg_hpdf_load_ttf_from_memory: hpdf_doc.c's HPDF_LoadTTFontFromFile and its static
 * LoadTTFontFromStream, with a memory stream in place of the file reader. Kept in C and
 * close to the original so a libharu upgrade is an easy diff. Uses libharu's internal API
 * (HPDF_Doc_Rec fields), which is why it lives next to the library and not in the C++. */
#include "hpdf_memory_font.h"

#include "hpdf_conf.h"
#include "hpdf_fontdef.h"
#include "hpdf_streams.h"
#include "hpdf_utils.h"

static const char* register_font(HPDF_Doc pdf, HPDF_Stream font_data, HPDF_BOOL embedding) {
    /* HPDF_TTFontDef_Load owns the stream from here on, also when it fails. */
    HPDF_FontDef def = HPDF_TTFontDef_Load(pdf->mmgr, font_data, embedding);
    if (!def)
        return NULL;

    /* The same font loaded twice: hand back the first (as the file loader does). */
    HPDF_FontDef existing = HPDF_Doc_FindFontDef(pdf, def->base_font);
    if (existing) {
        HPDF_FontDef_Free(def);
        return existing->base_font;
    }
    if (HPDF_List_Add(pdf->fontdef_list, def) != HPDF_OK) {
        HPDF_FontDef_Free(def);
        return NULL;
    }

    /* An embedded subset gets a tag ("HPDFAA+DejaVuSans"), counted up per font so two
     * embedded fonts never share a name. Deterministic: depends on load order only. */
    if (embedding) {
        if (pdf->ttfont_tag[0] == 0) {
            HPDF_MemCpy(pdf->ttfont_tag, (HPDF_BYTE*)"HPDFAA", 6);
        } else {
            HPDF_INT i;
            for (i = 5; i >= 0; i--) {
                pdf->ttfont_tag[i] += 1;
                if (pdf->ttfont_tag[i] > 'Z')
                    pdf->ttfont_tag[i] = 'A';
                else
                    break;
            }
        }
        HPDF_TTFontDef_SetTagName(def, (char*)pdf->ttfont_tag);
    }
    return def->base_font;
}

/* libharu's parser trusts the file: on a truncated font it reads past what the stream
 * delivered (uninitialised memory) before it notices. So check the table directory first:
 * an sfnt header and every table inside the data. */
static HPDF_UINT32 be32(const HPDF_BYTE* p) {
    return ((HPDF_UINT32)p[0] << 24) | ((HPDF_UINT32)p[1] << 16) | ((HPDF_UINT32)p[2] << 8) | p[3];
}

static HPDF_BOOL complete_truetype(const HPDF_BYTE* data, HPDF_UINT size) {
    HPDF_UINT tables, i;
    if (size < 12)
        return HPDF_FALSE;
    if (be32(data) != 0x00010000u && be32(data) != 0x74727565u /* 'true' */)
        return HPDF_FALSE;
    tables = ((HPDF_UINT)data[4] << 8) | data[5];
    if (tables == 0 || 12 + 16 * tables > size)
        return HPDF_FALSE;
    for (i = 0; i < tables; i++) {
        const HPDF_BYTE* record = data + 12 + 16 * i;
        HPDF_UINT32 offset = be32(record + 8), length = be32(record + 12);
        if (offset > size || length > size - offset)
            return HPDF_FALSE;
    }
    return HPDF_TRUE;
}

const char* herreg_hpdf_load_ttf_from_memory(HPDF_Doc pdf, const HPDF_BYTE* data,
                                             HPDF_UINT size, HPDF_BOOL embedding) {
    HPDF_Stream font_data;
    const char* ret = NULL;

    if (!HPDF_HasDoc(pdf))
        return NULL;
    if (!data || size == 0) {
        HPDF_RaiseError(&pdf->error, HPDF_INVALID_PARAMETER, 0);
        return NULL;
    }
    if (!complete_truetype(data, size)) {
        HPDF_RaiseError(&pdf->error, HPDF_TTF_INVALID_FOMAT, 0);
        return NULL;
    }

    /* One buffer the size of the font: the parser seeks around in it a lot. */
    font_data = HPDF_MemStream_New(pdf->mmgr, size);
    if (HPDF_Stream_Validate(font_data)) {
        if (HPDF_Stream_Write(font_data, data, size) == HPDF_OK)
            ret = register_font(pdf, font_data, embedding);
        else
            HPDF_Stream_Free(font_data);
    }

    if (!ret)
        HPDF_CheckError(&pdf->error);
    return ret;
}
