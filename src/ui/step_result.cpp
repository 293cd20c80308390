// Step 5: the verdict in one sentence, a bar per criterion (unknown thresholds can be filled
// in), the scheme with its reasons and sources, the points still needed with a pace, the
// dates on a timeline, and the next steps as a checklist. Planned (future-dated) activities
// are shown as a projection beside today's figures.
#include <algorithm>

#include <nlohmann/json.hpp>

#include "imgui.h"
#include "text/labels.h"
#include "text/number_format.h"
#include "assessment/plan_coverage.h"
#include "platform/platform.h"
#include "assessment/summary_text.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace herreg::ui {
namespace {

Step step_for_field(const std::string& field) {
    if (field.rfind("activities", 0) == 0) return Step::activities;
    if (field.rfind("hours", 0) == 0) return Step::hours;
    if (field == "register" || field == "specialisation" || field == "profession") return Step::register_choice;
    return Step::dates;
}

void verdict(const Assessment& a, const Strings& s, const Theme& theme) {
    const Palette& p = palette();
    const bool ok = a.meets.value_or(false);
    const bool unknown = !a.meets;
    card_begin(unknown ? p.warn_soft : (ok ? p.good_soft : p.bad_soft));
    ImGui::PushFont(theme.fonts().heading);
    text_coloured(unknown ? p.warn : (ok ? p.good : p.bad), verdict_sentence(a, s.code));
    ImGui::PopFont();
    ImGui::PushFont(theme.fonts().small);
    text_muted(fill(s.checked_on, {to_dutch(a.check_date), to_dutch(a.window.from), to_dutch(add_days(a.window.to, -1))}));
    ImGui::PopFont();
    card_end();
}

void criteria(AppState& state, const Assessment& a, const RuleSet& rs, const Theme& theme) {
    const Strings& s = strings(state.lang);
    const float em = ImGui::GetFontSize();
    const Palette& p = palette();
    card_begin();
    text_strong(s.criteria_title, theme);
    const Projection* proj = a.projection ? &*a.projection : nullptr;
    for (size_t i = 0; i < a.criteria.size(); ++i) {
        const CriterionResult& c = a.criteria[i];
        const std::string label = criterion_label(c.id, rs, s.code);
        const int decimals = c.is_points() ? 1 : 0;
        const std::string got = format_number(c.achieved, s.code, decimals);
        const std::string figures = c.required ? fill(s.figures_of, {got, format_number(*c.required, s.code, decimals)})
                                               : fill(s.figures_unknown, {got});
        const char* mark = !c.met ? "?" : (*c.met ? "✓" : "✗");
        ImGui::PushStyleColor(ImGuiCol_Text, col(!c.met ? p.warn : (*c.met ? p.good : p.bad)));
        ImGui::PushFont(theme.fonts().strong);
        ImGui::TextUnformatted(mark);
        ImGui::PopFont();
        ImGui::PopStyleColor();
        ImGui::SameLine(0, 0.5f * em);
        label_and_figures(label, figures);
        criterion_bar(c, 0.6f * em, true);
        if (proj && i < proj->criteria.size() && proj->criteria[i].achieved != c.achieved) {
            const CriterionResult& pc = proj->criteria[i];
            ImGui::PushFont(theme.fonts().small);
            text_coloured(p.accent, fill(s.with_planned, {format_number(pc.achieved, s.code, decimals),
                                                          pc.met ? (*pc.met ? s.then_met : s.then_short) : ""}));
            ImGui::PopFont();
        }
        if (!c.required || c.source == kPortfolioThresholdsSource) {
            // The sources do not give this number: the user may know it (from the register).
            std::optional<double> v;
            if (auto it = state.session.portfolio().thresholds.find(c.id); it != state.session.portfolio().thresholds.end())
                v = it->second;
            ImGui::PushFont(theme.fonts().small);
            text_muted(s.threshold_help);
            ImGui::PopFont();
            FieldState fs;
            name_next_widget(label);
            if (optional_number_field(("threshold." + c.id).c_str(), v, 7 * em, s.code, 100000, &fs)) {
                if (v) state.session.edit().thresholds[c.id] = v;
                else state.session.edit().thresholds.erase(c.id);
            }
            if (!fs.error.empty()) error_text(s.number_invalid);
        }
        ImGui::Dummy(ImVec2(0, 0.2f * em));
    }
    if (proj && (proj->planned_activities > 0 || proj->planned_hours > 0)) {
        if (proj->planned_activities > 0)
            text_coloured(p.accent, proj->planned_activities == 1
                                        ? fill(s.projection_line_one, {format_number(proj->planned_points, s.code, 1)})
                                        : fill(s.projection_line, {std::to_string(proj->planned_activities),
                                                                   format_number(proj->planned_points, s.code, 1)}));
        if (proj->planned_hours > 0)
            text_coloured(p.accent, fill(s.projection_hours_line, {format_number(proj->planned_hours, s.code, 1)}));
        if (proj->meets)
            text_coloured(*proj->meets ? p.good : p.bad, *proj->meets ? s.projection_meets : s.projection_short);
    }
    card_end();
}

void scheme(const Assessment& a, const Strings& s, const Theme& theme) {
    const Palette& p = palette();
    card_begin();
    text_strong(s.scheme_title, theme);
    if (a.regime != Regime::undecided) {
        ImGui::PushFont(theme.fonts().heading);
        text_coloured(p.accent, a.regime_name.in(s.code));
        ImGui::PopFont();
    }
    if (a.temporary_months) text_strong(fill(s.temporary_months, {std::to_string(*a.temporary_months)}), theme);
    if (a.definitive_years) {
        const std::string years = a.definitive_years_min && *a.definitive_years_min != *a.definitive_years
                                      ? std::to_string(*a.definitive_years_min) + "–" + std::to_string(*a.definitive_years)
                                      : std::to_string(*a.definitive_years);
        text_strong(fill(s.definitive_years, {years}), theme);
    }
    // A reason or warning: a marker, the text, and its source in small print below.
    auto reason = [&](const Reason& r, bool warning) {
        if (warning) {
            ImGui::PushStyleColor(ImGuiCol_Text, col(p.warn));
            ImGui::TextUnformatted("!");
            ImGui::PopStyleColor();
            ImGui::SameLine();
        } else {
            ImGui::Bullet();
        }
        text(r.text.in(s.code));
        if (r.source.empty()) return;
        ImGui::PushFont(theme.fonts().small);
        ImGui::Indent();
        text_muted(fill(s.source, {r.source}));
        ImGui::Unindent();
        ImGui::PopFont();
    };
    for (const Reason& r : a.reasons) reason(r, false);
    for (const Reason& r : a.warnings) reason(r, true);
    card_end();
}

// What is missing, and beside it what the plan already brings (plan_coverage.h): "Nog 40
// punten nodig" alone misled a member who had planned 40.
void plan(const Assessment& a, const PlanOutlook& planned, const RuleSet& rs, const Strings& s, const Theme& theme) {
    const Plan& pl = a.plan;
    if (pl.points_missing <= 0 && pl.hours_missing <= 0 && !pl.hours_required) return;
    card_begin();
    text_strong(s.plan_title, theme);
    if (pl.points_missing > 0) text(fill(s.points_missing, {format_number(pl.points_missing, s.code, 1)}));
    if (!planned.empty()) {
        const Palette& p = palette();
        for (const PlanCoverage& c : planned.coverage) {
            const std::string label = criterion_label(c.criterion, rs, s.code);
            const std::string missing = format_number(c.missing, s.code, 1), got = format_number(c.planned, s.code, 1);
            if (c.covered()) text_coloured(p.good, fill(s.plan_covers, {label, got, missing}));
            else text_coloured(p.bad, fill(s.plan_short, {label, got, missing, format_number(c.missing - c.planned, s.code, 1)}));
        }
        if (planned.late_points > 0 && planned.counts_until)
            text_coloured(p.warn, fill(s.plan_late, {format_number(planned.late_points, s.code, 1), to_dutch(*planned.counts_until)}));
    }
    if (pl.hours_missing > 0) text(fill(s.hours_missing, {format_number(pl.hours_missing, s.code, 0)}));
    if (pl.hours_required) {
        text(fill(s.hours_required, {format_number(*pl.hours_required, s.code, 0)}));
        if (planned.hours_per_week && planned.planned_hours)
            text_coloured(planned.hours_covered() ? palette().good : palette().bad,
                          fill(s.plan_hours, {format_number(*planned.hours_per_week, s.code, 1), format_number(*planned.planned_hours, s.code, 0)}));
    }
    if (pl.points_per_month && pl.until)
        text_coloured(palette().accent, fill(s.pace_line, {format_number(*pl.points_per_month, s.code, 1), to_dutch(*pl.until)}));
    card_end();
}

// Dates in order on a vertical line; past ones muted, a marker for today.
void timeline(const Assessment& a, const Date& today, const Strings& s, const Theme& theme) {
    if (a.deadlines.empty()) return;
    const float em = ImGui::GetFontSize();
    const Palette& p = palette();
    std::vector<const Deadline*> list;
    for (const Deadline& d : a.deadlines) list.push_back(&d);
    std::stable_sort(list.begin(), list.end(), [](const Deadline* x, const Deadline* y) { return x->date < y->date; });
    card_begin();
    text_strong(s.dates_timeline, theme);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float x_line = ImGui::GetCursorScreenPos().x + 0.5f * em;
    const float y_top = ImGui::GetCursorScreenPos().y + 0.5f * em;
    float y_bottom = y_top;
    bool today_drawn = false;
    const char* marker = a.check_date == today ? s.today_marker : s.check_marker;
    auto row = [&](const std::string& date, const std::string& label, unsigned dot, unsigned text, bool strong) {
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        dl->AddCircleFilled(ImVec2(x_line, pos.y + 0.6f * em), 0.35f * em, dot, 16);
        ImGui::SetCursorScreenPos(ImVec2(pos.x + 1.6f * em, pos.y));
        ImGui::BeginGroup();
        ImGui::PushStyleColor(ImGuiCol_Text, col(text));
        if (strong) ImGui::PushFont(theme.fonts().strong);
        ImGui::TextUnformatted(date.c_str());
        if (strong) ImGui::PopFont();
        ImGui::SameLine(0, 0.8f * em);
        ImGui::TextWrapped("%s", label.c_str());
        ImGui::PopStyleColor();
        ImGui::EndGroup();
        note_words(date + " " + label);   // one paragraph: a date and what happens then
        y_bottom = pos.y + 0.6f * em;
    };
    for (const Deadline* d : list) {
        if (!today_drawn && d->date >= a.check_date) {
            row(to_dutch(a.check_date), marker, p.accent, p.accent, true);
            today_drawn = true;
        }
        const bool past = d->date < a.check_date;
        const std::string note = deadline_note(*d, a.check_date, s.code);
        row(to_dutch(d->date), deadline_label(d->id, s.code) + (note.empty() ? "" : " " + note), past ? p.border : p.text,
            past ? p.muted : p.text, false);
    }
    if (!today_drawn) row(to_dutch(a.check_date), marker, p.accent, p.accent, true);
    dl->AddLine(ImVec2(x_line, y_top), ImVec2(x_line, y_bottom), p.border, 2.0f);
    card_end();
}

// Ticks are kept per outcome ("dispensation.2"): another outcome has other steps. The expired
// specialisation's keep their plain numbers, as files saved before this still have them.
std::string step_key(const Assessment& a, size_t i) {
    return a.regime == Regime::specialisation_expired ? std::to_string(i) : std::string(regime_id(a.regime)) + "." + std::to_string(i);
}

void next_steps(AppState& state, const Assessment& a, const Theme& theme) {
    const Strings& s = strings(state.lang);
    if (a.next_steps.empty()) return;
    card_begin();
    text_strong(s.next_steps_title, theme);
    // The ticks are kept with the portfolio's unknown fields, under "checklist". This runs every
    // frame the result is drawn: they are taken apart again only when those fields changed.
    static std::string parsed_from;
    static nlohmann::json checklist = nlohmann::json::object();
    if (const std::string& raw = state.session.portfolio().extra_json; raw != parsed_from) {
        parsed_from = raw;
        nlohmann::json fields = unknown_fields(state.session.portfolio());
        checklist = fields.contains("checklist") && fields["checklist"].is_object() ? std::move(fields["checklist"])
                                                                                    : nlohmann::json::object();
    }
    for (size_t i = 0; i < a.next_steps.size(); ++i) {
        const std::string key = step_key(a, i);
        bool done = checklist.contains(key) && checklist[key].is_boolean() && checklist[key].get<bool>();
        const std::string label = std::to_string(i + 1) + ". " + a.next_steps[i].text.in(s.code);
        ImGui::PushID(int(i));
        name_next_widget(label);
        if (checkbox("##done", ("next_step." + std::to_string(i)).c_str(), &done)) {
            Portfolio& edited = state.session.edit();
            nlohmann::json fields = unknown_fields(edited);
            if (!fields.contains("checklist") || !fields["checklist"].is_object()) fields["checklist"] = nlohmann::json::object();
            fields["checklist"][key] = done;
            set_unknown_fields(edited, fields);
        }
        ImGui::SameLine();
        // The check box's name already: drawn, not a paragraph of its own.
        if (done) ImGui::PushStyleColor(ImGuiCol_Text, col(palette().muted));
        ImGui::TextWrapped("%s", label.c_str());
        if (done) ImGui::PopStyleColor();
        ImGui::PopID();
    }
    card_end();
}

// The portfolio's other registrations (a base registration beside a specialisation): each one's
// verdict, scheme and figures, so the person learns in one place what every registration needs.
void other_registrations(AppState& state, const Strings& s, const Theme& theme) {
    const auto& others = state.session.other_assessments();
    const auto& failed = state.session.other_registrations_error();
    if (others.empty() && !failed) return;
    heading(s.others_title, theme, s.others_intro);
    if (failed) {
        card_begin(palette().warn_soft);
        text_coloured(palette().warn, fill(s.others_failed, {failed->field(), failed->problem(state.lang)}));
        card_end();
        return;
    }
    for (const OtherAssessment& o : others) {
        const Assessment& a = o.assessment;
        if (o.error) {
            card_begin(palette().warn_soft);
            text_strong(o.rules ? o.rules->name.in(s.code) : o.key, theme);
            text_coloured(palette().warn, fill(s.others_failed, {o.error->field(), o.error->problem(state.lang)}));
            card_end();
            continue;
        }
        card_begin();
        text_strong(o.rules->name.in(s.code), theme);
        text_coloured(a.meets.value_or(false) ? palette().good : (a.meets ? palette().bad : palette().warn),
                      verdict_sentence(a, s.code));
        if (a.regime != Regime::undecided) text_coloured(palette().accent, a.regime_name.in(s.code));
        for (const CriterionResult& c : a.criteria) {
            const std::string required = c.required ? format_number(*c.required, s.code) : "?";
            ImGui::Bullet();
            text(criterion_label(c.id, *o.rules, s.code) + ": " + format_number(c.achieved, s.code) + " / " + required);
        }
        for (const Reason& r : a.warnings) {
            ImGui::PushStyleColor(ImGuiCol_Text, col(palette().warn));
            ImGui::TextUnformatted("!");
            ImGui::PopStyleColor();
            ImGui::SameLine();
            text(r.text.in(s.code));
        }
        card_end();
    }
}

}  // namespace

