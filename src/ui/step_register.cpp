// Step 1: which register (and specialisation) and which profession. The list comes from the
// embedded rules files: a register added as a rules file appears here without code.
#include "imgui.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace herreg::ui {

void draw_step_register(AppState& state, const Theme& theme) {
    const Strings& s = strings(state.lang);
    const float em = ImGui::GetFontSize();
    heading(s.register_title, theme, s.register_intro);

    const Portfolio& p = state.session.portfolio();
    for (const RuleSet& rs : state.session.rulebook().sets()) {
        const bool chosen = p.register_id == rs.register_id && p.specialisation == rs.specialisation;
        card_begin(chosen ? palette().accent_soft : 0);
        const std::string id = "register." + rs.register_id + (rs.specialisation ? "." + *rs.specialisation : "");
        ImGui::PushFont(theme.fonts().strong);
        if (radio(rs.name.in(s.code).c_str(), id.c_str(), chosen) && !chosen) {
            Portfolio& e = state.session.edit();
            e.register_id = rs.register_id;
            e.specialisation = rs.specialisation;
            e.profession = rs.professions.empty() ? "" : rs.professions.front().id;
        }
        ImGui::PopFont();
        if (!rs.about.text.in(s.code).empty()) {
            ImGui::PushFont(theme.fonts().small);
            text_muted(rs.about.text.in(s.code));
            ImGui::PopFont();
        }
        card_end();
    }

    const RuleSet* rs = state.session.rules();
    if (rs && rs->professions.size() > 1) {
        ImGui::Dummy(ImVec2(0, 0.3f * em));
        text_strong(s.profession_label, theme);
        const Named* current = nullptr;
        for (const Named& n : rs->professions)
            if (n.id == p.profession) current = &n;
        ImGui::SetNextItemWidth(std::min(avail(), 24 * em));
        if (ImGui::BeginCombo("##profession", current ? current->name.in(s.code).c_str() : s.choose)) {
            for (const Named& n : rs->professions) {
                if (ImGui::Selectable(n.name.in(s.code).c_str(), current == &n)) state.session.edit().profession = n.id;
                note_last(("profession." + n.id).c_str(), platform::WidgetKind::other);
            }
            ImGui::EndCombo();
        }
        note_last("profession", platform::WidgetKind::combo);
    } else if (rs && rs->professions.size() == 1) {
        text_muted(fill(s.profession_single, {rs->professions.front().name.in(s.code)}));
    }
}

}  // namespace herreg::ui
