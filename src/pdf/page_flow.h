// The running position on the page while the form is laid out top to bottom, and the
// page breaks. Blocks ask for the room they need (need()); a new page starts when it is
// not there, so nothing is drawn into the footer.
#pragma once
#include "pdf_canvas.h"

#include <string>
#include <string_view>
#include <vector>

namespace herreg::pdf {

// Paragraphs, each a list of lines that fit the width they were wrapped to.
using Paragraphs = std::vector<std::vector<std::string>>;

class PageFlow {
public:
    explicit PageFlow(Canvas& canvas);

    Canvas& canvas() { return canvas_; }
    double y() const { return y_; }
    double left() const { return left_; }
    double width() const { return width_; }
    double body_height() const { return bottom_ - top_; }   // all of an empty page

    bool at_page_top() const { return y_ <= top_; }
    double room() const { return bottom_ - y_; }               // left on this page
    bool fits(double h) const { return y_ + h <= bottom_; }
    // Starts a new page unless `h` fits below the current position (or the page is still
    // empty: what does not fit on an empty page will not fit on the next one either).
    // Returns whether a page was started.
    bool need(double h);
    void new_page();
    // Vertical space; swallowed at the top of a page, where it would only push content down.
    void gap(double h);
    void advance(double h) { y_ += h; }

    // Cleans, splits at '\n' and wraps text in the given style (overflow: see wrap_paragraph).
    Paragraphs wrap(std::string_view text, const TextStyle& style, double width, double overflow = 0);
    static int line_count(const Paragraphs& paragraphs);

    // Draws wrapped text from the current position, breaking pages between lines.
    void draw(const Paragraphs& paragraphs, double x, const TextStyle& style, double leading,
              double paragraph_gap);
    // One line box of height `leading` at the current position; does not move.
    void draw_line(std::string_view line, double x, const TextStyle& style, double leading);

    // The baseline that centres a line of `style` in a box of height `leading` at `top`.
    static double baseline(double top, const TextStyle& style, double leading);

private:
    Canvas& canvas_;
    double top_, bottom_, left_, width_;
    double y_;
};

}  // namespace herreg::pdf
