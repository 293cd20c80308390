#include "text_lines.h"

namespace herreg::pdf {

char32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) {
        ++i;
        return b0;
    }
    // The lead byte says how many continuation bytes follow (C0, C1, F5..FF never lead).
    const std::size_t extra = b0 >= 0xC2 && b0 <= 0xDF ? 1 : b0 >= 0xE0 && b0 <= 0xEF ? 2 : b0 >= 0xF0 && b0 <= 0xF4 ? 3 : 0;
    if (extra == 0 || i + extra >= s.size()) {   // not a lead byte, or cut off at the end
        ++i;
        return 0xFFFD;
    }
    char32_t c = b0 & (0x7F >> (extra + 1));
    for (std::size_t k = 1; k <= extra; ++k) {
        const unsigned char b = byte(i + k);
        if ((b & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        c = (c << 6) | (b & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not characters.
    const bool overlong = (extra == 2 && c < 0x800) || (extra == 3 && c < 0x10000);
    if (overlong || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) {
        ++i;
        return 0xFFFD;
    }
    i += extra + 1;
    return c;
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

std::vector<std::string_view> split_paragraphs(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.find_first_not_of(' ') != std::string_view::npos) out.push_back(line);
        start = end + 1;
    }
    return out;
}

namespace {

std::vector<std::string_view> split_words(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        const std::size_t start = i;
        while (i < text.size() && text[i] != ' ') ++i;
        if (i > start) words.push_back(text.substr(start, i - start));
    }
    return words;
}

// The width of one character at word[i], and i moved past it.
double next_width(std::string_view word, std::size_t& i, const MeasureFn& measure) {
    const std::size_t start = i;
    next_code_point(word, i);
    return measure(word.substr(start, i - start));
}

}  // namespace

std::vector<std::string> wrap_paragraph(std::string_view paragraph, double width, const MeasureFn& measure,
                                        double overflow) {
    std::vector<std::string> lines;
    const double space = measure(" ");
    std::string line;
    double line_width = 0;
    for (std::string_view word : split_words(paragraph)) {
        const double w = measure(word);
        // Widths add up: libharu has no kerning, so "a b" is exactly a + space + b.
        if (!line.empty() && line_width + space + w <= width) {
            line += ' ';
            line += word;
            line_width += space + w;
            continue;
        }
        if (!line.empty()) lines.push_back(std::move(line));
        line.clear();
        // Too wide even on its own line (an IBAN, a URL): cut it where the line is full, each
        // piece the longest run of whole characters (at least one) that fits. Widths add up, so
        // the word is walked once: measuring every prefix again was quadratic, and a draft of
        // 65,000-character words took seconds per field.
        double rest = w;
        while (rest > width + overflow) {
            std::size_t i = 0, fit = 0;
            double fit_width = 0;
            while (i < word.size()) {
                const double c = next_width(word, i, measure);
                if (fit > 0 && fit_width + c > width) break;
                fit = i;
                fit_width += c;
            }
            if (fit >= word.size()) break;
            lines.emplace_back(word.substr(0, fit));
            word.remove_prefix(fit);
            rest -= fit_width;
        }
        line = std::string(word);
        line_width = rest;
    }
    if (!line.empty()) lines.push_back(std::move(line));
    return lines;
}

std::string fit_with_ellipsis(std::string_view text, double width, const MeasureFn& measure) {
    if (measure(text) <= width) return std::string(text);
    const std::string_view ellipsis = "\u2026";
    const double room = width - measure(ellipsis);
    // One walk, the widths added up (measuring every prefix was quadratic in the text's length).
    std::size_t fit = 0, i = 0;
    double fit_width = 0;
    while (i < text.size()) {
        const double c = next_width(text, i, measure);
        if (fit_width + c > room) break;
        fit = i;
        fit_width += c;
    }
    std::string out(text.substr(0, fit));
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + std::string(ellipsis);
}

}  // namespace herreg::pdf
