// render_pdf: the title, the sections block by block, and last the footers (they need
// the page count, known only once everything is laid out).
#include "pdf_form.h"

#include "form_blocks.h"
#include "form_style.h"
#include "page_flow.h"
#include "pdf_canvas.h"
#include "text_lines.h"

#include <string>

namespace herreg::pdf {
namespace {

void draw_title(PageFlow& flow, const FormDocument& doc) {
    flow.draw(flow.wrap(doc.title, style::title, flow.width()), flow.left(), style::title,
              style::title_leading, 0);
    if (!doc.subtitle.empty()) {
        flow.advance(1);
        flow.draw(flow.wrap(doc.subtitle, style::subtitle, flow.width()), flow.left(), style::subtitle,
                  style::subtitle_leading, 0);
    }
    flow.advance(6);
    flow.canvas().line(flow.left(), flow.y(), flow.left() + flow.width(), flow.y(), 1.2, style::accent);
    flow.advance(6);
}

void draw_section(PageFlow& flow, const DocSection& section, const FormDocument& doc) {
    if (!section.title.empty()) {
        flow.gap(style::section_gap);
        const Paragraphs title = flow.wrap(section.title, style::heading, flow.width());
        const double rule_gap = 3, after = 8;
        // The heading, its rule and the first lines below it start a page together.
        flow.need(PageFlow::line_count(title) * style::heading_leading + rule_gap + after +
                  style::keep_with_heading);
        flow.draw(title, flow.left(), style::heading, style::heading_leading, 0);
        flow.advance(rule_gap);
        flow.canvas().line(flow.left(), flow.y(), flow.left() + flow.width(), flow.y(), 0.6, style::accent);
        flow.advance(after);
    }
    for (std::size_t i = 0; i < section.blocks.size(); ++i) {
        if (i > 0) flow.gap(style::block_gap);
        draw_block(flow, section.blocks[i], doc);
    }
}

// "Pagina {} van {}" -> "Pagina 2 van 5": the first {} is the page, the second the count.
std::string page_label(std::string pattern, int page, int count) {
    for (int value : {page, count}) {
        const auto at = pattern.find("{}");
        if (at == std::string::npos) break;
        pattern.replace(at, 2, std::to_string(value));
    }
    return pattern;
}

void draw_footers(Canvas& canvas, const FormDocument& doc) {
    const double left = style::margin_x;
    const double right = canvas.page_width() - style::margin_x;
    const double rule_y = canvas.page_height() - style::footer_rule_gap;
    const double baseline = canvas.page_height() - style::footer_baseline_gap;
    const std::string footer = canvas.clean(doc.footer, style::footer.face);
    for (int i = 0; i < canvas.page_count(); ++i) {
        canvas.use_page(i);
        canvas.line(left, rule_y, right, rule_y, 0.5, style::hairline);
        const std::string number = canvas.clean(page_label(doc.page_of, i + 1, canvas.page_count()), style::footer.face);
        const double number_w = canvas.width(number, style::footer);
        canvas.text(right - number_w, baseline, number, style::footer);
        // The footer gives way to the page number when both do not fit.
        const MeasureFn measure = [&](std::string_view s) { return canvas.width(s, style::footer); };
        canvas.text(left, baseline, fit_with_ellipsis(footer, right - left - number_w - 24, measure), style::footer);
    }
}

}  // namespace

std::string render_pdf(const FormDocument& doc, const Fonts& fonts) {
    Canvas canvas(fonts);
    canvas.set_info(doc.title, "herreg", doc.created);
    PageFlow flow(canvas);
    draw_title(flow, doc);
    for (const DocSection& section : doc.sections) draw_section(flow, section, doc);
    draw_footers(canvas, doc);
    return canvas.save();
}

}  // namespace herreg::pdf
