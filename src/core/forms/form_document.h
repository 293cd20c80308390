// A finished document (the application form, later other printouts) as plain blocks,
// independent of how it is rendered. The core fills it in; renderers turn it into
// plain text (form_text.h, here in the core) or a PDF (src/pdf, libharu). Keeping
// the words and figures here means the PDF, the text to copy and the tests all read
// the same content.
#pragma once
#include "dates/civil_date.h"

#include <string>
#include <vector>

namespace herreg {

struct DocField {            // "Naam: Anna de Vries"
    std::string label, value;
};

struct DocTable {
    std::vector<std::string> header;
    std::vector<double> widths;     // relative column widths, one per column
    std::vector<bool> numeric;      // right-aligned columns, one per column
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> total; // an emphasised last row; empty: none
};

enum class CheckStatus { ok, problem, info };

struct DocCheck {            // one line of the pre-check: ✓ / ✗ / i, text, and what to do
    CheckStatus status = CheckStatus::info;
    std::string text;
    std::string detail;      // may be empty
};

struct DocBlock {
    enum class Kind {
        paragraph,   // text
        note,        // text, set apart (smaller, shaded): sources, hints
        fields,      // label/value pairs in two columns
        answer,      // title = the question, text = the answer (may hold '\n' paragraphs)
        table,
        checks,
    };
    Kind kind = Kind::paragraph;
    std::string title;              // optional sub-heading above the block; a paragraph with a
                                    // title and no text is just that sub-heading
    std::string text;
    std::vector<DocField> fields;
    DocTable table;
    std::vector<DocCheck> checks;
};

struct DocSection {
    std::string title;              // "1. Persoonsgegevens"
    std::vector<DocBlock> blocks;
};

struct FormDocument {
    std::string lang;               // "nl" or "en"
    std::string title;              // "Aanvraag dispensatieregeling"
    std::string subtitle;           // "Kwaliteitsregister Paramedici · Anna de Vries"
    std::string footer;             // left of the page number on every page
    std::string page_of;            // "Pagina {} van {}": page number, page count
    std::string empty_answer;       // shown for an answer left empty ("(niet ingevuld)")
    std::string file_stem;          // "aanvraag-dispensatie-2026-11-22" (no extension)
    Date created;                   // the check date: the document is the same every time
    std::vector<DocSection> sections;
};

}  // namespace herreg
