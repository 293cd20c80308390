// Fonts, colours and spacing. Sizes are in em (the body font size): build() turns them
// into device pixels for the current pixel ratio, so the UI scales as one piece.
#pragma once

#include <string>

struct ImFont;

namespace herreg::ui {

struct Fonts {
    ImFont* body = nullptr;   // 1 em, regular
    ImFont* strong = nullptr; // 1 em, bold
    ImFont* small = nullptr;  // 0.875 em, regular
    ImFont* heading = nullptr; // 1.3 em, bold
    ImFont* title = nullptr;  // 2.25 em, bold
};

struct Palette {
    unsigned background, card, border, text, muted, accent, accent_hover, accent_active,
        accent_soft, on_accent, good, good_soft, bad, bad_soft, warn, warn_soft, track;
};
extern const Palette kLightPalette, kDarkPalette;  // colours as IM_COL32 values
// The palette in use (light until a Theme is built dark).
const Palette& palette();

class Theme {
public:
    // Body text size in CSS pixels; every other size derives from it.
    static constexpr float kBodyCssPx = 17.0f;

    // True when fonts must be (re)built before the next ImGui frame.
    bool needs_build(float pixel_ratio, bool dark) const;

    // Rebuilds the font atlas and the style for `pixel_ratio` and the colour scheme. The
    // caller then tells the renderer (platform::fonts_changed). Must run between frames.
    void build(const std::string& font_dir, float pixel_ratio, bool dark);

    const Fonts& fonts() const { return fonts_; }

private:
    Fonts fonts_;
    float built_ratio_ = 0.0f;
    bool built_dark_ = false;
};

}  // namespace herreg::ui
