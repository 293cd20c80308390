#include "forms/form_text.h"

#include "text/utf8_text.h"

#include <algorithm>

namespace herreg {

namespace {

// Width in characters, not bytes: UTF-8 continuation bytes take no column.
size_t columns(const std::string& s) { return utf8_count_chars(s); }

std::string pad(const std::string& s, size_t width, bool right) {
    const size_t w = columns(s);
    if (w >= width) return s;
    return right ? std::string(width - w, ' ') + s : s + std::string(width - w, ' ');
}

// What a terminal or a pasted e-mail must not receive from user text: control characters
// (an escape sequence can clear a helpdesk's screen) and bidi overrides (which can make a
// line read differently from what it holds). Tabs become spaces; '\n' stays.
std::string clean(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == '\t') out += ' ';
        else if (c == '\n') out += '\n';
        else if (c < 0x20 || c == 0x7F) continue;
        else if (const char32_t b = bidi_control_at(s, i); b != 0 && b != 0x200E && b != 0x200F)
            i += 2;   // embeddings, overrides, isolates; the marks (U+200E, U+200F) only mark a direction
        else out += char(c);
    }
    return out;
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

std::string indent_lines(const std::string& text, const std::string& prefix) {
    std::string out = prefix;
    for (char c : text) {
        out += c;
        if (c == '\n') out += prefix;
    }
    return out;
}

void table(std::string& out, const DocTable& t) {
    size_t ncols = t.header.size();
    for (const auto& r : t.rows) ncols = std::max(ncols, r.size());
    if (ncols == 0) return;
    std::vector<size_t> width(ncols, 0);
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

static std::string render_text_raw(const FormDocument& doc);

std::string render_text(const FormDocument& doc) { return clean(render_text_raw(doc)); }

static std::string render_text_raw(const FormDocument& doc) {
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
                    out += "\n" + b.title + "\n" + indent_lines(blank(b.text) ? doc.empty_answer : b.text, "  ") + "\n";
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
