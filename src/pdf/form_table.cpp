// The table block: shaded header, thin grid, wrapped cells, numbers right-aligned, an
// emphasised total row. Rows do not split across pages (unless a single row is taller than
// a page); the header is repeated on each page the table continues on.
#include "form_blocks.h"
#include "form_style.h"

#include <algorithm>
#include <numeric>
#include <string>
#include <vector>

namespace herreg::pdf {
namespace {

struct Column {
    double x, w;
    bool numeric;
};

struct Row {
    std::vector<std::vector<std::string>> cells;   // lines per cell
    TextStyle style;
    const Rgb* fill = nullptr;
    std::size_t lines = 1;                          // the tallest cell
    double height(std::size_t n) const { return static_cast<double>(n) * style::cell_leading + 2 * style::cell_pad_y; }
};

std::vector<Column> columns(const DocTable& t, std::size_t n, double left, double width) {
    std::vector<double> weights(n, 1.0);
    if (t.widths.size() == n && std::all_of(t.widths.begin(), t.widths.end(), [](double w) { return w > 0; }))
        weights = t.widths;
    const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
    std::vector<Column> out;
    double x = left;
    for (std::size_t i = 0; i < n; ++i) {
        const double w = width * weights[i] / sum;
        out.push_back({x, w, i < t.numeric.size() && t.numeric[i]});
        x += w;
    }
    return out;
}

Row make_row(PageFlow& flow, const std::vector<std::string>& texts, const std::vector<Column>& cols,
             const TextStyle& text_style, const Rgb* fill) {
    Row row{{}, text_style, fill, 1};
    for (std::size_t i = 0; i < cols.size(); ++i) {
        std::vector<std::string> lines;
        if (i < texts.size())
            // A word may reach into the padding (not to the grid line) rather than be cut.
            for (auto& paragraph : flow.wrap(texts[i], text_style, cols[i].w - 2 * style::cell_pad_x,
                                             style::cell_pad_x - 1.5))
                for (auto& line : paragraph) lines.push_back(std::move(line));
        row.lines = std::max(row.lines, lines.size());
        row.cells.push_back(std::move(lines));
    }
    return row;
}

// Lines [first, first + count) of every cell, in a band of the row's height at y.
void draw_row_part(PageFlow& flow, const Row& row, const std::vector<Column>& cols, std::size_t first,
                   std::size_t count, bool top_rule) {
    Canvas& c = flow.canvas();
    const double top = flow.y();
    const double h = row.height(count);
    const double left = cols.front().x;
    const double right = cols.back().x + cols.back().w;
    if (row.fill) c.fill_rect(left, top, right - left, h, *row.fill);
    for (std::size_t i = 0; i < cols.size(); ++i) {
        const auto& lines = row.cells[i];
        for (std::size_t l = first; l < first + count && l < lines.size(); ++l) {
            const double line_top = top + style::cell_pad_y + static_cast<double>(l - first) * style::cell_leading;
            const double base = PageFlow::baseline(line_top, row.style, style::cell_leading);
            const double x = cols[i].numeric
                                 ? cols[i].x + cols[i].w - style::cell_pad_x - c.width(lines[l], row.style)
                                 : cols[i].x + style::cell_pad_x;
            c.text(x, base, lines[l], row.style);
        }
    }
    // The grid: a rule under the band (and over it at the top of a page), one between columns.
    if (top_rule) c.line(left, top, right, top, 0.5, style::grid);
    c.line(left, top + h, right, top + h, 0.5, style::grid);
    for (const Column& col : cols) c.line(col.x, top, col.x, top + h, 0.5, style::grid);
    c.line(right, top, right, top + h, 0.5, style::grid);
    flow.advance(h);
}

}  // namespace

void draw_table(PageFlow& flow, const DocTable& t) {
    std::size_t n = t.header.size();
    for (const auto& r : t.rows) n = std::max(n, r.size());
    if (n == 0) return;
    const std::vector<Column> cols = columns(t, n, flow.left(), flow.width());

    const Row header = make_row(flow, t.header, cols, style::cell_header, &style::accent_tint);
    std::vector<Row> rows;
    for (const auto& r : t.rows) rows.push_back(make_row(flow, r, cols, style::cell, nullptr));
    if (!t.total.empty()) rows.push_back(make_row(flow, t.total, cols, style::cell_total, &style::total_fill));

    const bool has_header = !t.header.empty();
    const double header_h = has_header ? header.height(header.lines) : 0;
    auto draw_header = [&] {
        if (has_header) draw_row_part(flow, header, cols, 0, header.lines, true);
    };

    // The header never sits alone at the foot of a page: it comes with the first row.
    const double first_h = rows.empty() ? 0 : rows.front().height(rows.front().lines);
    flow.need(header_h + std::min(first_h, flow.body_height() - header_h));
    draw_header();
    bool page_top = !has_header;   // whether the next band starts a fresh page (needs a top rule)

    for (const Row& row : rows) {
        std::size_t first = 0;
        bool fresh_page = false;
        while (first < row.lines) {
            const std::size_t remaining = row.lines - first;
            std::size_t fit = remaining;
            if (!flow.fits(row.height(remaining))) {
                // Move the whole row on if it fits on a page of its own; else fill this page.
                const bool fits_a_page = row.height(remaining) <= flow.body_height() - header_h;
                const double room = flow.room() - 2 * style::cell_pad_y;
                const std::size_t can = room > 0 ? static_cast<std::size_t>(room / style::cell_leading) : 0;
                if (!fresh_page && (fits_a_page || can == 0)) {
                    flow.new_page();
                    draw_header();
                    page_top = !has_header;
                    fresh_page = true;
                    continue;
                }
                fit = std::max<std::size_t>(can, 1);   // at least one line: always progress
            }
            fresh_page = false;
            draw_row_part(flow, row, cols, first, fit, page_top);
            page_top = false;
            first += fit;
        }
    }
}

}  // namespace herreg::pdf
