#include "pdf_canvas.h"

#include "hpdf.h"
#include "hpdf_memory_font.h"
#include "hpdf_unicode_font.h"
#include "text_lines.h"

#include <cstdio>
#include <stdexcept>

namespace herreg::pdf {
namespace {

// libharu reports errors through a callback and then returns an error code. Its demos
// longjmp out of the callback; we only note the first error, and Canvas::check throws it
// from C++ once the C call has returned (never unwinding through C frames).
extern "C" void note_error(HPDF_STATUS code, HPDF_STATUS detail, void* user) {
    auto* error = static_cast<Canvas::Error*>(user);
    if (error->code == 0) {
        error->code = code;
        error->detail = detail;
    }
}

const char* describe(unsigned long code) {
    switch (code) {
    case HPDF_FAILD_TO_ALLOC_MEM: return "out of memory";
    case HPDF_TTF_MISSING_TABLE: return "the font lacks a required TrueType table";
    case HPDF_TTF_INVALID_CMAP: return "the font has no usable Unicode cmap";
    case HPDF_TTF_INVALID_FOMAT: return "the font is not a TrueType font";
    case HPDF_TTF_CANNOT_EMBEDDING_FONT: return "the font's licence forbids embedding";
    case HPDF_INVALID_PARAMETER: return "invalid parameter (an empty font?)";
    case HPDF_STREAM_EOF: return "unexpected end of data (a truncated font?)";
    case HPDF_PAGE_INVALID_GMODE: return "drawing operation in the wrong graphics mode";
    default: return "libharu error";
    }
}

HPDF_Doc doc_of(void* p) { return static_cast<HPDF_Doc>(p); }
HPDF_Page page_of(void* p) { return static_cast<HPDF_Page>(p); }
HPDF_Font font_of(void* p) { return static_cast<HPDF_Font>(p); }

// Characters the subset font lacks but users may type, and what to show instead.
char32_t stand_in(char32_t c) {
    switch (c) {
    case 0x0218: return 0x015E;   // Ș (comma below, Romanian) -> Ş (cedilla)
    case 0x0219: return 0x015F;   // ș -> ş
    case 0x021A: return 0x0162;   // Ț -> Ţ
    case 0x021B: return 0x0163;   // ț -> ţ
    case 0x2010: case 0x2011: return '-';
    case 0x2012: return 0x2013;   // figure dash -> en dash
    case 0x2015: return 0x2014;
    case 0x2032: return '\'';
    case 0x2033: return '"';
    case 0x2007: case 0x202F: case 0x2060: return 0x00A0;   // no-break spaces stay unbreakable
    case 0x2714: return 0x2713;   // heavy check mark
    case 0x2716: case 0x2718: return 0x2717;
    default: break;
    }
    if (c >= 0x2000 && c <= 0x200A) return ' ';   // typographic spaces
    return '?';
}

}  // namespace

Canvas::Canvas(const Fonts& fonts) {
    HPDF_Doc doc = HPDF_New(note_error, &error_);
    if (!doc) throw std::runtime_error("PDF: libharu could not start (out of memory)");
    doc_ = doc;
    try {
        // UTF-8 text through libharu's Type0 fonts (see hpdf_unicode_font.h). As the current
        // encoder it also writes the info strings (Title) as UTF-16.
        HPDF_UseUTFEncodings(doc);
        HPDF_SetCurrentEncoder(doc, "UTF-8");
        // Content streams, fonts and metadata Flate-compressed (zlib): a re-entry form is a
        // third of its uncompressed size.
        HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
        check("setting up the document");

        const std::string_view files[2] = {fonts.regular, fonts.bold};
        const char* what[2] = {"loading the regular font", "loading the bold font"};
        for (std::size_t i = 0; i < 2; ++i) {
            const char* name = herreg_hpdf_load_ttf_from_memory(
                doc, reinterpret_cast<const HPDF_BYTE*>(files[i].data()),
                static_cast<HPDF_UINT>(files[i].size()), HPDF_TRUE);
            check(what[i]);
            fonts_[i] = HPDF_GetFont(doc, name, "UTF-8");
            check(what[i]);
        }
    } catch (...) {
        // No destructor runs for a constructor that throws: free the document here.
        HPDF_Free(doc);
        doc_ = nullptr;
        throw;
    }
}

Canvas::~Canvas() {
    if (doc_) HPDF_Free(doc_of(doc_));
}

void Canvas::check(const char* what) {
    if (error_.code == 0) return;
    char buf[64];
    std::snprintf(buf, sizeof buf, " (libharu error 0x%04lX, detail %lu)", error_.code, error_.detail);
    throw std::runtime_error(std::string("PDF: ") + what + ": " + describe(error_.code) + buf);
}

void* Canvas::font(Face face) const { return fonts_[face == Face::bold ? 1 : 0]; }

void Canvas::set_info(std::string_view title, std::string_view creator, const Date& created) {
    HPDF_Doc doc = doc_of(doc_);
    HPDF_SetInfoAttr(doc, HPDF_INFO_TITLE, clean(title, Face::regular).c_str());
    HPDF_SetInfoAttr(doc, HPDF_INFO_CREATOR, std::string(creator).c_str());
    // The document's own date at midnight, no zone: the same input gives the same file.
    HPDF_Date date{};
    date.year = created.y;
    date.month = created.m;
    date.day = created.d;
    date.ind = ' ';
    HPDF_SetInfoDateAttr(doc, HPDF_INFO_CREATION_DATE, date);
    check("setting the document info");
}

void Canvas::add_page() {
    HPDF_Page page = HPDF_AddPage(doc_of(doc_));
    check("adding a page");
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    page_width_ = HPDF_Page_GetWidth(page);
    page_height_ = HPDF_Page_GetHeight(page);
    check("adding a page");
    pages_.push_back(page);
    states_.emplace_back();
    current_ = pages_.size() - 1;
    page_ = page;
}

void Canvas::use_page(int index) {
    if (index < 0 || index >= page_count()) throw std::out_of_range("PDF: no such page");
    current_ = static_cast<std::size_t>(index);
    page_ = pages_[current_];
}

std::string Canvas::clean(std::string_view utf8, Face face) {
    HPDF_Font f = font_of(font(face));
    std::string out;
    out.reserve(utf8.size());
    std::size_t i = 0;
    while (i < utf8.size()) {
        char32_t c = utf8_next(utf8, i);
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
        if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0xAD || c == 0x200B || c == 0xFEFF)
            continue;   // controls, soft hyphen, zero-width: nothing to draw
        // libharu's codes are 16 bits; the font decides the rest.
        if (c > 0xFFFF || !herreg_hpdf_font_has_glyph(f, static_cast<HPDF_UINT16>(c))) {
            c = stand_in(c);
            if (!herreg_hpdf_font_has_glyph(f, static_cast<HPDF_UINT16>(c))) c = '?';
        }
        utf8_append(out, c);
    }
    return out;
}

