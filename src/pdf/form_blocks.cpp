#include "form_blocks.h"

#include "form_style.h"

#include <algorithm>
#include <string>
#include <utility>

namespace herreg::pdf {
namespace {

// Keeps a heading with the first lines of what follows it: a heading alone at the foot
// of a page reads as a mistake.
void draw_heading_lines(PageFlow& flow, const Paragraphs& lines, const TextStyle& style,
                        double leading, double keep_below) {
    const double h = PageFlow::line_count(lines) * leading;
    flow.need(h + keep_below);
    flow.draw(lines, flow.left(), style, leading, 0);
}

void draw_paragraph(PageFlow& flow, const std::string& text) {
    const Paragraphs paragraphs = flow.wrap(text, style::body, flow.width());
    // No single line left behind at the foot of a page.
    const int lines = PageFlow::line_count(paragraphs);
    flow.need(std::min(lines, 2) * style::body_leading);
    flow.draw(paragraphs, flow.left(), style::body, style::body_leading, style::paragraph_gap);
}

// Smaller text on a light panel. A long note continues on the next page in a panel of its own.
void draw_note(PageFlow& flow, const std::string& text) {
    const double pad = style::note_padding;
    const double inner_x = flow.left() + pad + 3;   // 3: the bar on the left
    const Paragraphs paragraphs = flow.wrap(text, style::note, flow.width() - 2 * pad - 3);

    struct Line { const std::string* text; double gap_before; };
    std::vector<Line> lines;
    for (std::size_t p = 0; p < paragraphs.size(); ++p)
        for (std::size_t l = 0; l < paragraphs[p].size(); ++l)
            lines.push_back({&paragraphs[p][l], p > 0 && l == 0 ? style::paragraph_gap - 2 : 0.0});

    std::size_t next = 0;
    while (next < lines.size()) {
        flow.need(2 * pad + std::min<std::size_t>(lines.size() - next, 2) * style::note_leading);
        // As many lines as fit in this page's panel (at least one).
        std::size_t end = next;
        double h = 0;
        while (end < lines.size()) {
            const double add = (end > next ? lines[end].gap_before : 0) + style::note_leading;
            if (end > next && 2 * pad + h + add > flow.room()) break;
            h += add;
            ++end;
        }
        const double top = flow.y();
        Canvas& c = flow.canvas();
        c.fill_rect(flow.left(), top, flow.width(), h + 2 * pad, style::note_fill);
        c.fill_rect(flow.left(), top, 2, h + 2 * pad, style::grid);
        flow.advance(pad);
        for (std::size_t i = next; i < end; ++i) {
            if (i > next) flow.advance(lines[i].gap_before);
            flow.draw_line(*lines[i].text, inner_x, style::note, style::note_leading);
            flow.advance(style::note_leading);
        }
        flow.advance(pad);
        next = end;
        if (next < lines.size()) flow.new_page();
    }
}

// Label and value side by side, a hairline between rows, like a filled-in paper form.
void draw_fields(PageFlow& flow, const std::vector<DocField>& fields) {
    Canvas& c = flow.canvas();
    // The label column is as wide as the longest label needs, within sensible bounds.
    double label_w = 0;
    for (const DocField& f : fields)
        label_w = std::max(label_w, c.width(c.clean(f.label, style::field_label.face), style::field_label));
    label_w = std::clamp(label_w + 16, flow.width() * 0.25, flow.width() * 0.40);
    const double value_x = flow.left() + label_w;
    const double value_w = flow.width() - label_w;
    const double row_pad = 3;

    for (std::size_t i = 0; i < fields.size(); ++i) {
        auto flat = [](Paragraphs ps) {
            std::vector<std::string> out;
            for (auto& p : ps)
                for (auto& l : p) out.push_back(std::move(l));
            return out;
        };
        const std::vector<std::string> label = flat(flow.wrap(fields[i].label, style::field_label, label_w - 12));
        const std::vector<std::string> value = flat(flow.wrap(fields[i].value, style::field_value, value_w));
        const std::size_t rows = std::max<std::size_t>({label.size(), value.size(), 1});
        flow.need(std::min(static_cast<double>(rows) * style::body_leading + 2 * row_pad, flow.body_height()));
        flow.advance(row_pad);
        for (std::size_t r = 0; r < rows; ++r) {
            flow.need(style::body_leading + row_pad);
            // Label and value share the value's baseline, though the label is smaller.
            const double base = PageFlow::baseline(flow.y(), style::field_value, style::body_leading);
            if (r < label.size()) c.text(flow.left(), base, label[r], style::field_label);
            if (r < value.size()) c.text(value_x, base, value[r], style::field_value);
            flow.advance(style::body_leading);
        }
        flow.advance(row_pad);
        if (i + 1 < fields.size()) c.line(flow.left(), flow.y(), flow.left() + flow.width(), flow.y(), 0.5, style::hairline);
    }
}

// The question in bold, the answer below it; an empty answer says so, in grey.
void draw_answer(PageFlow& flow, const DocBlock& block, const FormDocument& doc) {
    const bool empty = block.text.find_first_not_of(" \n\r\t") == std::string::npos;
    if (!block.title.empty()) {
        const Paragraphs q = flow.wrap(block.title, style::question, flow.width());
        draw_heading_lines(flow, q, style::question, style::body_leading, 2 * style::body_leading);
        flow.advance(2);
    }
    if (empty) {
        flow.draw(flow.wrap(doc.empty_answer, style::empty_answer, flow.width()), flow.left(),
                  style::empty_answer, style::body_leading, style::paragraph_gap);
    } else {
        flow.draw(flow.wrap(block.text, style::body, flow.width()), flow.left(), style::body,
                  style::body_leading, style::paragraph_gap);
    }
}

// ✓ / ✗ / i in a small coloured disc: readable in colour and, by shape, in grey print.
void draw_marker(Canvas& c, double x, double center_y, CheckStatus status) {
    const double r = 5.5;
    const char* glyph = status == CheckStatus::ok ? "\u2713" : status == CheckStatus::problem ? "\u2717" : "i";
    const Rgb fill = status == CheckStatus::ok ? style::ok : status == CheckStatus::problem ? style::problem : style::info;
    c.fill_circle(x + r, center_y, r, fill);
    const TextStyle mark{Face::bold, 8, style::white};
    const std::string g = c.clean(glyph, Face::bold);
    c.text(x + r - c.width(g, mark) / 2, center_y + 0.36 * mark.size, g, mark);
}

void draw_checks(PageFlow& flow, const std::vector<DocCheck>& checks) {
    const double indent = 18;
    const double text_w = flow.width() - indent;
    for (std::size_t i = 0; i < checks.size(); ++i) {
        const DocCheck& check = checks[i];
        const Paragraphs text = flow.wrap(check.text, style::body, text_w);
        const Paragraphs detail = flow.wrap(check.detail, style::check_detail, text_w);
        const double h = PageFlow::line_count(text) * style::body_leading +
                         PageFlow::line_count(detail) * style::check_detail_leading;
        // A check and its advice belong together on one page when they can.
        if (i > 0) flow.gap(4);
        flow.need(std::min(h, flow.body_height()));
        const double first_line_center = flow.y() + style::body_leading / 2;
        draw_marker(flow.canvas(), flow.left(), first_line_center, check.status);
        flow.draw(text, flow.left() + indent, style::body, style::body_leading, 2);
        flow.draw(detail, flow.left() + indent, style::check_detail, style::check_detail_leading, 2);
    }
}

}  // namespace

void draw_block(PageFlow& flow, const DocBlock& block, const FormDocument& doc) {
    if (block.kind == DocBlock::Kind::answer) {
        draw_answer(flow, block, doc);
        return;
    }
    if (!block.title.empty()) {
        const Paragraphs title = flow.wrap(block.title, style::subheading, flow.width());
        draw_heading_lines(flow, title, style::subheading, style::subheading_leading, style::keep_with_heading);
        flow.advance(2);
    }
    switch (block.kind) {
    case DocBlock::Kind::paragraph: draw_paragraph(flow, block.text); break;
    case DocBlock::Kind::note: draw_note(flow, block.text); break;
    case DocBlock::Kind::fields: draw_fields(flow, block.fields); break;
    case DocBlock::Kind::table: draw_table(flow, block.table); break;
    case DocBlock::Kind::checks: draw_checks(flow, block.checks); break;
    case DocBlock::Kind::answer: break;   // handled above
    }
}

}  // namespace herreg::pdf
