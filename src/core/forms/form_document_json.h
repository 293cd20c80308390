// A FormDocument as JSON text, and back: how the app hands a finished document to the PDF
// writer, which runs in a Worker of its own in the browser (src/pdf/pdf_worker.cpp) and is
// fetched only when a PDF is first asked for. Both sides are this build's, so the format has no
// version; the reader still checks every field's type, and reading back what the writer wrote
// gives the same document (numbers included: nlohmann writes doubles so that they read back
// exactly), so the PDF is the same bytes the CLI writes.
#pragma once
#include "forms/form_document.h"

#include <string>
#include <string_view>

namespace herreg {

std::string form_document_to_json(const FormDocument& doc);

// Throws InputError (naming the field) for text that is not such a document.
FormDocument form_document_from_json(std::string_view text);

}  // namespace herreg