double Canvas::width(std::string_view text, const TextStyle& style) {
    if (text.empty()) return 0;
    HPDF_TextWidth tw = HPDF_Font_TextWidth(font_of(font(style.face)),
                                            reinterpret_cast<const HPDF_BYTE*>(text.data()),
                                            static_cast<HPDF_UINT>(text.size()));
    check("measuring text");
    return tw.width * style.size / 1000.0;
}

void Canvas::text(double x, double baseline, std::string_view text, const TextStyle& style) {
    if (text.empty()) return;
    HPDF_Page page = page_of(page_);
    PaintState& state = states_[current_];
    const std::string s(text);
    set_fill(style.color);
    HPDF_Page_BeginText(page);
    // The font is graphics state: it outlives BT/ET, so set it only when it changes.
    const int face = style.face == Face::bold ? 1 : 0;
    if (state.font != face || state.font_size != style.size) {
        HPDF_Page_SetFontAndSize(page, font_of(fonts_[face]), static_cast<HPDF_REAL>(style.size));
        state.font = face;
        state.font_size = style.size;
    }
    const auto px = static_cast<HPDF_REAL>(x);
    const auto py = static_cast<HPDF_REAL>(page_height_ - baseline);
    if (style.oblique)
        HPDF_Page_SetTextMatrix(page, 1, 0, 0.21f, 1, px, py);   // a 12° shear (tan 12° ≈ 0.21)
    else
        HPDF_Page_MoveTextPos(page, px, py);   // from the identity matrix BT starts with
    herreg_hpdf_show_text(page, font_of(fonts_[face]), s.c_str());
    // The ToUnicode map (copying text out of the PDF) lists what was drawn.
    std::vector<bool>& drawn = drawn_[static_cast<std::size_t>(face)];
    drawn.resize(0x10000);
    for (std::size_t i = 0; i < s.size();) drawn[utf8_next(s, i) & 0xFFFF] = true;
    HPDF_Page_EndText(page);
    check("drawing text");
}

