#include "ui/view_welcome.h"

#include <algorithm>
#include <cstdio>

#include "imgui.h"

#ifndef HERREG_VERSION
#define HERREG_VERSION "dev"
#endif

namespace herreg::ui {
namespace {

ImVec4 col(unsigned c) { return ImGui::ColorConvertU32ToFloat4(c); }

// Segmented Nederlands | English switch. Returns its width when `measure_only`.
float language_switch(UiState& state, const Theme& theme, bool measure_only) {
    const ImGuiStyle& style = ImGui::GetStyle();
    float width = 0.0f;
    ImGui::PushFont(theme.fonts().strong);
    for (Lang lang : kLanguages) {
        const char* name = strings(lang).language_name;
        width += ImGui::CalcTextSize(name).x + 2.0f * style.FramePadding.x;
    }
    const float gap = 0.3f * ImGui::GetFontSize();
    width += gap * static_cast<float>(kLanguages.size() - 1);
    if (measure_only) {
        ImGui::PopFont();
        return width;
    }
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, 0.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
    ImGui::PushStyleColor(ImGuiCol_Border, col(kPalette.accent));
    for (Lang lang : kLanguages) {
        const bool selected = lang == state.lang;
        if (selected) {
            ImGui::PushStyleColor(ImGuiCol_Button, col(kPalette.accent));
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, col(kPalette.accent));
            ImGui::PushStyleColor(ImGuiCol_ButtonActive, col(kPalette.accent));
            ImGui::PushStyleColor(ImGuiCol_Text, col(kPalette.on_accent));
        } else {
            ImGui::PushStyleColor(ImGuiCol_Button, col(kPalette.card));
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, col(kPalette.accent_soft));
            ImGui::PushStyleColor(ImGuiCol_ButtonActive, col(kPalette.accent_soft));
            ImGui::PushStyleColor(ImGuiCol_Text, col(kPalette.accent));
        }
        if (lang != kLanguages.front()) ImGui::SameLine();
        if (ImGui::Button(strings(lang).language_name) && !selected) {
            state.lang = lang;
            state.lang_changed = true;
        }
        ImGui::PopStyleColor(4);
    }
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
    ImGui::PopFont();
    return width;
}

// A numbered step: a round badge, then the text wrapped beside it.
void step(int number, const char* text, const Theme& theme) {
    const float em = ImGui::GetFontSize();
    const float radius = 0.8f * em;
    const float line = ImGui::GetTextLineHeight();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();

    const ImVec2 centre(p.x + radius, p.y + radius);
    dl->AddCircleFilled(centre, radius, kPalette.accent_soft, 32);
    char digits[8];
    std::snprintf(digits, sizeof digits, "%d", number);
    ImFont* bold = theme.fonts().strong;
    const ImVec2 size = bold->CalcTextSizeA(bold->FontSize, 1e9f, 0.0f, digits);
    dl->AddText(bold, bold->FontSize, ImVec2(centre.x - size.x * 0.5f, centre.y - size.y * 0.5f),
                kPalette.accent, digits);

    ImGui::SetCursorScreenPos(ImVec2(p.x + 2.0f * radius + 0.75f * em, p.y + radius - line * 0.5f));
    ImGui::TextUnformatted(text);
    const float bottom = std::max(ImGui::GetItemRectMax().y, p.y + 2.0f * radius);
    ImGui::SetCursorScreenPos(ImVec2(p.x, bottom));
    ImGui::Dummy(ImVec2(0.0f, 0.15f * em));
}

}  // namespace

