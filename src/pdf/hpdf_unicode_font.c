/* See hpdf_unicode_font.h. Uses libharu's internal records (HPDF_FontAttr, HPDF_TTFontDefAttr,
 * encoders) as laid out in 2.3.0 (hpdf_font_cid.c, hpdf_encoder_utf.c), so it is C that
 * lives next to the library; the C++ renderer keeps to the public API. */
#include "hpdf_unicode_font.h"

#include "hpdf_conf.h"
#include "hpdf_encoder.h"
#include "hpdf_font.h"
#include "hpdf_fontdef.h"
#include "hpdf_objects.h"
#include "hpdf_streams.h"

#include <stdio.h>
#include <stdlib.h>

static HPDF_FontAttr unicode_font_attr(HPDF_Font font) {
    HPDF_FontAttr attr;
    if (!HPDF_Font_Validate(font))
        return NULL;
    attr = (HPDF_FontAttr)font->attr;
    if (attr->type != HPDF_FONT_TYPE0_TT || !attr->map_stream || !attr->cmap_stream ||
        !attr->encoder || !attr->encoder->encode_text_fn)
        return NULL;
    return attr;
}

HPDF_BOOL herreg_hpdf_font_has_glyph(HPDF_Font font, HPDF_UINT16 code) {
    HPDF_FontAttr attr = unicode_font_attr(font);
    return attr && HPDF_TTFontDef_GetGlyphid(attr->fontdef, code) != 0;
}

/* ---------------------------------------------------------------- text as glyph ids */

/* libharu asks the encoder, not the font, to encode shown text, and the UTF-8 encoder is
 * shared by both our fonts. For the length of one ShowText call the encoder's function is
 * swapped for one that knows the font; per thread, so two documents may render at once. */
static _Thread_local struct {
    HPDF_FontDef fontdef;
    HPDF_Encoder_EncodeText_Func utf8_to_ucs2;
} current;

static char* encode_as_glyph_ids(HPDF_Encoder encoder, const char* text, HPDF_UINT len,
                                 HPDF_UINT* length) {
    /* libharu's own: UCS-2 big-endian in a malloc'ed buffer (it frees it). */
    char* out = current.utf8_to_ucs2(encoder, text, len, length);
    HPDF_UINT i;
    if (!out)
        return out;
    for (i = 0; i + 1 < *length; i += 2) {
        HPDF_UINT16 code = (HPDF_UINT16)(((HPDF_BYTE)out[i] << 8) | (HPDF_BYTE)out[i + 1]);
        HPDF_UINT16 gid = HPDF_TTFontDef_GetGlyphid(current.fontdef, code);
        out[i] = (char)(gid >> 8);
        out[i + 1] = (char)(gid & 0xFF);
    }
    return out;
}

HPDF_STATUS herreg_hpdf_show_text(HPDF_Page page, HPDF_Font font, const char* text) {
    HPDF_FontAttr attr = unicode_font_attr(font);
    HPDF_Encoder encoder;
    HPDF_STATUS ret;
    if (!attr)
        return HPDF_RaiseError(font->error, HPDF_INVALID_FONT, 0);
    encoder = attr->encoder;
    current.fontdef = attr->fontdef;
    current.utf8_to_ucs2 = encoder->encode_text_fn;
    encoder->encode_text_fn = encode_as_glyph_ids;
    ret = HPDF_Page_ShowText(page, text);
    encoder->encode_text_fn = current.utf8_to_ucs2;
    current.fontdef = NULL;
    current.utf8_to_ucs2 = NULL;
    return ret;
}

/* ---------------------------------------------------------------- finishing the font */

typedef struct {
    HPDF_UINT16 gid, code;
} GlyphCode;

static int by_gid_then_code(const void* a, const void* b) {
    const GlyphCode* x = (const GlyphCode*)a;
    const GlyphCode* y = (const GlyphCode*)b;
    if (x->gid != y->gid)
        return x->gid < y->gid ? -1 : 1;
    return x->code < y->code ? -1 : x->code > y->code;
}

/* The glyphs drawn, sorted, one entry per glyph (the lowest code where several share one). */
static HPDF_UINT drawn_glyphs(HPDF_FontDef def, const HPDF_UINT16* codes, HPDF_UINT count,
                              GlyphCode* out) {
    HPDF_UINT i, n = 0, unique = 0;
    for (i = 0; i < count; i++) {
        HPDF_UINT16 gid = HPDF_TTFontDef_GetGlyphid(def, codes[i]);
        if (gid != 0) {
            out[n].gid = gid;
            out[n].code = codes[i];
            n++;
        }
    }
    qsort(out, n, sizeof *out, by_gid_then_code);
    for (i = 0; i < n; i++)
        if (unique == 0 || out[unique - 1].gid != out[i].gid)
            out[unique++] = out[i];
    return unique;
}