void Canvas::set_fill(Rgb c) {
    PaintState& state = states_[current_];
    if (state.fill.r == c.r && state.fill.g == c.g && state.fill.b == c.b) return;
    HPDF_Page_SetRGBFill(page_of(page_), c.r, c.g, c.b);
    state.fill = c;
}

void Canvas::set_stroke(Rgb c, double line_width) {
    PaintState& state = states_[current_];
    if (state.stroke.r != c.r || state.stroke.g != c.g || state.stroke.b != c.b) {
        HPDF_Page_SetRGBStroke(page_of(page_), c.r, c.g, c.b);
        state.stroke = c;
    }
    if (state.line_width != line_width) {
        HPDF_Page_SetLineWidth(page_of(page_), static_cast<HPDF_REAL>(line_width));
        state.line_width = line_width;
    }
}

void Canvas::fill_rect(double x, double top, double w, double h, Rgb color) {
    HPDF_Page page = page_of(page_);
    set_fill(color);
    HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(page_height_ - top - h),
                        static_cast<HPDF_REAL>(w), static_cast<HPDF_REAL>(h));
    HPDF_Page_Fill(page);
    check("drawing a rectangle");
}

void Canvas::line(double x1, double y1, double x2, double y2, double line_width, Rgb color) {
    HPDF_Page page = page_of(page_);
    set_stroke(color, line_width);
    HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(x1), static_cast<HPDF_REAL>(page_height_ - y1));
    HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(x2), static_cast<HPDF_REAL>(page_height_ - y2));
    HPDF_Page_Stroke(page);
    check("drawing a line");
}

void Canvas::fill_circle(double cx, double cy, double radius, Rgb color) {
    HPDF_Page page = page_of(page_);
    set_fill(color);
    HPDF_Page_Circle(page, static_cast<HPDF_REAL>(cx), static_cast<HPDF_REAL>(page_height_ - cy),
                     static_cast<HPDF_REAL>(radius));
    HPDF_Page_Fill(page);
    check("drawing a circle");
}

std::string Canvas::save() {
    HPDF_Doc doc = doc_of(doc_);
    for (std::size_t i = 0; i < 2; ++i) {
        std::vector<HPDF_UINT16> codes;
        for (std::size_t c = 0; c < drawn_[i].size(); ++c)
            if (drawn_[i][c]) codes.push_back(static_cast<HPDF_UINT16>(c));
        herreg_hpdf_finish_unicode_font(font_of(fonts_[i]), codes.data(), static_cast<HPDF_UINT>(codes.size()));
        check("finishing the fonts");
    }
    HPDF_SaveToStream(doc);
    check("writing the PDF");
    std::string out(HPDF_GetStreamSize(doc), '\0');
    HPDF_ResetStream(doc);
    std::size_t done = 0;
    while (done < out.size()) {
        HPDF_UINT32 n = static_cast<HPDF_UINT32>(out.size() - done);
        const HPDF_STATUS status = HPDF_ReadFromStream(doc, reinterpret_cast<HPDF_BYTE*>(&out[done]), &n);
        done += n;
        if (status == HPDF_STREAM_EOF || n == 0) break;
        check("reading the PDF back");
    }
    // HPDF_ReadFromStream reports the end as an error; that one is expected.
    if (error_.code == HPDF_STREAM_EOF) error_ = {};
    check("reading the PDF back");
    out.resize(done);
    return out;
}

}  // namespace herreg::pdf
