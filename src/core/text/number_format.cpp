#include "text/number_format.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace herreg {

std::string format_number(double x, std::string_view lang, int decimals) {
    const bool nl = lang != "en";
    const char thousands = nl ? '.' : ',';
    const char decimal = nl ? ',' : '.';
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(x));
    std::string digits(buf), frac;
    if (auto dot = digits.find('.'); dot != std::string::npos) {
        frac = digits.substr(dot + 1);
        digits.resize(dot);
        while (!frac.empty() && frac.back() == '0') frac.pop_back();
    }
    std::string out;
    const int n = int(digits.size());
    for (int i = 0; i < n; ++i) {
        out += digits[size_t(i)];
        if ((n - 1 - i) % 3 == 0 && i != n - 1) out += thousands;
    }
    if (!frac.empty()) out += decimal + frac;
    const bool negative = x < 0 && (out.find_first_not_of("0.,") != std::string::npos);
    return negative ? "-" + out : out;
}

std::string plain_number(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", x);
    return buf;
}

std::optional<double> parse_number(std::string_view text, std::string_view lang) {
    const bool nl = lang != "en";
    const char thousands = nl ? '.' : ',';
    const char decimal = nl ? ',' : '.';
    // Trim spaces.
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    if (text.empty()) return std::nullopt;
    bool negative = false;
    if (text.front() == '-') {
        negative = true;
        text.remove_prefix(1);
    }
    std::string plain;
    bool seen_decimal = false;
    size_t digits_since_group = 0;
    bool grouped = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9') {
            plain += c;
            ++digits_since_group;
        } else if (c == thousands && !seen_decimal) {
            // Must sit between digit groups of three.
            if (plain.empty() || (grouped && digits_since_group != 3) || (!grouped && digits_since_group > 3))
                return std::nullopt;
            grouped = true;
            digits_since_group = 0;
        } else if (c == decimal && !seen_decimal) {
            if (grouped && digits_since_group != 3) return std::nullopt;
            seen_decimal = true;
            grouped = false;
            plain += '.';
            digits_since_group = 0;
        } else {
            return std::nullopt;
        }
    }
    if (grouped && digits_since_group != 3) return std::nullopt;
    if (plain.empty() || plain == ".") return std::nullopt;
    if (plain.size() > 15) return std::nullopt;   // beyond what a form field should hold
    const double v = std::strtod(plain.c_str(), nullptr);
    return negative ? -v : v;
}

}  // namespace herreg
