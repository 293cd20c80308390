// A FormDocument as plain text: the "copy" button next to the PDF download, and
// the CLI's `herreg form --text`. Tables become aligned columns, checks get a
// mark a reader can scan ("[ok]", "[!!]", "[i]").
#pragma once
#include "forms/form_document.h"

#include <string>

namespace herreg {

std::string render_text(const FormDocument& doc);

}  // namespace herreg
