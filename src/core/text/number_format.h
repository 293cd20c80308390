// Numbers the way people type and read them: Dutch "1.600" and "12,5",
// English "1,600" and "12.5". Files and the CLI's JSON stay plain numbers.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace herreg {

// At most `decimals` decimals, trailing zeros dropped: 1600 -> "1.600" (nl), 12.5 -> "12,5".
std::string format_number(double x, std::string_view lang, int decimals = 1);

// Reads what a person typed in the UI language's convention. Plain "1600" and
// "12" always work; "1.600"/"12,5" in Dutch, "1,600"/"12.5" in English. A lone
// separator followed by exactly three digits is a thousands separator in that
// language. Returns empty for anything else (letters, two decimal marks, ...).
std::optional<double> parse_number(std::string_view text, std::string_view lang);

// A number in a message about a file or a field, as C's "%g" writes it: 6 significant digits,
// no separators ("100000", "1e+06", "0.5"). No iostreams: they would pull all of libc++'s
// locales into the web build.
std::string plain_number(double x);

}  // namespace herreg
