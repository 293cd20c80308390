#include "ui/theme.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "imgui.h"

namespace herreg::ui {
namespace {

// Must match assets/fonts/unicodes.txt (cmake/font.cmake: the subset holds only these).
constexpr ImWchar kGlyphRanges[] = {
    0x0020, 0x007E,  // Basic Latin
    0x00A0, 0x00FF,  // Latin-1 Supplement
    0x0100, 0x017F,  // Latin Extended-A
    0x2013, 0x2014,  // – —
    0x2018, 0x201E,  // ‘ ’ ‚ “ ” „
    0x2022, 0x2022,  // •
    0x2026, 0x2026,  // …
    0x20AC, 0x20AC,  // €
    0x2190, 0x2193,  // ← ↑ → ↓
    0x2212, 0x2212,  // −
    0x2264, 0x2265,  // ≤ ≥
    0x25B4, 0x25BE,  // ▴ ▾
    0x2713, 0x2713,  // ✓
    0x2717, 0x2717,  // ✗
    0,
};

ImVec4 rgba(unsigned c) { return ImGui::ColorConvertU32ToFloat4(c); }

bool readable(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");   // C stdio: <fstream> would pull libc++'s locales into the web build
    if (f) std::fclose(f);
    return f != nullptr;
}

// One font of the theme at `size` device px: from the subset TTF file the web build embeds,
// or, without the files (the native tests do not build them), ImGui's own font at the same
// size, so that every screen still draws (it holds Basic Latin and Latin-1 only). The check
// comes first because AddFontFromFileTTF asserts on a missing file.
ImFont* add_font(bool from_file, const std::string& path, float size) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    ImFontConfig cfg;
    // Each glyph once, on whole pixels: the fonts are rasterised at the screen's own pixel size
    // (em in Theme::build), so oversampling for sub-pixel positions bought little and cost the first frame
    // (twice the rasterising, twice the texture to upload).
    cfg.OversampleH = 1;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    if (from_file) return atlas->AddFontFromFileTTF(path.c_str(), size, &cfg, kGlyphRanges);
    cfg.SizePixels = size;
    return atlas->AddFontDefault(&cfg);
}

}  // namespace

// Text on background and card keeps a contrast ratio of at least 4.5 (WCAG AA) in both.
const Palette kLightPalette{
    .background = IM_COL32(243, 245, 247, 255),
    .card = IM_COL32(255, 255, 255, 255),
    .border = IM_COL32(206, 213, 220, 255),
    .control = IM_COL32(122, 134, 148, 255),
    .text = IM_COL32(28, 36, 48, 255),
    .muted = IM_COL32(84, 95, 110, 255),
    .accent = IM_COL32(14, 106, 135, 255),
    .accent_hover = IM_COL32(22, 124, 156, 255),
    .accent_active = IM_COL32(9, 84, 108, 255),
    .accent_soft = IM_COL32(225, 240, 245, 255),
    .on_accent = IM_COL32(255, 255, 255, 255),
    .good = IM_COL32(30, 120, 62, 255),
    .good_soft = IM_COL32(226, 243, 231, 255),
    .bad = IM_COL32(176, 42, 36, 255),
    .bad_soft = IM_COL32(251, 231, 229, 255),
    .warn = IM_COL32(138, 86, 0, 255),
    .warn_soft = IM_COL32(253, 243, 218, 255),
    .track = IM_COL32(226, 231, 236, 255),
};

