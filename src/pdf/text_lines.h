// UTF-8 text broken into lines that fit a width. Pure functions: the width of a piece of
// text comes from the caller, so this knows nothing about fonts or libharu.
#pragma once
#include "text/utf8_text.h"   // utf8_next, utf8_append

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace herreg::pdf {

// '\n' separates paragraphs ("\r\n" too). Blank paragraphs are dropped: the spacing
// between paragraphs is the layout's job, not the text's.
std::vector<std::string_view> split_paragraphs(std::string_view text);

using MeasureFn = std::function<double(std::string_view)>;

// Greedy word wrap of one paragraph: breaks at spaces; a word wider than the line is cut
// between characters. Runs of spaces count as one. Never returns an empty list for
// non-blank text. Lines fit `width`, except that a single word may use `overflow` more
// rather than be cut (a table cell's padding: "Geaccr." whole beats "Geaccr" + ".").
std::vector<std::string> wrap_paragraph(std::string_view paragraph, double width, const MeasureFn& measure,
                                        double overflow = 0);

// Cuts text to fit `width`, ending it with "…" when anything was cut.
std::string fit_with_ellipsis(std::string_view text, double width, const MeasureFn& measure);

}  // namespace herreg::pdf
