// Drawing the blocks of a FormDocument section (form_document.h) onto the page flow.
#pragma once
#include "forms/form_document.h"
#include "page_flow.h"

namespace herreg::pdf {

// A block, with its optional sub-heading, from the current position.
void draw_block(PageFlow& flow, const DocBlock& block, const FormDocument& doc);

// The table kind (form_table.cpp): header row repeated on every page it continues on.
void draw_table(PageFlow& flow, const DocTable& table);

}  // namespace herreg::pdf