const Palette kDarkPalette{
    .background = IM_COL32(20, 25, 31, 255),
    .card = IM_COL32(30, 37, 46, 255),
    .border = IM_COL32(58, 68, 80, 255),
    .control = IM_COL32(112, 123, 136, 255),
    .text = IM_COL32(230, 234, 239, 255),
    .muted = IM_COL32(160, 171, 184, 255),
    .accent = IM_COL32(84, 182, 214, 255),
    .accent_hover = IM_COL32(110, 197, 225, 255),
    .accent_active = IM_COL32(64, 160, 192, 255),
    .accent_soft = IM_COL32(30, 58, 70, 255),
    .on_accent = IM_COL32(12, 20, 26, 255),
    .good = IM_COL32(108, 201, 134, 255),
    .good_soft = IM_COL32(27, 52, 37, 255),
    .bad = IM_COL32(240, 128, 118, 255),
    .bad_soft = IM_COL32(64, 32, 32, 255),
    .warn = IM_COL32(231, 180, 82, 255),
    .warn_soft = IM_COL32(60, 48, 24, 255),
    .track = IM_COL32(48, 57, 68, 255),
};

const Palette kLightContrastPalette{
    .background = IM_COL32(255, 255, 255, 255),
    .card = IM_COL32(255, 255, 255, 255),
    .border = IM_COL32(70, 70, 70, 255),
    .control = IM_COL32(0, 0, 0, 255),
    .text = IM_COL32(0, 0, 0, 255),
    .muted = IM_COL32(45, 45, 45, 255),
    .accent = IM_COL32(0, 62, 112, 255),
    .accent_hover = IM_COL32(0, 78, 138, 255),
    .accent_active = IM_COL32(0, 44, 82, 255),
    .accent_soft = IM_COL32(222, 236, 250, 255),
    .on_accent = IM_COL32(255, 255, 255, 255),
    .good = IM_COL32(0, 88, 30, 255),
    .good_soft = IM_COL32(226, 245, 231, 255),
    .bad = IM_COL32(150, 0, 0, 255),
    .bad_soft = IM_COL32(255, 230, 230, 255),
    .warn = IM_COL32(100, 58, 0, 255),
    .warn_soft = IM_COL32(255, 241, 212, 255),
    .track = IM_COL32(200, 200, 200, 255),
};

const Palette kDarkContrastPalette{
    .background = IM_COL32(0, 0, 0, 255),
    .card = IM_COL32(0, 0, 0, 255),
    .border = IM_COL32(185, 185, 185, 255),
    .control = IM_COL32(235, 235, 235, 255),
    .text = IM_COL32(255, 255, 255, 255),
    .muted = IM_COL32(222, 222, 222, 255),
    .accent = IM_COL32(125, 205, 255, 255),
    .accent_hover = IM_COL32(160, 220, 255, 255),
    .accent_active = IM_COL32(95, 185, 245, 255),
    .accent_soft = IM_COL32(0, 42, 72, 255),
    .on_accent = IM_COL32(0, 0, 0, 255),
    .good = IM_COL32(130, 235, 160, 255),
    .good_soft = IM_COL32(0, 48, 18, 255),
    .bad = IM_COL32(255, 160, 150, 255),
    .bad_soft = IM_COL32(72, 0, 0, 255),
    .warn = IM_COL32(255, 214, 120, 255),
    .warn_soft = IM_COL32(62, 42, 0, 255),
    .track = IM_COL32(70, 70, 70, 255),
};

