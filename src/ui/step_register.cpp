// Step 1: which register (and specialisation) and which profession. The list comes from the
// embedded rules files: a register added as a rules file appears here without code.
#include <algorithm>
#include "imgui.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace herreg::ui {
namespace {

// Other registrations of the same person (a base registration beside a specialisation, 003):
// each with its own period; herreg assesses them all on the result page.
void other_registrations(AppState& state, const Theme& theme) {
    const Strings& s = strings(state.lang);
    const float em = ImGui::GetFontSize();
    const Portfolio& p = state.session.portfolio();
    if (p.register_id.empty()) return;
    ImGui::Dummy(ImVec2(0, 0.6f * em));
    text_strong(s.others_title, theme);
    ImGui::PushFont(theme.fonts().small);
    text_muted(s.others_add_help);
    ImGui::PopFont();
    for (size_t i = 0; i < p.other_registrations.size(); ++i) {
        const OtherRegistration& o = p.other_registrations[i];
        const RuleSet* rs = state.session.rulebook().find(o.register_id, o.specialisation);
        const std::string key = "other." + std::to_string(i);
        card_begin();
        const std::string title = rs ? rs->name.in(s.code) : registration_key(o.register_id, o.specialisation);
        text_strong(title, theme);
        if (rs && rs->professions.size() > 1) {
            const Named* current = nullptr;
            for (const Named& n : rs->professions)
                if (n.id == o.profession) current = &n;
            ImGui::SetNextItemWidth(std::min(avail(), 24 * em));
            if (ImGui::BeginCombo(("##" + key + ".profession").c_str(), current ? current->name.in(s.code).c_str() : s.choose)) {
                for (const Named& n : rs->professions) {
                    if (ImGui::Selectable(n.name.in(s.code).c_str(), current == &n)) state.session.edit().other_registrations[i].profession = n.id;
                    note_option((key + ".profession." + n.id).c_str(), n.name.in(s.code), current == &n);
                }
                ImGui::EndCombo();
            }
            note_last((key + ".profession").c_str(), platform::WidgetKind::combo, s.profession_label);
            name_last_for(s.profession_label, title);   // not one of several fields all named "Beroep"
            platform::note_widget_text(platform::WidgetText::value, current ? current->name.in(s.code) : std::string(s.choose));
        }
        text_muted(s.period_start_label);
        name_next_widget(fill("{}: {}", {s.period_start_label, title}));
        std::optional<Date> start = o.registration.period_start;
        FieldState fs;
        if (date_field((key + ".period_start").c_str(), start, 10 * em, &fs))
            state.session.edit().other_registrations[i].registration.period_start = start;
        if (!fs.error.empty()) error_text(s.date_invalid);
        const bool remove = button(s.others_remove, (key + ".remove").c_str());
        name_last_for(s.others_remove, title);
        if (remove) {
            remove_other_registration(state.session.edit(), i);
            reset_field_buffers();   // the fields below move up a place
            card_end();
            break;
        }
        card_end();
    }
    // The registers not yet in the portfolio.
    std::vector<const RuleSet*> addable;
    for (const RuleSet& rs : state.session.rulebook().sets()) {
        const std::string k = registration_key(rs.register_id, rs.specialisation);
        bool used = k == registration_key(p.register_id, p.specialisation);
        for (const OtherRegistration& o : p.other_registrations) used = used || k == registration_key(o.register_id, o.specialisation);
        if (!used && register_offered(state, rs)) addable.push_back(&rs);
    }
    if (addable.empty()) return;
    ImGui::SetNextItemWidth(std::min(avail(), 24 * em));
    if (ImGui::BeginCombo("##other_add", s.others_add)) {
        for (const RuleSet* rs : addable) {
            if (ImGui::Selectable(rs->name.in(s.code).c_str())) {
                OtherRegistration o;
                o.register_id = rs->register_id;
                o.specialisation = rs->specialisation;
                o.profession = rs->professions.empty() ? "" : rs->professions.front().id;
                state.session.edit().other_registrations.push_back(std::move(o));
            }
            note_option(("other.add." + registration_key(rs->register_id, rs->specialisation)).c_str(), rs->name.in(s.code), false);
        }
        ImGui::EndCombo();
    }
    note_last("other.add", platform::WidgetKind::combo, s.others_add);
}

bool named(const AppState& state, const RuleSet& rs) {
    const std::string key = registration_key(rs.register_id, rs.specialisation);
    return std::any_of(state.offered_registers.begin(), state.offered_registers.end(),
                       [&](const std::string& k) { return k == rs.register_id || k == key; });
}

}  // namespace

