// The palettes against WCAG 2.1: text 4.5:1 on page and card (1.4.3; the accent and the
// verdict colours are text too), the outline of what can be operated (fields, buttons, radio
// buttons, check boxes) 3:1 (1.4.11), in both themes and with an association's accent; the
// high-contrast palettes (prefers-contrast: more) 7:1 and 4.5:1. In the dark theme unchecked radio buttons were hardly
// visible: their outline was the cards' quiet border (1.6:1).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "imgui.h"
#include "ui/theme.h"

using herreg::ui::Palette;

namespace {

double channel(unsigned c) {
    const double v = double(c & 0xFF) / 255.0;
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

// IM_COL32 is 0xAABBGGRR.
double luminance(unsigned c) { return 0.2126 * channel(c) + 0.7152 * channel(c >> 8) + 0.0722 * channel(c >> 16); }

double contrast(unsigned a, unsigned b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// `text`: what text needs (4.5, 7 for the high-contrast palettes), `controls` what an outline
// needs. The accent and the verdict colours are text too (links, "voldaan", error lines).
void check_palette(const Palette& p, const std::string& name, double text = 4.5, double controls = 3.0) {
    for (const unsigned ground : {p.background, p.card}) {
        INFO(name);
        CHECK(contrast(p.text, ground) >= text);
        CHECK(contrast(p.muted, ground) >= text);
        CHECK(contrast(p.accent, ground) >= 4.5);
        CHECK(contrast(p.bad, ground) >= 4.5);
        CHECK(contrast(p.good, ground) >= 4.5);
        CHECK(contrast(p.warn, ground) >= 4.5);
        CHECK(contrast(p.control, ground) >= controls);
    }
    INFO(name);
    CHECK(contrast(p.on_accent, p.accent) >= 4.5);   // a primary button's words
    CHECK(contrast(p.text, p.accent_soft) >= text);  // a quiet button's words
}

}  // namespace

TEST_CASE("text reads 4.5:1 and controls stand out 3:1 on page and card, light and dark, with an accent too") {
    check_palette(herreg::ui::kLightPalette, "light");
    check_palette(herreg::ui::kDarkPalette, "dark");
    const unsigned purple = IM_COL32(0x7a, 0x1f, 0x5c, 255);
    check_palette(herreg::ui::palette_with_accent(herreg::ui::kLightPalette, purple, false), "light, accent");
    check_palette(herreg::ui::palette_with_accent(herreg::ui::kDarkPalette, purple, true), "dark, accent");
}

TEST_CASE("the high-contrast palettes: text 7:1, outlines 4.5:1, with an accent too") {
    check_palette(herreg::ui::kLightContrastPalette, "light, more contrast", 7.0, 4.5);
    check_palette(herreg::ui::kDarkContrastPalette, "dark, more contrast", 7.0, 4.5);
    const unsigned purple = IM_COL32(0x7a, 0x1f, 0x5c, 255);
    check_palette(herreg::ui::palette_with_accent(herreg::ui::kLightContrastPalette, purple, false), "light, more contrast, accent", 7.0, 4.5);
    check_palette(herreg::ui::palette_with_accent(herreg::ui::kDarkContrastPalette, purple, true), "dark, more contrast, accent", 7.0, 4.5);
    CHECK(contrast(herreg::ui::kLightContrastPalette.border, herreg::ui::kLightContrastPalette.card) >= 3.0);
    CHECK(contrast(herreg::ui::kDarkContrastPalette.border, herreg::ui::kDarkContrastPalette.card) >= 3.0);
}
