#include "page_flow.h"

#include "form_style.h"
#include "text_lines.h"

namespace herreg::pdf {

PageFlow::PageFlow(Canvas& canvas) : canvas_(canvas) {
    canvas_.add_page();
    top_ = style::margin_top;
    bottom_ = canvas_.page_height() - style::content_bottom_gap;
    left_ = style::margin_x;
    width_ = canvas_.page_width() - 2 * style::margin_x;
    y_ = top_;
}

bool PageFlow::need(double h) {
    if (fits(h) || at_page_top()) return false;
    new_page();
    return true;
}

void PageFlow::new_page() {
    canvas_.add_page();
    y_ = top_;
}

void PageFlow::gap(double h) {
    if (!at_page_top()) y_ += h;
}

Paragraphs PageFlow::wrap(std::string_view text, const TextStyle& style, double width, double overflow) {
    const MeasureFn measure = [&](std::string_view s) { return canvas_.width(s, style); };
    Paragraphs out;
    for (std::string_view paragraph : split_paragraphs(text)) {
        std::vector<std::string> lines = wrap_paragraph(canvas_.clean(paragraph, style.face), width, measure, overflow);
        if (!lines.empty()) out.push_back(std::move(lines));
    }
    return out;
}

int PageFlow::line_count(const Paragraphs& paragraphs) {
    std::size_t n = 0;
    for (const auto& p : paragraphs) n += p.size();
    return static_cast<int>(n);
}

double PageFlow::baseline(double top, const TextStyle& style, double leading) {
    // DejaVu's capitals and x-height sit around 0.73 em; centring that span in the box
    // puts lines of different sizes on visually equal footing.
    return top + (leading + 0.73 * style.size) / 2;
}

void PageFlow::draw_line(std::string_view line, double x, const TextStyle& style, double leading) {
    canvas_.text(x, baseline(y_, style, leading), line, style);
}

void PageFlow::draw(const Paragraphs& paragraphs, double x, const TextStyle& style, double leading,
                    double paragraph_gap) {
    bool first = true;
    for (const auto& paragraph : paragraphs) {
        if (!first) gap(paragraph_gap);
        first = false;
        for (const std::string& line : paragraph) {
            need(leading);
            draw_line(line, x, style, leading);
            y_ += leading;
        }
    }
}

}  // namespace herreg::pdf
