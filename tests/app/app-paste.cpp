// What a paste puts into a field (src/platform/paste_text.h), for what LibreOffice, Excel and
// a web page put on the clipboard: an import box gets rows with their cells between
// semicolons; any other field gets one line of words. In the browser, hands.test.mjs pastes
// the same through the app.
#include <doctest/doctest.h>

#include "platform/paste_text.h"

using herreg::platform::paste_as_line;
using herreg::platform::paste_as_rows;

TEST_CASE("an import box gets a spreadsheet's rows with their cells between semicolons") {
    // Excel: CRLF, and a cell quoted because it holds a quote (doubled inside).
    CHECK(paste_as_rows("2023\t1500\r\n2024\t1.200,5\r\n") == "2023;1500\n2024;1.200,5\n");
    CHECK(paste_as_rows("15-03-2024\t\"Cursus \"\"najaar\"\"\"\t12,5\r\n") == "15-03-2024;\"Cursus \"\"najaar\"\"\";12,5\n");
    // LibreOffice: LF, no line end after the last row; a cell with a ';' is quoted.
    CHECK(paste_as_rows("02-10-2024\tCursus; deel 1\t3") == "02-10-2024;\"Cursus; deel 1\";3");
    // A cell with a line break inside (Alt+Enter) stays one cell.
    CHECK(paste_as_rows("\"regel 1\nregel 2\"\t4\n") == "\"regel 1\nregel 2\";4\n");
    // No tabs: the text as it is, only its line ends made "\n"; a quote not closing a cell is text.
    CHECK(paste_as_rows("2024;1200\r2025;800") == "2024;1200\n2025;800");
    CHECK(paste_as_rows("\"Cursus\" deel 1\t2") == "\"\"\"Cursus\"\" deel 1\";2");
}

TEST_CASE("any other field gets one line: no line break after the cell, cells and rows between spaces") {
    CHECK(paste_as_line("KP-7654321\r\n") == "KP-7654321");
    CHECK(paste_as_line("Bram\tJansen\r\n") == "Bram Jansen");
    CHECK(paste_as_line("\"Cursus \"\"najaar\"\"\"\r\n") == "Cursus \"najaar\"");
    CHECK(paste_as_line("eerste regel\ntweede regel") == "eerste regel tweede regel");
    CHECK(paste_as_line("\r\n") == "");
    CHECK(paste_as_line("a\t\tb\t") == "a b");
    CHECK(paste_as_line("\"Cursus\" deel 1") == "\"Cursus\" deel 1");
    CHECK(paste_as_line("12,5") == "12,5");
}
