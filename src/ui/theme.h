// Fonts, colours and spacing. Sizes are in em (the body font size): build() turns them
// into device pixels for the current pixel ratio, so the UI scales as one piece.
#pragma once

#include <optional>
#include <string>
#include <string_view>

struct ImFont;

namespace herreg::ui {

struct Fonts {
    ImFont* body = nullptr;   // 1 em, regular
    ImFont* strong = nullptr; // 1 em, bold
    ImFont* small = nullptr;  // 0.875 em, regular
    ImFont* heading = nullptr; // 1.3 em, bold
};

// `border` outlines cards and separates (quiet); `control` outlines what can be operated:
// fields, buttons, radio buttons, check boxes, with 3:1 against card and page (WCAG 1.4.11).
struct Palette {
    unsigned background, card, border, control, text, muted, accent, accent_hover, accent_active,
        accent_soft, on_accent, good, good_soft, bad, bad_soft, warn, warn_soft, track;
};
extern const Palette kLightPalette, kDarkPalette;  // colours as IM_COL32 values
// For people who ask their system for more contrast (prefers-contrast: more): text 7:1,
// outlines 4.5:1, cards set off by a dark (light) border rather than a shade.
extern const Palette kLightContrastPalette, kDarkContrastPalette;
// The palette in use (light until a Theme is built dark).
const Palette& palette();

// An association's own colour (?accent=, web/embed.js' data-accent): "#rrggbb" or "#rgb";
// the '#' may be left out (in an address it must be written %23). As IM_COL32; nullopt for
// anything else.
std::optional<unsigned> parse_accent(std::string_view text);

// `base` with its accent colours derived from `accent` (IM_COL32): the accent itself, made
// darker (light theme) or lighter (dark theme) only as far as needed to read as text on the
// page and on cards (contrast 4.5:1); hover and pressed shades; a soft tint for quiet buttons
// and table headers; and white or dark text on it, whichever reads better.
Palette palette_with_accent(const Palette& base, unsigned accent, bool dark);

class Theme {
public:
    // Body text size in CSS pixels; every other size derives from it.
    static constexpr float kBodyCssPx = 17.0f;

    // The high-contrast palettes (kLightContrastPalette / kDarkContrastPalette), from the next
    // build() on.
    void set_more_contrast(bool more) { more_contrast_ = more; }

    // True when fonts must be (re)built before the next ImGui frame.
    bool needs_build(float pixel_ratio, bool dark) const;

    // The accent colour (IM_COL32; nullopt: herreg's own blue), used from the next build() on.
    void set_accent(std::optional<unsigned> accent) { accent_ = accent; }

    // Rebuilds the font atlas and the style for `pixel_ratio` and the colour scheme. The
    // caller then tells the renderer (platform::fonts_changed). Must run between frames.
    void build(const std::string& font_dir, float pixel_ratio, bool dark);

    const Fonts& fonts() const { return fonts_; }

private:
    Fonts fonts_;
    float built_ratio_ = 0.0f;
    bool built_dark_ = false;
    bool more_contrast_ = false, built_more_contrast_ = false;
    std::optional<unsigned> accent_, built_accent_;
};

}  // namespace herreg::ui