bool register_offered(const AppState& state, const RuleSet& rs) {
    if (state.offered_registers.empty()) return true;
    // A list that names no register herreg has (a typo) locks nothing out: every one is offered.
    return !offers_known_register(state) || named(state, rs);
}

bool offers_known_register(const AppState& state) {
    const auto& sets = state.session.rulebook().sets();
    return std::any_of(sets.begin(), sets.end(), [&](const RuleSet& rs) { return named(state, rs); });
}

void preselect_offered_register(AppState& state) {
    // Only for a start from nothing: data already opened (or a what-if) is the user's.
    if (state.offered_registers.empty() || state.session.has_what_if() ||
        !state.session.portfolio(Scenario::as_entered).register_id.empty())
        return;
    const RuleSet* only = nullptr;
    int offered = 0;
    for (const RuleSet& rs : state.session.rulebook().sets())
        if (named(state, rs)) {
            only = &rs;
            ++offered;
        }
    if (offered != 1) return;
    name_registration(state.session.edit(), only->register_id, only->specialisation,
                      only->professions.empty() ? "" : only->professions.front().id);
    state.session.take_unsaved();   // a preselection is not something the user entered
}

void draw_step_register(AppState& state, const Theme& theme) {
    const Strings& s = strings(state.lang);
    const float em = ImGui::GetFontSize();
    heading(s.register_title, theme, s.register_intro);

    const Portfolio& p = state.session.portfolio();
    for (const RuleSet& rs : state.session.rulebook().sets()) {
        const bool chosen = p.register_id == rs.register_id && p.specialisation == rs.specialisation;
        // The page offers only its own registers; one chosen in data opened here still shows.
        if (!chosen && !register_offered(state, rs)) continue;
        card_begin(chosen ? palette().accent_soft : 0);
        const std::string id = "register." + rs.register_id + (rs.specialisation ? "." + *rs.specialisation : "");
        ImGui::PushFont(theme.fonts().strong);
        bool picked = radio(rs.name.in(s.code).c_str(), id.c_str(), chosen);
        ImGui::PopFont();
        if (!rs.about.text.in(s.code).empty()) {
            ImGui::PushFont(theme.fonts().small);
            text_muted(rs.about.text.in(s.code));
            ImGui::PopFont();
        }
        picked = card_end_pressable((id + ".card").c_str()) || picked;
        if (picked && !chosen) {
            // The profession stays when the register has it too (a specialisation's
            // oefentherapeut going back to KP); else the register's first.
            const bool has_it = std::any_of(rs.professions.begin(), rs.professions.end(),
                                            [&](const Named& n) { return n.id == p.profession; });
            const std::string profession = has_it ? p.profession : rs.professions.empty() ? "" : rs.professions.front().id;
            name_registration(state.session.edit(), rs.register_id, rs.specialisation, profession);
        }
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
                note_option(("profession." + n.id).c_str(), n.name.in(s.code), current == &n);
            }
            ImGui::EndCombo();
        }
        note_last("profession", platform::WidgetKind::combo, s.profession_label);
        platform::note_widget_text(platform::WidgetText::value, current ? current->name.in(s.code) : std::string(s.choose));
    } else if (rs && rs->professions.size() == 1) {
        text_muted(fill(s.profession_single, {rs->professions.front().name.in(s.code)}));
    }
    other_registrations(state, theme);
}

}  // namespace herreg::ui
