#include "platform/paste_text.h"

#include <vector>

namespace herreg::platform {
namespace {

using Rows = std::vector<std::vector<std::string>>;

std::string unix_line_ends(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\r') out += text[i];
        else if (i + 1 >= text.size() || text[i + 1] != '\n') out += '\n';   // a lone CR ends a line too
    }
    return out;
}

// Tab-separated rows, Excel's quoting undone: a cell that starts with a quote and whose
// closing quote ("" inside stands for one) is followed by a tab, a line end or the end is
// quoted; any other quote is text. A line end after the last row ends it, no empty row.
Rows cells(const std::string& text) {
    Rows rows(1);
    std::string cell;
    bool started = false;   // the cell has begun (a quoted one may be empty)
    bool in_row = false;    // something of the current row was read
    auto put = [&] {
        rows.back().push_back(std::move(cell));
        cell.clear();
        started = false;
    };
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (c == '"' && !started) {
            std::string inner;
            std::size_t j = i + 1;
            bool closed = false;
            while (j < text.size()) {
                const std::size_t k = text.find('"', j);
                if (k == std::string::npos) break;
                inner.append(text, j, k - j);
                if (k + 1 < text.size() && text[k + 1] == '"') {
                    inner += '"';
                    j = k + 2;
                    continue;
                }
                j = k + 1;
                closed = true;
                break;
            }
            if (closed && (j >= text.size() || text[j] == '\t' || text[j] == '\n')) {
                cell = std::move(inner);
                started = in_row = true;
                i = j;
                continue;
            }
        }
        if (c == '\t') {
            put();
            in_row = true;
        } else if (c == '\n') {
            put();
            in_row = false;
            if (i + 1 < text.size()) rows.emplace_back();
        } else {
            cell += c;
            started = in_row = true;
        }
        ++i;
    }
    if (in_row) put();
    return rows;
}

}  // namespace

std::string paste_as_rows(std::string_view pasted) {
    const std::string text = unix_line_ends(pasted);
    if (text.find('\t') == std::string::npos) return text;
    std::string out;
    for (const auto& row : cells(text)) {
        if (!out.empty()) out += '\n';
        for (std::size_t k = 0; k < row.size(); ++k) {
            const std::string& c = row[k];
            if (k > 0) out += ';';
            if (c.find_first_of(";\"\n") == std::string::npos) {
                out += c;
                continue;
            }
            out += '"';
            for (const char ch : c) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
            out += '"';
        }
    }
    if (!text.empty() && text.back() == '\n') out += '\n';
    return out;
}

std::string paste_as_line(std::string_view pasted) {
    std::string out;
    for (const auto& row : cells(unix_line_ends(pasted))) {
        for (const std::string& c : row) {
            std::string one;   // a quoted cell's own line breaks and tabs become spaces too
            for (const char ch : c) one += ch == '\n' || ch == '\t' ? ' ' : ch;
            if (one.empty()) continue;
            if (!out.empty()) out += ' ';
            out += one;
        }
    }
    return out;
}

}  // namespace herreg::platform