void draw_step_result(AppState& state, const Theme& theme) {
    const Strings& s = strings(state.lang);
    heading(s.result_title, theme);
    draw_own_rules_note(state);   // an association's own rules file decides this result
    const Assessment* a = state.session.assessment();
    const RuleSet* rs = state.session.rules();
    if (!a || !rs) {
        card_begin(palette().warn_soft);
        if (state.session.portfolio().register_id.empty()) {
            text_coloured(palette().warn, s.choose_register_first);
            if (button(s.go_to_register, "result.fix")) state.step = Step::register_choice;
        } else {
            const InputError* e = state.session.error();
            const std::string field = e ? e->field() : "";
            const std::string problem = e ? e->problem(state.lang) : "";
            text_coloured(palette().warn, fill(s.cannot_assess, {field.empty() ? "-" : field, problem}));
            if (button(s.fix_it, "result.fix")) state.step = step_for_field(field);
        }
        card_end();
        return;
    }
    verdict(*a, s, theme);
    draw_application_call(state, theme);   // a scheme with a form: the way to step 6
    criteria(state, *a, *rs, theme);
    scheme(*a, s, theme);
    plan(*a, plan_outlook(state.session.portfolio(), *a), *rs, s, theme);
    timeline(*a, state.today, s, theme);
    next_steps(state, *a, theme);
    other_registrations(state, s, theme);
    draw_compare_call(state, theme);   // what if: the same portfolio with something changed, side by side
    if (button(s.copy_summary, "result.copy")) {
        platform::copy_to_clipboard(summary_text(*a, *rs, s.code));
        state.banner = {s.copied, false};
    }
    same_line_if_fits(s.menu_save);
    if (button(s.menu_save, "result.save")) save_portfolio_file(state);
}

}  // namespace herreg::ui
