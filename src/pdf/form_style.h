// How the form looks: page geometry, type sizes and colours in one place.
// Points throughout (1/72 inch); y grows down the page (see pdf_canvas.h).
#pragma once
#include "pdf_canvas.h"

namespace herreg::pdf::style {

// A4 with ~18 mm margins; the footer sits in the bottom margin.
inline constexpr double margin_x = 50;
inline constexpr double margin_top = 50;
inline constexpr double content_bottom_gap = 62;   // page height minus this: last line's bottom
inline constexpr double footer_baseline_gap = 32;  // from the bottom edge
inline constexpr double footer_rule_gap = 44;

// Colours: dark text, one accent (a calm blue), greys that survive a mono printer.
inline constexpr Rgb ink{0.11f, 0.14f, 0.17f};          // #1c232b
inline constexpr Rgb muted{0.37f, 0.42f, 0.46f};        // #5f6b76
inline constexpr Rgb accent{0.122f, 0.373f, 0.545f};    // #1f5f8b
inline constexpr Rgb accent_tint{0.90f, 0.93f, 0.96f};  // table header
inline constexpr Rgb note_fill{0.95f, 0.955f, 0.96f};
inline constexpr Rgb total_fill{0.94f, 0.95f, 0.96f};
inline constexpr Rgb grid{0.72f, 0.76f, 0.80f};
inline constexpr Rgb hairline{0.86f, 0.88f, 0.90f};
inline constexpr Rgb ok{0.18f, 0.49f, 0.20f};           // #2e7d32
inline constexpr Rgb problem{0.78f, 0.16f, 0.16f};      // #c62828
inline constexpr Rgb info{0.122f, 0.373f, 0.545f};      // the accent
inline constexpr Rgb white{1, 1, 1};

// Type: size and line height (leading).
inline constexpr TextStyle title{Face::bold, 18, ink};
inline constexpr double title_leading = 23;
inline constexpr TextStyle subtitle{Face::regular, 10.5, muted};
inline constexpr double subtitle_leading = 15;
inline constexpr TextStyle heading{Face::bold, 13, accent};
inline constexpr double heading_leading = 17;
inline constexpr TextStyle subheading{Face::bold, 10.5, accent};
inline constexpr double subheading_leading = 15;
inline constexpr TextStyle body{Face::regular, 10, ink};
inline constexpr double body_leading = 14;
inline constexpr TextStyle question{Face::bold, 10, ink};
inline constexpr TextStyle empty_answer{Face::regular, 10, muted, true};
inline constexpr TextStyle note{Face::regular, 8.5, {0.23f, 0.27f, 0.31f}};
inline constexpr double note_leading = 11.5;
inline constexpr double note_padding = 6;
inline constexpr TextStyle field_label{Face::bold, 9, muted};
inline constexpr TextStyle field_value{Face::regular, 10, ink};
inline constexpr TextStyle cell{Face::regular, 8.5, ink};
inline constexpr TextStyle cell_header{Face::bold, 8.5, ink};
inline constexpr TextStyle cell_total{Face::bold, 8.5, ink};
inline constexpr double cell_leading = 11;
inline constexpr double cell_pad_x = 4;
inline constexpr double cell_pad_y = 3.5;
inline constexpr TextStyle check_detail{Face::regular, 8.5, muted};
inline constexpr double check_detail_leading = 11.5;
inline constexpr TextStyle footer{Face::regular, 8, muted};

// Vertical rhythm.
inline constexpr double paragraph_gap = 5;
inline constexpr double block_gap = 10;
inline constexpr double section_gap = 16;   // above a section heading
inline constexpr double keep_with_heading = 3 * body_leading;   // lines a heading keeps below it

}  // namespace herreg::pdf::style