/* W: [gid [w w ...] gid [w ...]] for runs of consecutive drawn glyphs; the rest use DW. */
static HPDF_STATUS write_widths(HPDF_Font descendant, HPDF_FontDef def, const GlyphCode* glyphs,
                                HPDF_UINT n) {
    HPDF_Array w = HPDF_Array_New(descendant->mmgr);
    HPDF_Array run = NULL;
    HPDF_UINT i;
    HPDF_STATUS ret = HPDF_OK;
    if (!w)
        return HPDF_Error_GetCode(descendant->error);
    for (i = 0; i < n; i++) {
        if (!run || glyphs[i].gid != glyphs[i - 1].gid + 1) {
            ret += HPDF_Array_AddNumber(w, glyphs[i].gid);
            run = HPDF_Array_New(descendant->mmgr);
            if (!run)
                return HPDF_Error_GetCode(descendant->error);
            ret += HPDF_Array_Add(w, run);
        }
        ret += HPDF_Array_AddNumber(run, HPDF_TTFontDef_GetGidWidth(def, glyphs[i].gid));
    }
    /* Replaces (and frees) the Unicode-indexed array 2.3.0 made. */
    ret += HPDF_Dict_Add(descendant, "W", w);
    return ret;
}

/* CIDToGIDMap: codes are glyph ids now, so it maps each glyph to itself. A stream rather
 * than /Identity because the stream object exists already (an orphan would still be written). */
static HPDF_STATUS write_identity_map(HPDF_Stream s, HPDF_FontDef def) {
    HPDF_TTFontDefAttr tt = (HPDF_TTFontDefAttr)def->attr;
    HPDF_BYTE buf[512];
    HPDF_UINT n = 0, gid;
    HPDF_STATUS ret = HPDF_OK;
    HPDF_MemStream_FreeData(s);
    for (gid = 0; gid < tt->num_glyphs; gid++) {
        buf[n++] = (HPDF_BYTE)(gid >> 8);
        buf[n++] = (HPDF_BYTE)(gid & 0xFF);
        if (n == sizeof buf || gid + 1 == tt->num_glyphs) {
            ret += HPDF_Stream_Write(s, buf, n);
            n = 0;
        }
    }
    return ret;
}

/* ToUnicode: glyph id -> character, at most 100 entries per block (a PostScript limit). */
static HPDF_STATUS write_to_unicode(HPDF_Dict cmap, const GlyphCode* glyphs, HPDF_UINT n) {
    HPDF_Stream s = cmap->stream;
    char line[64];
    HPDF_UINT i;
    HPDF_STATUS ret = HPDF_OK;

    /* A plain stream: the keys 2.3.0 gave it belong to an encoding CMap. */
    HPDF_Dict_RemoveElement(cmap, "Type");
    HPDF_Dict_RemoveElement(cmap, "CMapName");
    HPDF_Dict_RemoveElement(cmap, "CIDSystemInfo");
    HPDF_Dict_RemoveElement(cmap, "WMode");
    HPDF_MemStream_FreeData(s);

    ret += HPDF_Stream_WriteStr(s,
        "/CIDInit /ProcSet findresource begin\n"
        "12 dict begin\n"
        "begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n"
        "/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    for (i = 0; i < n; i++) {
        if (i % 100 == 0) {
            snprintf(line, sizeof line, "%u beginbfchar\n", n - i < 100 ? n - i : 100);
            ret += HPDF_Stream_WriteStr(s, line);
        }
        snprintf(line, sizeof line, "<%04X> <%04X>\n", glyphs[i].gid, glyphs[i].code);
        ret += HPDF_Stream_WriteStr(s, line);
        if (i % 100 == 99 || i + 1 == n)
            ret += HPDF_Stream_WriteStr(s, "endbfchar\n");
    }
    ret += HPDF_Stream_WriteStr(s,
        "endcmap\n"
        "CMapName currentdict /CMap defineresource pop\n"
        "end\n"
        "end\n");
    return ret;
}

HPDF_STATUS herreg_hpdf_finish_unicode_font(HPDF_Font font, const HPDF_UINT16* codes,
                                            HPDF_UINT count) {
    HPDF_FontAttr attr = unicode_font_attr(font);
    GlyphCode* glyphs;
    HPDF_UINT n;
    HPDF_Dict info;
    HPDF_STATUS ret = HPDF_OK;

    if (!attr)
        return HPDF_RaiseError(font->error, HPDF_INVALID_FONT, 0);
    glyphs = (GlyphCode*)malloc((count ? count : 1) * sizeof *glyphs);
    if (!glyphs)
        return HPDF_RaiseError(font->error, HPDF_FAILD_TO_ALLOC_MEM, 0);
    n = drawn_glyphs(attr->fontdef, codes, count, glyphs);

    ret += write_widths(attr->descendant_font, attr->fontdef, glyphs, n);
    ret += write_identity_map(attr->map_stream->stream, attr->fontdef);
    ret += write_to_unicode(attr->cmap_stream, glyphs, n);
    free(glyphs);

    /* The CIDFont's character collection is Adobe-Identity-0 ("Identity-H" is the name of
     * the encoding, not an ordering). */
    info = (HPDF_Dict)HPDF_Dict_GetItem(attr->descendant_font, "CIDSystemInfo", HPDF_OCLASS_DICT);
    if (info)
        ret += HPDF_Dict_Add(info, "Ordering", HPDF_String_New(font->mmgr, "Identity", NULL));

    if (ret != HPDF_OK) {
        HPDF_STATUS code = HPDF_Error_GetCode(font->error);
        return code ? HPDF_CheckError(font->error) : HPDF_RaiseError(font->error, HPDF_FAILD_TO_ALLOC_MEM, 0);
    }
    return HPDF_OK;
}
