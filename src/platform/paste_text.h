// What a paste puts into a field. A spreadsheet puts rows on the clipboard as cells between
// tabs, lines ending in CRLF (Excel) or LF (LibreOffice), a cell quoted when it holds a tab,
// a line break or a quote. ImGui's fields drop tabs and a one-line field drops line breaks,
// so "2024<TAB>1200" would arrive as "20241200" and a copied name cell would lose nothing
// visible but glue words. The platform hands a paste over through one of these, chosen by
// the field that takes it (platform::text_field_takes_rows()).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace herreg::platform {

// For a box that takes rows (an import box): each row's cells between semicolons (the
// separator the app's help names), a cell quoted where it holds one, line ends as "\n".
// Text without tabs keeps its content (only CRLF and CR become "\n").
std::string paste_as_rows(std::string_view text);

// For any other field: the cells and rows joined by single spaces, a spreadsheet's quotes
// and the line break after the last row gone ("Bram<TAB>Jansen\r\n" -> "Bram Jansen").
std::string paste_as_line(std::string_view text);

// The most a paste may bring, in UTF-8 bytes. A box that takes rows: a spreadsheet's
// selection of some thousands of rows (a longer list is imported as a file, which has no such
// cost). Any other field: more than the longest text the portfolio keeps (the helpdesk notes,
// the application's reason, kMaxNotesText characters). A longer paste is refused whole, with a
// message: cut off, it would end in half a row or half a word; taken, 5 MB froze the tab for
// most of a minute (ImGui and the text proxy copy the field each frame).
inline constexpr std::size_t kMaxPasteRowsBytes = 512u * 1024u;
inline constexpr std::size_t kMaxPasteLineBytes = 64u * 1024u;
inline constexpr std::size_t paste_limit(bool rows) { return rows ? kMaxPasteRowsBytes : kMaxPasteLineBytes; }

}  // namespace herreg::platform
