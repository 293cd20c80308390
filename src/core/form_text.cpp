#include "form_text.h"

#include <algorithm>

namespace herreg {

namespace {

// Width in characters, not bytes: UTF-8 continuation bytes take no column.
size_t columns(const std::string& s) {
    return size_t(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string pad(const std::string& s, size_t width, bool right) {
    const size_t w = columns(s);
    if (w >= width) return s;
    return right ? std::string(width - w, ' ') + s : s + std::string(width - w, ' ');
}

std::string indent_lines(const std::string& text, const std::string& prefix) {
    std::string out = prefix;
    for (char c : text) {
        out += c;
        if (c == '\n') out += prefix;
    }
    return out;
}

void table(std::string& out, const DocTable& t) {
    std::vector<size_t> width(t.header.size(), 0);
    auto measure = [&](const std::vector<std::string>& row) {
        for (size_t i = 0; i < row.size() && i < width.size(); ++i) width[i] = std::max(width[i], columns(row[i]));
    };
    measure(t.header);
    for (const auto& r : t.rows) measure(r);
    if (!t.total.empty()) measure(t.total);
    auto line = [&](const std::vector<std::string>& row) {
        std::string s = " ";
        for (size_t i = 0; i < width.size(); ++i) {
            const std::string cell = i < row.size() ? row[i] : "";
            const bool right = i < t.numeric.size() && t.numeric[i];
            s += " " + pad(cell, width[i], right);
        }
        while (!s.empty() && s.back() == ' ') s.pop_back();
        out += s + "\n";
    };
    line(t.header);
    size_t total_width = 1;
    for (size_t w : width) total_width += w + 1;
    out += "  " + std::string(total_width - 2, '-') + "\n";
    for (const auto& r : t.rows) line(r);
    if (!t.total.empty()) {
        out += "  " + std::string(total_width - 2, '-') + "\n";
        line(t.total);
    }
}

}  // namespace

std::string render_text(const FormDocument& doc) {
    std::string out = doc.title + "\n" + std::string(columns(doc.title), '=') + "\n";
    if (!doc.subtitle.empty()) out += doc.subtitle + "\n";
    for (const auto& sec : doc.sections) {
        out += "\n" + sec.title + "\n" + std::string(columns(sec.title), '-') + "\n";
        for (const auto& b : sec.blocks) {
            if (!b.title.empty() && b.kind != DocBlock::Kind::answer) out += "\n" + b.title + "\n";
            switch (b.kind) {
                case DocBlock::Kind::paragraph:
                    if (!b.text.empty()) out += b.text + "\n";
                    break;
                case DocBlock::Kind::note: out += indent_lines(b.text, "  | ") + "\n"; break;
                case DocBlock::Kind::fields: {
                    size_t w = 0;
                    for (const auto& f : b.fields) w = std::max(w, columns(f.label));
                    for (const auto& f : b.fields) out += "  " + pad(f.label + ":", w + 1, false) + " " + f.value + "\n";
                    break;
                }
                case DocBlock::Kind::answer:
                    out += "\n" + b.title + "\n" + indent_lines(b.text.empty() ? doc.empty_answer : b.text, "  ") + "\n";
                    break;
                case DocBlock::Kind::table: table(out, b.table); break;
                case DocBlock::Kind::checks:
                    for (const auto& c : b.checks) {
                        const char* mark = c.status == CheckStatus::ok ? "[ok] " : c.status == CheckStatus::problem ? "[!!] " : "[i]  ";
                        out += "  " + std::string(mark) + c.text + "\n";
                        if (!c.detail.empty()) out += "       " + c.detail + "\n";
                    }
                    break;
            }
        }
    }
    return out;
}

}  // namespace herreg
