// The application form (any FormDocument) as a PDF, drawn with libharu.
#pragma once
#include "forms/form_document.h"

#include <string>
#include <string_view>

namespace herreg::pdf {

// TrueType file bytes. The renderer embeds (the used glyphs of) both fonts.
struct Fonts {
    std::string_view regular, bold;
};

// Renders the document as an A4 PDF and returns the file's bytes. The same document
// and fonts always give the same bytes (no clock, no random IDs). Throws
// std::runtime_error on a libharu error (a font it cannot read, for one).
std::string render_pdf(const FormDocument& doc, const Fonts& fonts);

}  // namespace herreg::pdf
