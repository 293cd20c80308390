// What a paste puts into a field. A spreadsheet puts rows on the clipboard as cells between
// tabs, lines ending in CRLF (Excel) or LF (LibreOffice), a cell quoted when it holds a tab,
// a line break or a quote. ImGui's fields drop tabs and a one-line field drops line breaks,
// so "2024<TAB>1200" would arrive as "20241200" and a copied name cell would lose nothing
// visible but glue words. The platform hands a paste over through one of these, chosen by
// the field that takes it (platform::text_field_takes_rows()).
#pragma once
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

}  // namespace herreg::platform
