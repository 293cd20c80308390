// The PDF writer as a module of its own, run in a Worker by the web app (herreg_js_make_pdf in
// src/platform/web_platform.js): libharu, zlib and the fonts are fetched when a PDF is first
// asked for, not with the page. It takes a FormDocument as JSON (forms/form_document_json.h)
// and gives the PDF's bytes; pdf_worker_pre.js passes the messages. The fonts are the subset the
// CLI compiles in (cmake/pdf_fonts.cmake), so the browser's PDF is the CLI's, byte for byte.
#include <emscripten/emscripten.h>

#include <exception>
#include <string>

#include "embedded_fonts.h"
#include "forms/form_document_json.h"
#include "pdf_form.h"

namespace {
std::string g_pdf;     // the last PDF made, until the next
std::string g_error;   // why the last one could not be made
}  // namespace

extern "C" {

// 1: the PDF is at herreg_pdf_data(), herreg_pdf_size() bytes; 0: herreg_pdf_error() says why not.
EMSCRIPTEN_KEEPALIVE int herreg_pdf_render(const char* json, int len) {
    g_pdf.clear();
    g_error.clear();
    try {
        g_pdf = herreg::pdf::render_pdf(herreg::form_document_from_json(std::string_view(json, std::size_t(len))),
                                        herreg::pdf::embedded_fonts());
        return 1;
    } catch (const std::exception& e) {
        g_error = e.what();
        return 0;
    }
}

EMSCRIPTEN_KEEPALIVE const char* herreg_pdf_data() { return g_pdf.data(); }
EMSCRIPTEN_KEEPALIVE int herreg_pdf_size() { return static_cast<int>(g_pdf.size()); }
EMSCRIPTEN_KEEPALIVE const char* herreg_pdf_error() { return g_error.c_str(); }

}  // extern "C"
