// The first screen: what herreg is, how it works, and three ways in (start, open a saved
// file, an example).
#include <algorithm>

#include "imgui.h"
#include "portfolio/samples.h"
#include "ui/views.h"
#include "ui/widgets.h"

#ifndef HERREG_VERSION
#define HERREG_VERSION "dev"
#endif

namespace herreg::ui {
namespace {

// A numbered step: a round badge, then the text wrapped beside it.
void numbered(int number, const char* text, const Theme& theme) {
    const float em = ImGui::GetFontSize();
    const float radius = 0.8f * em;
    const float line = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    number_badge(ImVec2(p.x + radius, p.y + radius), radius, number, palette().accent_soft, palette().accent_soft,
                 palette().accent, theme);
    ImGui::SetCursorScreenPos(ImVec2(p.x + 2.0f * radius + 0.75f * em, p.y + radius - line * 0.5f));
    ui::text(text);
    const float bottom = std::max(ImGui::GetItemRectMax().y, p.y + 2.0f * radius);
    ImGui::SetCursorScreenPos(ImVec2(p.x, bottom));
    ImGui::Dummy(ImVec2(0.0f, 0.15f * em));
}

}  // namespace

void draw_welcome(AppState& state, const Theme& theme) {
    const Strings& s = strings(state.lang);
    const float em = ImGui::GetFontSize();
    text_muted(s.subtitle);
    ImGui::Dummy(ImVec2(0, 0.5f * em));
    ImGui::PushFont(theme.fonts().heading);
    text(s.tagline);
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, 0.6f * em));

    card_begin();
    text_strong(s.how_title, theme);
    ImGui::Dummy(ImVec2(0, 0.3f * em));
    for (int i = 0; i < static_cast<int>(s.steps.size()); ++i) numbered(i + 1, s.steps[size_t(i)], theme);
    ImGui::Dummy(ImVec2(0, 0.4f * em));
    ImGui::PushFont(theme.fonts().strong);
    // A register alone is no data of the user's: the address (or an association's embedded
    // page, data-register) may have preselected it for a first visit.
    const Portfolio& p = state.session.portfolio();
    const bool has_data = p.registration.period_start || !p.hours.empty() || !p.activities.empty();
    if (primary_button(has_data ? s.continue_button : s.start_button, "welcome.start"))
        state.step = Step::register_choice;
    ImGui::PopFont();
    // Beside it when it fits, else below (a phone).
    const float open_w = ImGui::CalcTextSize(s.menu_open).x + 2.0f * ImGui::GetStyle().FramePadding.x;
    ImGui::SameLine();
    if (avail() < open_w) ImGui::NewLine();
    if (button(s.menu_open, "welcome.open")) ask_for_portfolio_file(state);
    card_end();

    for (const char* promise : s.promises) {
        ImGui::PushFont(theme.fonts().strong);
        ImGui::PushStyleColor(ImGuiCol_Text, col(palette().accent));
        ImGui::TextUnformatted("✓");
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ImGui::SameLine(0.0f, 0.5f * em);
        text(promise);
    }
    ImGui::Dummy(ImVec2(0.0f, 0.6f * em));
    ImGui::PushFont(theme.fonts().small);
    text_muted(s.disclaimer);
    text_muted("herreg " HERREG_VERSION);
    ImGui::PopFont();
}

}  // namespace herreg::ui