void WelcomeView::draw(UiState& state, const Theme& theme) {
    const Strings& s = strings(state.lang);
    const Fonts& fonts = theme.fonts();
    const ImGuiIO& io = ImGui::GetIO();

    ImGui::SetNextWindowPos(ImVec2(0.0f, 0.0f));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("##welcome", nullptr,
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);

    const float em = ImGui::GetFontSize();
    const float margin = 1.5f * em;
    const float width = ImGui::GetWindowContentRegionMax().x;  // excludes a scrollbar
    const float column = std::min(width - 2.0f * margin, 44.0f * em);
    const float x0 = std::max(margin, (width - column) * 0.5f);
    const float top = std::max(margin, (io.DisplaySize.y - content_height_) * 0.5f);
    ImGui::SetCursorPos(ImVec2(x0, top));
    const float start_y = ImGui::GetCursorPosY();

    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(x0 + column);

    // Header: name on the left, language switch on the right.
    const float header_y = ImGui::GetCursorPosY();
    ImGui::PushFont(fonts.title);
    ImGui::PushStyleColor(ImGuiCol_Text, col(kPalette.accent));
    ImGui::TextUnformatted("herreg");
    ImGui::PopStyleColor();
    const float title_height = ImGui::GetItemRectSize().y;
    ImGui::PopFont();
    const float switch_width = language_switch(state, theme, true);
    const float switch_height = ImGui::GetFrameHeight();
    ImGui::SameLine(column - switch_width);  // inside the group: relative to its left edge
    ImGui::SetCursorPosY(header_y + (title_height - switch_height) * 0.5f);
    language_switch(state, theme, false);
    ImGui::SetCursorPosY(header_y + std::max(title_height, switch_height));

    ImGui::Dummy(ImVec2(0.0f, 0.1f * em));
    ImGui::PushStyleColor(ImGuiCol_Text, col(kPalette.muted));
    ImGui::TextUnformatted(s.subtitle);
    ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(0.0f, 0.9f * em));
    ImGui::TextUnformatted(s.tagline);
    ImGui::Dummy(ImVec2(0.0f, 0.9f * em));

    // The card where the wizard will live. Its background is drawn after its content
    // (so its height is known) on a channel below it.
    {
        const float pad = 1.5f * em;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->ChannelsSplit(2);
        dl->ChannelsSetCurrent(1);
        const ImVec2 card_min = ImGui::GetCursorScreenPos();
        ImGui::SetCursorPos(ImVec2(x0 + pad, ImGui::GetCursorPosY() + pad));
        ImGui::PushTextWrapPos(x0 + column - pad);
        ImGui::BeginGroup();

        ImGui::PushFont(fonts.strong);
        ImGui::TextUnformatted(s.how_title);
        ImGui::PopFont();
        ImGui::Dummy(ImVec2(0.0f, 0.35f * em));
        for (int i = 0; i < static_cast<int>(s.steps.size()); ++i) step(i + 1, s.steps[static_cast<size_t>(i)], theme);
        ImGui::Dummy(ImVec2(0.0f, 0.5f * em));

        ImGui::BeginDisabled();
        ImGui::PushFont(fonts.strong);
        ImGui::Button(s.start_button);
        ImGui::PopFont();
        ImGui::EndDisabled();
        ImGui::SameLine(0.0f, 1.0f * em);
        ImGui::PushFont(fonts.small);
        ImGui::PushStyleColor(ImGuiCol_Text, col(kPalette.muted));
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(s.start_note);
        ImGui::PopStyleColor();
        ImGui::PopFont();

        ImGui::EndGroup();
        ImGui::PopTextWrapPos();
        const ImVec2 card_max(card_min.x + column, ImGui::GetItemRectMax().y + pad);
        dl->ChannelsSetCurrent(0);
        const float rounding = 0.6f * em;
        dl->AddRectFilled(card_min, card_max, kPalette.card, rounding);
        dl->AddRect(card_min, card_max, kPalette.border, rounding, 0, 1.0f);
        dl->ChannelsMerge();
        ImGui::SetCursorScreenPos(ImVec2(card_min.x, card_max.y));
        ImGui::Dummy(ImVec2(column, 1.0f * em));
    }

    // What herreg promises, each with a check mark.
    for (const char* promise : s.promises) {
        ImGui::PushFont(fonts.strong);
        ImGui::PushStyleColor(ImGuiCol_Text, col(kPalette.accent));
        ImGui::TextUnformatted("✓");
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ImGui::SameLine(0.0f, 0.5f * em);
        ImGui::TextUnformatted(promise);
    }
    ImGui::Dummy(ImVec2(0.0f, 0.6f * em));

    ImGui::PushFont(fonts.small);
    ImGui::PushStyleColor(ImGuiCol_Text, col(kPalette.muted));
    ImGui::TextUnformatted(s.disclaimer);
    ImGui::TextUnformatted("herreg " HERREG_VERSION);
    ImGui::PopStyleColor();
    ImGui::PopFont();

    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    content_height_ = ImGui::GetCursorPosY() - start_y;
    ImGui::Dummy(ImVec2(0.0f, margin));  // bottom margin when the page scrolls
    ImGui::End();
}

}  // namespace herreg::ui
