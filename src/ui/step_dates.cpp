// Step 2: the registration (period, or not registered yet), the check date, when the user
// last worked, and circumstances that a special scheme may take into account.
#include "imgui.h"
#include "text/labels.h"
#include "rules/rulebook.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace herreg::ui {
namespace {

// A labelled date field on its own row; edits go through `apply` only when valid.
template <class Apply>
void date_row(const char* label, const char* help, const char* id, std::optional<Date> value, Apply apply,
              AppState& state, const Theme& theme) {
    const Strings& s = strings(state.lang);
    const float em = ImGui::GetFontSize();
    text_strong(label, theme);
    name_next_widget(label);
    if (help) {
        ImGui::PushFont(theme.fonts().small);
        text_muted(help);
        ImGui::PopFont();
    }
    FieldState fs;
    if (date_field(id, value, 10 * em, &fs)) apply(value);
    if (help) platform::note_widget_text(platform::WidgetText::help, help);
    if (!fs.error.empty()) error_text(s.date_invalid);
    ImGui::Dummy(ImVec2(0, 0.3f * em));
}

// Asked, not assumed: neither answer is selected until the person chooses one.
void used_before(AppState& state, const Theme& theme) {
    const RuleSet* rs = state.session.rules();
    if (!rs) return;
    const auto schemes = schemes_barred_after_unfinished_plan(*rs);
    if (schemes.empty()) return;
    const Strings& s = strings(state.lang);
    const float em = ImGui::GetFontSize();
    const auto& answers = state.session.portfolio().plan_not_carried_out;
    card_begin();
    text_strong(s.used_before_title, theme);
    ImGui::PushFont(theme.fonts().small);
    text_muted(s.used_before_help);
    ImGui::PopFont();
    for (const auto& [id, name] : schemes) {
        text(fill(s.used_before_question, {lower_first(name.in(s.code))}));
        const auto it = answers.find(id);
        const bool no = it != answers.end() && !it->second, yes = it != answers.end() && it->second;
        ImGui::PushID(id.c_str());
        if (radio(s.no, ("used_before." + id + ".no").c_str(), no) && !no) state.session.edit().plan_not_carried_out[id] = false;
        ImGui::SameLine(0, 1.5f * em);
        if (radio(s.yes, ("used_before." + id + ".yes").c_str(), yes) && !yes) state.session.edit().plan_not_carried_out[id] = true;
        ImGui::PopID();
        ImGui::Dummy(ImVec2(0, 0.2f * em));
    }
    card_end();
}

}  // namespace

void draw_step_dates(AppState& state, const Theme& theme) {
    const Strings& s = strings(state.lang);
    const float em = ImGui::GetFontSize();
    const Portfolio& p = state.session.portfolio();
    heading(s.dates_title, theme);

    card_begin();
    text_strong(s.registered_question, theme);
    if (radio(s.registered_yes, "registered.yes", p.registration.initial) && !p.registration.initial)
        state.session.edit().registration.initial = true;
    if (radio(s.registered_no, "registered.no", !p.registration.initial) && p.registration.initial)
        state.session.edit().registration.initial = false;
    ImGui::Dummy(ImVec2(0, 0.4f * em));
    if (p.registration.initial) {
        date_row(s.period_start_label, s.period_start_help, "period_start", p.registration.period_start,
                 [&](std::optional<Date> d) { state.session.edit().registration.period_start = d; }, state, theme);
        const Assessment* a = state.session.assessment();
        std::string help = s.period_end_help;
        // The period's own end, as the result's dates name it (not the counting window's end,
        // which follows the check date once a period has run out).
        if (const Deadline* end = a && !p.registration.period_end ? a->deadline("period_end") : nullptr)
            help += " " + fill(s.period_end_default, {to_dutch(end->date)});
        date_row(s.period_end_label, help.c_str(), "period_end", p.registration.period_end,
                 [&](std::optional<Date> d) { state.session.edit().registration.period_end = d; }, state, theme);
    } else {
        text_muted(s.not_registered_note);
    }
    card_end();

    card_begin();
    const std::string today_help = fill(s.check_date_help, {to_dutch(state.today)});
    date_row(s.check_date_label, today_help.c_str(), "check_date", p.check_date,
             [&](std::optional<Date> d) { state.session.edit().check_date = d; }, state, theme);
    date_row(s.last_worked_label, s.last_worked_help, "last_worked", p.last_worked,
             [&](std::optional<Date> d) { state.session.edit().last_worked = d; }, state, theme);
    card_end();

    card_begin();
    text_strong(s.circumstances_title, theme);
    ImGui::PushFont(theme.fonts().small);
    text_muted(s.circumstances_help);
    ImGui::PopFont();
    for (const std::string& c : known_circumstances()) {
        bool on = false;
        for (const auto& have : p.circumstances) on = on || have == c;
        const std::string label = circumstance_label(c, s.code);
        if (checkbox(label.c_str(), ("circumstance." + c).c_str(), &on)) {
            auto& list = state.session.edit().circumstances;
            if (on) {
                list.push_back(c);
            } else {
                std::erase(list, c);
            }
        }
    }
    card_end();
    used_before(state, theme);
}

}  // namespace herreg::ui
