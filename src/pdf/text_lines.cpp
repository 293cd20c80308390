#include "text_lines.h"

namespace herreg::pdf {

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
    utf8_next(word, i);
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
