// A thin C++ face on libharu for the form renderer: pages, two embedded fonts, text,
// rectangles and lines, in points with y measured DOWN from the top of the page (the way
// the layout thinks; libharu's y goes up). Every libharu error becomes a
// std::runtime_error from the call that caused it.
#pragma once
#include "dates/civil_date.h"
#include "pdf_form.h"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace herreg::pdf {

enum class Face { regular, bold };

struct Rgb {
    float r, g, b;
};

struct TextStyle {
    Face face = Face::regular;
    double size = 10;
    Rgb color{0, 0, 0};
    bool oblique = false;   // slanted regular: we embed no italic font
};

class Canvas {
public:
    explicit Canvas(const Fonts& fonts);
    ~Canvas();
    Canvas(const Canvas&) = delete;
    Canvas& operator=(const Canvas&) = delete;

    void set_info(std::string_view title, std::string_view creator, const Date& created);

    void add_page();                 // A4 portrait; becomes the page drawn on
    int page_count() const { return static_cast<int>(pages_.size()); }
    void use_page(int index);        // 0-based; to draw footers once all pages exist
    double page_width() const { return page_width_; }
    double page_height() const { return page_height_; }

    // The text as the font can show it: valid UTF-8, no control characters, and a close
    // stand-in (or '?') for characters the subset font lacks. Measure and draw this.
    std::string clean(std::string_view utf8, Face face);
    double width(std::string_view text, const TextStyle& style);

    void text(double x, double baseline, std::string_view text, const TextStyle& style);
    void fill_rect(double x, double top, double w, double h, Rgb color);
    void line(double x1, double y1, double x2, double y2, double line_width, Rgb color);
    void fill_circle(double cx, double cy, double radius, Rgb color);

    // The finished file. Call once, after all drawing.
    std::string save();

    struct Error {
        unsigned long code = 0, detail = 0;
    };

private:
    void check(const char* what);    // throws if libharu reported an error
    void* font(Face face) const;
    // Colours, line width and font last set on a page. libharu writes every Set* call into
    // the (uncompressed) content stream; skipping repeats keeps a long table small.
    struct PaintState {
        Rgb fill{-1, -1, -1}, stroke{-1, -1, -1};
        double line_width = -1, font_size = -1;
        int font = -1;
    };
    void set_fill(Rgb color);
    void set_stroke(Rgb color, double line_width);

    Error error_;                    // written by libharu's error callback
    void* doc_ = nullptr;            // HPDF_Doc (void* keeps hpdf.h out of this header)
    std::vector<void*> pages_;       // HPDF_Page
    std::vector<PaintState> states_; // per page
    std::size_t current_ = 0;        // the page drawn on
    void* page_ = nullptr;           // pages_[current_]
    std::array<void*, 2> fonts_{};   // HPDF_Font per Face
    std::array<std::vector<bool>, 2> drawn_;   // per Face: which characters were drawn
    double page_width_ = 0, page_height_ = 0;
};

}  // namespace herreg::pdf