namespace {
const Palette* g_palette = &kLightPalette;
Palette g_accented;   // the palette with an association's accent, when one was given

constexpr unsigned kWhite = IM_COL32(255, 255, 255, 255);
constexpr unsigned kBlack = IM_COL32(0, 0, 0, 255);

unsigned channel(unsigned c, int shift) { return (c >> shift) & 0xFFu; }

// `a` moved a fraction t towards `b` (in sRGB: what the eye takes for "a bit lighter").
unsigned mix(unsigned a, unsigned b, float t) {
    const auto one = [&](int shift) {
        const float x = float(channel(a, shift)) + (float(channel(b, shift)) - float(channel(a, shift))) * t;
        return static_cast<unsigned>(std::lround(std::clamp(x, 0.0f, 255.0f)));
    };
    return IM_COL32(one(IM_COL32_R_SHIFT), one(IM_COL32_G_SHIFT), one(IM_COL32_B_SHIFT), 255);
}

// WCAG 2 relative luminance and contrast ratio.
float luminance(unsigned c) {
    const auto linear = [&](int shift) {
        const float v = float(channel(c, shift)) / 255.0f;
        return v <= 0.04045f ? v / 12.92f : std::pow((v + 0.055f) / 1.055f, 2.4f);
    };
    return 0.2126f * linear(IM_COL32_R_SHIFT) + 0.7152f * linear(IM_COL32_G_SHIFT) + 0.0722f * linear(IM_COL32_B_SHIFT);
}

float contrast(unsigned a, unsigned b) {
    const float la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
}  // namespace

const Palette& palette() { return *g_palette; }

std::optional<unsigned> parse_accent(std::string_view text) {
    if (!text.empty() && text.front() == '#') text.remove_prefix(1);
    if (text.size() != 3 && text.size() != 6) return std::nullopt;
    int v[6];
    for (std::size_t i = 0; i < text.size(); ++i)
        if ((v[i] = hex_digit(text[i])) < 0) return std::nullopt;
    const auto byte = [&](int i) {
        return static_cast<unsigned>(text.size() == 3 ? v[i] * 17 : v[2 * i] * 16 + v[2 * i + 1]);
    };
    return IM_COL32(byte(0), byte(1), byte(2), 255);
}

Palette palette_with_accent(const Palette& base, unsigned accent, bool dark) {
    Palette p = base;
    accent |= IM_COL32(0, 0, 0, 255);
    // White on the accent when it reads well (4.5:1), else the better of white and dark text.
    const unsigned dark_text = dark ? IM_COL32(12, 20, 26, 255) : base.text;
    const auto words_on = [&](unsigned a) {
        return contrast(kWhite, a) >= 4.5f || contrast(kWhite, a) >= contrast(dark_text, a) ? kWhite : dark_text;
    };
    // Darker (light theme) or lighter (dark theme) in small steps until it reads as text on
    // both the page and a card, and a button's words read on it; a colour that already does is
    // kept exactly. (Both ask for the same direction: away from the page, towards the words.)
    unsigned a = accent;
    for (int i = 1; i <= 20 && (std::min(contrast(a, p.background), contrast(a, p.card)) < 4.5f ||
                                contrast(words_on(a), a) < 4.5f); ++i)
        a = mix(accent, dark ? kWhite : kBlack, 0.05f * float(i));
    p.accent = a;
    p.accent_hover = mix(a, kWhite, 0.12f);
    p.accent_active = mix(a, kBlack, 0.2f);
    p.accent_soft = dark ? mix(a, p.background, 0.82f) : mix(a, kWhite, 0.88f);
    p.on_accent = words_on(a);
    return p;
}

bool Theme::needs_build(float pixel_ratio, bool dark) const {
    return std::fabs(pixel_ratio - built_ratio_) > 0.01f || dark != built_dark_ || accent_ != built_accent_ ||
           more_contrast_ != built_more_contrast_;
}

void Theme::build(const std::string& font_dir, float pixel_ratio, bool dark) {
    if (more_contrast_) g_palette = dark ? &kDarkContrastPalette : &kLightContrastPalette;
    else g_palette = dark ? &kDarkPalette : &kLightPalette;
    if (accent_) {
        g_accented = palette_with_accent(*g_palette, *accent_, dark);
        g_palette = &g_accented;
    }
    const Palette& kPalette = *g_palette;
    ImGuiIO& io = ImGui::GetIO();
    const float em = std::round(kBodyCssPx * pixel_ratio);  // body font size in device pixels

    io.Fonts->Clear();
    const std::string regular = font_dir + "/ui-regular.ttf";
    const std::string bold = font_dir + "/ui-bold.ttf";
    const bool have_files = !font_dir.empty() && readable(regular) && readable(bold);
    fonts_.body = add_font(have_files, regular, em);
    fonts_.strong = add_font(have_files, bold, em);
    fonts_.small = add_font(have_files, regular, std::round(em * 0.875f));
    fonts_.heading = add_font(have_files, bold, std::round(em * 1.3f));
    io.FontDefault = fonts_.body;
    io.Fonts->Build();

    // Style: start from defaults, then sizes in em and our colours.
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    // Popups, menus, drop-down lists, tooltips and dialogs get room inside (the app's own
    // window sets none for itself: view_app.cpp).
    style.WindowPadding = ImVec2(0.6f * em, 0.5f * em);
    style.WindowBorderSize = 0.0f;
    style.WindowRounding = 0.0f;
    style.ChildRounding = 0.5f * em;
    style.ChildBorderSize = 1.0f;
    style.FramePadding = ImVec2(0.9f * em, 0.45f * em);
    style.FrameRounding = 0.35f * em;
    style.FrameBorderSize = 0.0f;
    style.ItemSpacing = ImVec2(0.6f * em, 0.55f * em);
    style.ItemInnerSpacing = ImVec2(0.4f * em, 0.4f * em);
    style.ScrollbarSize = 0.8f * em;
    style.ScrollbarRounding = 0.4f * em;
    style.GrabRounding = 0.35f * em;
    style.TouchExtraPadding = ImVec2(0.0f, 0.0f);
    style.DisabledAlpha = 0.5f;

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = rgba(kPalette.text);
    c[ImGuiCol_TextDisabled] = rgba(kPalette.muted);
    c[ImGuiCol_WindowBg] = rgba(kPalette.background);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_Border] = rgba(kPalette.control);   // frames: fields, buttons, radios, check boxes
    c[ImGuiCol_Separator] = rgba(kPalette.border);
    // Plain buttons are quiet (soft accent, body text); widgets.h draws the primary ones.
    c[ImGuiCol_Button] = rgba(kPalette.accent_soft);
    c[ImGuiCol_ButtonHovered] = rgba(kPalette.border);
    c[ImGuiCol_ButtonActive] = rgba(kPalette.border);
    c[ImGuiCol_FrameBg] = rgba(kPalette.card);
    c[ImGuiCol_CheckMark] = rgba(kPalette.accent);
    c[ImGuiCol_NavHighlight] = rgba(kPalette.accent);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBgHovered] = rgba(kPalette.accent_soft);
    c[ImGuiCol_FrameBgActive] = rgba(kPalette.accent_soft);
    c[ImGuiCol_Header] = rgba(kPalette.accent_soft);
    c[ImGuiCol_HeaderHovered] = rgba(kPalette.accent_soft);
    c[ImGuiCol_HeaderActive] = rgba(kPalette.accent_soft);
    c[ImGuiCol_PopupBg] = rgba(kPalette.card);
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0.0f, 0.0f, 0.0f, dark ? 0.6f : 0.35f);
    c[ImGuiCol_TableHeaderBg] = rgba(kPalette.accent_soft);
    c[ImGuiCol_TableBorderStrong] = rgba(kPalette.border);
    c[ImGuiCol_TableBorderLight] = rgba(kPalette.border);
    c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_TableRowBgAlt] = rgba(kPalette.background);
    c[ImGuiCol_TextSelectedBg] = rgba(kPalette.accent_soft);
    c[ImGuiCol_PlotHistogram] = rgba(kPalette.accent);
    c[ImGuiCol_ScrollbarGrab] = rgba(kPalette.border);
    c[ImGuiCol_ScrollbarGrabHovered] = rgba(kPalette.muted);
    c[ImGuiCol_ScrollbarGrabActive] = rgba(kPalette.muted);
    style.PopupRounding = 0.5f * em;
    style.PopupBorderSize = 1.0f;
    style.FrameBorderSize = more_contrast_ ? 2.0f : 1.0f;   // fields stand out from cards
    if (more_contrast_) style.ChildBorderSize = style.PopupBorderSize = 2.0f;
    style.CellPadding = ImVec2(0.4f * em, 0.3f * em);
    ImGui::GetStyle() = style;

    built_ratio_ = pixel_ratio;
    built_dark_ = dark;
    built_more_contrast_ = more_contrast_;
    built_accent_ = accent_;
}

}  // namespace herreg::ui
