// The helpdesk's what-if: a bar above every step that says which scenario the steps edit,
// and the comparison page, the two outcomes side by side with what differs marked (in colour
// and in words: ↑ beter, ↓ slechter, → anders), the conversation's notes and the one-page
// summary to print. The rows and their verdicts come from the core (scenario_compare.h);
// this file only lays them out.
#include <algorithm>
#include <functional>

#include "helpdesk/helpdesk_summary.h"
#include "forms/form_text.h"
#include "imgui.h"
#include "input/input_error.h"
#include "text/number_format.h"
#include "assessment/plan_coverage.h"
#include "helpdesk/quick_whatif.h"
#include "platform/platform.h"
#include "helpdesk/scenario_compare.h"
#include "assessment/summary_text.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace herreg::ui {
namespace {

std::optional<ScenarioComparison> comparison(const AppState& st) {
    const Session& se = st.session;
    const Assessment* a = se.assessment(Scenario::as_entered);
    const Assessment* b = se.assessment(Scenario::what_if);
    const RuleSet* ra = se.assessed_rules(Scenario::as_entered);
    const RuleSet* rb = se.assessed_rules(Scenario::what_if);
    if (!a || !b || !ra || !rb) return std::nullopt;
    return compare_scenarios(se.portfolio(Scenario::as_entered), *a, *ra, se.portfolio(Scenario::what_if), *b, *rb,
                             strings(st.lang).code);
}

const char* change_words(const Strings& s, Change c) {
    switch (c) {
        case Change::better: return s.change_better;
        case Change::worse: return s.change_worse;
        case Change::different: return s.change_different;
        default: return "";
    }
}

const char* change_arrow(Change c) {
    switch (c) {
        case Change::better: return "↑";
        case Change::worse: return "↓";
        case Change::different: return "→";
        default: return "";
    }
}

unsigned change_colour(Change c) {
    const Palette& p = palette();
    switch (c) {
        case Change::better: return p.good;
        case Change::worse: return p.bad;
        default: return p.warn;
    }
}

unsigned change_fill(Change c) {
    const Palette& p = palette();
    switch (c) {
        case Change::better: return p.good_soft;
        case Change::worse: return p.bad_soft;
        default: return p.warn_soft;   // not the accent: the table's header row already is
    }
}

void go_edit(AppState& st, Step step) {
    st.session.select(Scenario::what_if);
    reset_field_buffers();
    st.leave_lists();
    st.step = step;
}

// The two outcomes in a sentence each, side by side (stacked on a phone).
void verdict_cards(const AppState& st, const ScenarioComparison& c, const Theme& theme) {
    const Strings& s = strings(st.lang);
    const Palette& p = palette();
    const float em = ImGui::GetFontSize();
    const bool stack = narrow();
    const float gap = em;
    const float w = stack ? avail() : (avail() - gap) * 0.5f;
    const float right = column_right();
    for (int i = 0; i < 2; ++i) {
        const Assessment* a = st.session.assessment(i == 0 ? Scenario::as_entered : Scenario::what_if);
        const bool ok = a && a->meets.value_or(false);
        const bool unknown = !a || !a->meets;
        if (i == 1 && !stack) ImGui::SameLine(0, gap);
        ImGui::BeginGroup();
        set_column_right(ImGui::GetCursorScreenPos().x + w);
        card_begin(unknown ? p.warn_soft : (ok ? p.good_soft : p.bad_soft));
        ImGui::PushFont(theme.fonts().small);
        text_muted(i == 0 ? s.scenario_as_entered : s.scenario_what_if);
        ImGui::PopFont();
        ImGui::PushFont(theme.fonts().strong);
        text_coloured(unknown ? p.warn : (ok ? p.good : p.bad), i == 0 ? c.verdict_a : c.verdict_b);
        ImGui::PopFont();
        if (a && a->regime != Regime::undecided) {
            ImGui::TextWrapped("%s", a->regime_name.in(s.code).c_str());
            note_words(a->regime_name.in(s.code));
        }
        card_end();
        ImGui::EndGroup();
        set_column_right(right);
    }
}

// On a phone three columns leave no room for labels like "Controle op volledigheid
// uiterlijk": each row gets the label on a line of its own, the two values below it.
void group_rows_compact(const ComparisonGroup& g, const Strings& s, const Theme& theme) {
    const Palette& p = palette();
    const float em = ImGui::GetFontSize();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float width = avail();
    const float half = 0.5f * width;
    for (const ComparisonRow& r : g.rows) {
        const ImVec2 top = ImGui::GetCursorScreenPos();
        ImDrawListSplitter split;
        split.Split(dl, 2);
        split.SetCurrentChannel(dl, 1);
        ImGui::BeginGroup();
        ImGui::Dummy(ImVec2(0, 0.15f * em));
        ImGui::Indent(0.3f * em);
        ImGui::PushFont(theme.fonts().small);
        text_muted(r.label);
        ImGui::PopFont();
        const float x0 = ImGui::GetCursorPosX();
        ImGui::PushTextWrapPos(x0 + half - 0.6f * em);
        ImGui::TextWrapped("%s", r.a.c_str());
        note_words(r.a);
        ImGui::PopTextWrapPos();
        ImGui::SameLine(x0 + half);
        ImGui::BeginGroup();
        if (r.differs()) ImGui::PushFont(theme.fonts().strong);
        ImGui::TextWrapped("%s", r.b.c_str());
        note_words(r.b);
        if (r.differs()) {
            ImGui::PopFont();
            ImGui::PushFont(theme.fonts().small);
            text_coloured(change_colour(r.change), std::string(change_arrow(r.change)) + " " + change_words(s, r.change));
            ImGui::PopFont();
        }
        ImGui::EndGroup();
        ImGui::Unindent(0.3f * em);
        ImGui::Dummy(ImVec2(0, 0.15f * em));
        ImGui::EndGroup();
        split.SetCurrentChannel(dl, 0);
        const ImVec2 bottom(top.x + width, ImGui::GetItemRectMax().y);
        if (r.differs()) dl->AddRectFilled(top, bottom, change_fill(r.change));
        dl->AddLine(ImVec2(top.x, bottom.y), bottom, p.border);
        split.Merge(dl);
    }
}

void group_table(const ComparisonGroup& g, const Strings& s, const Theme& theme, int index) {
    text_strong(g.title, theme);
    if (narrow()) {
        // Which value is which, once per group.
        const float x0 = ImGui::GetCursorPosX() + 0.3f * ImGui::GetFontSize();   // as the rows' indent
        const float half = 0.5f * avail();
        ImGui::PushFont(theme.fonts().small);
        ImGui::SetCursorPosX(x0);
        text_muted(s.scenario_as_entered);
        ImGui::SameLine(x0 + half);
        text_muted(s.scenario_what_if);
        ImGui::PopFont();
        group_rows_compact(g, s, theme);
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_PadOuterX;
    ImGui::PushID(index);
    if (ImGui::BeginTable("##cmp", 3, flags, ImVec2(avail(), 0))) {
        ImGui::TableSetupColumn("", 0, 1.6f);
        ImGui::TableSetupColumn(s.scenario_as_entered, 0, 1.0f);
        ImGui::TableSetupColumn(s.scenario_what_if, 0, 1.2f);
        ImGui::PushFont(theme.fonts().small);
        table_headers();
        ImGui::PopFont();
        for (const ComparisonRow& r : g.rows) {
            ImGui::TableNextRow();
            if (r.differs()) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, change_fill(r.change));
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", r.label.c_str());
            note_words(r.label);
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", r.a.c_str());
            note_words(r.a);
            ImGui::TableNextColumn();
            if (r.differs()) {
                ImGui::PushFont(theme.fonts().strong);
                ImGui::TextWrapped("%s", r.b.c_str());
                note_words(r.b);
                ImGui::PopFont();
                ImGui::PushFont(theme.fonts().small);
                text_coloured(change_colour(r.change), std::string(change_arrow(r.change)) + " " + change_words(s, r.change));
                ImGui::PopFont();
            } else {
                ImGui::TextWrapped("%s", r.b.c_str());
                note_words(r.b);
            }
        }
        ImGui::EndTable();
    }
    ImGui::PopID();
}

// The quick what-ifs: a few inputs each, added to the what-if in one step (quick_whatif.h).
// What is typed stays (AppState::quick); dates left empty start at the plan's own dates.
// A labelled field, side by side with the others of its row on a wide screen (each label at
// the row's top: SameLine alone would lower the next one to the first field's text), stacked
// on a phone.
void quick_label_field(const char* label, float width, bool last, const std::function<void(float)>& draw) {
    static float row_y = -1;   // the row's top while a row is being laid out (-1: none); one UI thread
    if (row_y >= 0 && !narrow()) ImGui::SetCursorPosY(row_y);
    else row_y = ImGui::GetCursorPosY();
    ImGui::BeginGroup();
    field_label(label);
    draw(width);
    ImGui::EndGroup();
    if (!last && !narrow()) ImGui::SameLine(0, ImGui::GetFontSize());
    if (last) row_y = -1;
}

std::string quick_field_name(const Strings& s, const std::string& field) {
    if (field == "quick.count") return s.quick_count;
    if (field == "quick.points") return s.quick_points;
    if (field == "quick.category") return s.quick_category;
    if (field == "quick.hours_per_week") return s.quick_hours_per_week;
    if (field == "quick.to") return s.quick_to;
    return field;
}

void quick_what_if(AppState& st, const Theme& theme) {
    Session& se = st.session;
    const Assessment* b = se.assessment(Scenario::what_if);
    const RuleSet* rs = se.assessed_rules(Scenario::what_if);
    if (!b || !rs || rs->categories.empty()) return;
    const Strings& s = strings(st.lang);
    const float em = ImGui::GetFontSize();
    AppState::QuickWhatIf& q = st.quick;
    const PlanOutlook o = plan_outlook(se.assessed_portfolio(Scenario::what_if), *b);
    const Date check = b->check_date;
    // Planned work counts up to the proof date; without a plan, half a year is a fair start.
    const Date until = o.counts_until.value_or(add_days(check, 182));
    const Date from = o.hours_from && check < *o.hours_from ? *o.hours_from : add_days(check, 1);
    const Date to = o.hours_to.value_or(until);
    if (!q.dates_set) {   // once: after that the fields are the helpdesk's (an emptied one means the default)
        q.before = until;
        q.from = from;
        q.to = to;
        q.dates_set = true;
    }
    if (!rs->category(q.category)) {
        // The category a gap is in, else the register's first.
        q.category = rs->categories.front().id;
        for (const PlanCoverage& c : o.coverage)
            if (c.criterion.rfind("points_", 0) == 0 && rs->category(c.criterion.substr(7))) q.category = c.criterion.substr(7);
    }
    const auto failed = [&](const InputError& e) {
        st.banner = {fill(s.quick_failed, {quick_field_name(s, e.field()), e.problem(st.lang)}), true};
    };
    const float num_w = 5 * em, date_w = 8 * em;

    card_begin();
    text_strong(s.quick_title, theme);
    ImGui::PushFont(theme.fonts().small);
    text_muted(s.quick_intro);
    ImGui::PopFont();

    ImGui::PushID("courses");
    text_strong(s.quick_courses, theme);
    quick_label_field(s.quick_count, num_w, false, [&](float w) { number_field("quick.count", q.count, w, s.code, kMaxQuickActivities); });
    quick_label_field(s.quick_points, num_w, false, [&](float w) { number_field("quick.points", q.points, w, s.code, kMaxPointsPerActivity); });
    quick_label_field(s.quick_category, narrow() ? avail() : 12 * em, false, [&](float w) {
        const CategoryDef* cur = rs->category(q.category);
        ImGui::SetNextItemWidth(w);
        if (ImGui::BeginCombo("##quick.category", cur ? cur->name.in(s.code).c_str() : "")) {
            for (const CategoryDef& c : rs->categories) {
                if (ImGui::Selectable(c.name.in(s.code).c_str(), c.id == q.category)) q.category = c.id;
                note_option(("quick.category." + c.id).c_str(), c.name.in(s.code), c.id == q.category);
            }
            ImGui::EndCombo();
        }
        note_last("quick.category", platform::WidgetKind::combo, s.quick_category);
        platform::note_widget_text(platform::WidgetText::value, cur ? cur->name.in(s.code) : "");
    });
    quick_label_field(s.quick_before, date_w, true, [&](float w) { date_field("quick.before", q.before, w); });
    checkbox(s.quick_accredited, "quick.accredited", &q.accredited);
    same_line_if_fits(s.quick_add);
    if (primary_button(s.quick_add, "quick.courses.add")) {
        try {
            PlannedActivities plan;
            plan.count = static_cast<int>(q.count);
            if (plan.count != q.count) plan.count = 0;   // 2,5 activities: refused as a count
            plan.points = q.points;
            plan.category = q.category;
            plan.accredited = q.accredited;
            plan.before = q.before.value_or(until);
            plan.title = s.quick_course_title;
            Portfolio p = se.portfolio(Scenario::what_if);
            add_planned_activities(p, plan, check);
            se.edit_what_if() = std::move(p);
            st.banner = {fill(s.quick_added_courses, {format_number(q.count, s.code, 0), format_number(q.points, s.code, 1)}), false};
        } catch (const InputError& e) {
            failed(e);
        }
    }
    ImGui::PopID();

    ImGui::Dummy(ImVec2(0, 0.4f * em));
    ImGui::PushID("hours");
    text_strong(s.quick_hours, theme);
    quick_label_field(s.quick_hours_per_week, num_w, false,
                      [&](float w) { number_field("quick.hours_per_week", q.hours_per_week, w, s.code, 7 * kMaxHoursPerDay); });
    quick_label_field(s.quick_from, date_w, false, [&](float w) { date_field("quick.from", q.from, w); });
    quick_label_field(s.quick_to, date_w, true, [&](float w) { date_field("quick.to", q.to, w); });
    if (primary_button(s.quick_add, "quick.hours.add")) {
        try {
            Portfolio p = se.portfolio(Scenario::what_if);
            // A re-entry plan's hours a week are what its form states: they rise with it.
            add_weekly_hours(p, q.hours_per_week, q.from.value_or(from), q.to.value_or(to), o.hours_required.has_value());
            se.edit_what_if() = std::move(p);
            st.banner = {fill(s.quick_added_hours, {format_number(q.hours_per_week, s.code, 1), to_dutch(q.from.value_or(from)), to_dutch(q.to.value_or(to))}), false};
        } catch (const InputError& e) {
            failed(e);
        }
    }
    ImGui::PopID();

    ImGui::Dummy(ImVec2(0, 0.4f * em));
    ImGui::PushID("check");
    quick_label_field(s.quick_check_date, date_w, true, [&](float w) { date_field("quick.check_date", q.check_date, w); });
    ImGui::BeginDisabled(!q.check_date);
    if (button(s.quick_apply, "quick.check.apply") && q.check_date) {
        se.edit_what_if().check_date = *q.check_date;
        st.banner = {fill(s.quick_moved_check, {to_dutch(*q.check_date)}), false};
    }
    ImGui::EndDisabled();
    ImGui::PopID();
    card_end();
}

// The conversation's notes live in the portfolio as entered (Session::notes): typed here,
// saved with it, printed whole in the summary.
void notes_card(AppState& st, const Theme& theme) {
    const Strings& s = strings(st.lang);
    const float em = ImGui::GetFontSize();
    HelpdeskNotes& h = st.session.notes_for_edit();
    card_begin();
    text_strong(s.notes_title, theme);
    ImGui::PushFont(theme.fonts().small);
    text_muted(s.notes_help);
    ImGui::PopFont();
    const float w = narrow() ? avail() : std::min(avail(), 24 * em);
    bool changed = false;
    field_label(s.notes_member);
    changed |= text_field("cmp.member", h.member, kMaxHelpdeskName, w, st.session.portfolio(Scenario::as_entered).application.name.c_str());
    field_label(s.notes_case);
    changed |= text_field("cmp.case", h.case_number, kMaxHelpdeskName, w);
    field_label(s.notes_advisor);
    changed |= text_field("cmp.advisor", h.advisor, kMaxHelpdeskName, w);
    field_label(s.notes_agreements);
    changed |= multiline_field("cmp.agreements", h.notes, kMaxNotesText, 0, 3, 14);
    if (changed) st.session.notes_changed();
    // A file refuses more (portfolio.h): say so while the text can still be shortened.
    if (h.notes.size() > kMaxNotesText || h.member.size() > kMaxHelpdeskName || h.case_number.size() > kMaxHelpdeskName ||
        h.advisor.size() > kMaxHelpdeskName) {
        ImGui::PushFont(theme.fonts().small);
        text_coloured(palette().warn, fill(s.notes_too_long, {std::to_string(h.notes.size() > kMaxNotesText ? kMaxNotesText
                                                                                                              : kMaxHelpdeskName)}));
        ImGui::PopFont();
    }
    card_end();
}

FormDocument summary_document(const AppState& st) {
    const Session& se = st.session;
    const Portfolio a_port = se.assessed_portfolio(Scenario::as_entered);
    const Portfolio b_port = se.assessed_portfolio(Scenario::what_if);
    const HelpdeskNotes& h = se.notes();
    ConversationNotes notes;
    notes.member = h.member.empty() ? a_port.application.name : h.member;   // the name the member gave, when nobody typed one
    notes.advisor = h.advisor;
    notes.case_number = h.case_number;
    notes.agreements = h.notes;
    notes.date = st.today;
    const bool with_b = se.has_what_if() && se.assessment(Scenario::what_if);
    return helpdesk_summary(a_port, *se.assessment(Scenario::as_entered), *se.assessed_rules(Scenario::as_entered),
                            with_b ? &b_port : nullptr, with_b ? se.assessment(Scenario::what_if) : nullptr,
                            with_b ? se.assessed_rules(Scenario::what_if) : nullptr, notes, strings(st.lang).code);
}

void summary_downloads(AppState& st, const Theme& theme) {
    const Strings& s = strings(st.lang);
    if (primary_button(s.summary_pdf, "cmp.pdf")) ask_for_pdf(st, [&] { return summary_document(st); });
    same_line_if_fits(s.summary_copy);
    if (button(s.summary_copy, "cmp.copy")) {
        try {
            platform::copy_to_clipboard(render_text(summary_document(st)));
            st.banner = {s.summary_copied, false};
        } catch (const std::exception& e) {
            st.banner = {fill(s.save_failed, {e.what()}), true};
        }
    }
    draw_pdf_note(st, theme);
}

void adopt_dialog(AppState& st) {
    const Strings& s = strings(st.lang);
    const ImGuiIO& io = ImGui::GetIO();
    const float em = ImGui::GetFontSize();
    const float w = std::min(io.DisplaySize.x - 2 * em, 30 * em);
    if (st.confirm_adopt && !ImGui::IsPopupOpen("##adopt")) ImGui::OpenPopup("##adopt");
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    ImGui::SetNextWindowPos(dialog_centre(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em, em));
    if (ImGui::BeginPopupModal("##adopt", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove)) {
        ImGui::PushTextWrapPos(w - em);
        ImGui::TextWrapped("%s", s.adopt_question);
        note_words(s.adopt_question);
        ImGui::PopTextWrapPos();
        if (primary_button(s.adopt_yes, "adopt.yes")) {
            st.session.adopt_what_if();
            reset_field_buffers();
            st.confirm_adopt = false;
            st.step = Step::result;
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (button(s.cancel, "adopt.no") || escape_pressed()) {
            st.confirm_adopt = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar();
}

}  // namespace

void draw_edit_as_entered_question(AppState& st) {
    Session& se = st.session;
    const bool pending = se.as_entered_edit_pending();
    // Asked once the field is left, not while typing in it: a dialog taking the keyboard in the
    // middle of "1200" would lose the rest. "No" undoes everything since the first change.
    if (pending && !ImGui::IsAnyItemActive() && !ImGui::IsPopupOpen("##edit_as_entered")) ImGui::OpenPopup("##edit_as_entered");
    st.asking_edit_as_entered = pending && ImGui::IsPopupOpen("##edit_as_entered");
    const Strings& s = strings(st.lang);
    const float em = ImGui::GetFontSize();
    const float w = std::min(ImGui::GetIO().DisplaySize.x - 2 * em, 36 * em);
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    ImGui::SetNextWindowPos(dialog_centre(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em, em));
    const bool open = ImGui::BeginPopupModal("##edit_as_entered", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove);
    ImGui::PopStyleVar();
    if (!open) return;
    if (!pending) {   // answered elsewhere (the what-if dropped meanwhile)
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    ImGui::PushTextWrapPos(w - em);
    ImGui::TextWrapped("%s", s.edit_as_entered_question);
    note_words(s.edit_as_entered_question);
    ImGui::PopTextWrapPos();
    if (primary_button(s.edit_as_entered_yes, "edit_as_entered.yes")) {
        se.confirm_as_entered_edits();
        ImGui::CloseCurrentPopup();
    }
    // Side by side when both fit in the dialog, else one below the other (a phone).
    const ImGuiStyle& style = ImGui::GetStyle();
    const float both = ImGui::CalcTextSize(s.edit_as_entered_yes).x + ImGui::CalcTextSize(s.edit_as_entered_no).x +
                       4 * style.FramePadding.x + style.ItemSpacing.x;
    if (both <= ImGui::GetContentRegionAvail().x) ImGui::SameLine();   // the cursor is at the next line's start
    if (button(s.edit_as_entered_no, "edit_as_entered.no") || escape_pressed()) {
        se.undo_as_entered_edit();   // and the steps edit the what-if from now on
        reset_field_buffers();
        st.leave_lists();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void start_compare(AppState& state) {
    state.session.start_what_if();
    state.session.select(Scenario::as_entered);   // the comparison page edits nothing itself
    reset_field_buffers();
    state.step = Step::compare;
}

namespace {
void scenario_bar(AppState& state, const Theme& theme) {
    Session& se = state.session;
    const Strings& s = strings(state.lang);
    const Palette& p = palette();
    const bool what_if = se.editing() == Scenario::what_if && state.step != Step::compare;
    card_begin(what_if ? p.warn_soft : p.card);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(s.scenario_label);
    note_words(s.scenario_label);
    ImGui::SameLine();
    const bool on_compare = state.step == Step::compare;
    const struct {
        const char* label;
        const char* id;
        bool here;
    } tabs[] = {
        {s.scenario_as_entered, "scenario.as_entered", !on_compare && se.editing() == Scenario::as_entered},
        {s.scenario_what_if, "scenario.what_if", !on_compare && se.editing() == Scenario::what_if},
        {s.scenario_compare, "scenario.compare", on_compare},
    };
    for (int i = 0; i < 3; ++i) {
        if (i > 0) {
            const float w = ImGui::CalcTextSize(tabs[i].label).x + 2 * ImGui::GetStyle().FramePadding.x;
            ImGui::SameLine();
            if (w > avail()) ImGui::NewLine();
        }
        const bool clicked = tabs[i].here ? primary_button(tabs[i].label, tabs[i].id) : button(tabs[i].label, tabs[i].id);
        if (!clicked || tabs[i].here) continue;
        if (i == 2) {
            state.step = Step::compare;
        } else {
            se.select(i == 0 ? Scenario::as_entered : Scenario::what_if);
            reset_field_buffers();
            state.leave_lists();
            if (on_compare) state.step = Step::result;
        }
    }
    if (what_if) {
        ImGui::PushFont(theme.fonts().small);
        text_coloured(p.warn, s.scenario_editing_what_if);
        ImGui::PopFont();
    }
    card_end();
}

}  // namespace

// In its place below the step bar; once the page scrolls it away, pinned to the top of the
// view in a window of its own (the place keeps its height), so which scenario the steps edit
// stays in sight and in reach. Drawn once either way: its widgets have one place.
void draw_scenario_bar(AppState& state, const Theme& theme) {
    if (!state.session.has_what_if()) return;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = avail();
    // The top of what the user sees: the display's, or embedded in a tall iframe the part of
    // it inside the host's window (the host page scrolls there, not the app).
    const float top = ImGui::GetMainViewport()->WorkPos.y;
    const bool pinned = at.y < top && state.scenario_bar_height > 0;
    if (!pinned) {
        ImGui::BeginGroup();
        scenario_bar(state, theme);
        ImGui::EndGroup();
        state.scenario_bar_height = ImGui::GetItemRectSize().y;
        return;
    }
    ImGui::Dummy(ImVec2(width, state.scenario_bar_height));
    const float pad = 0.3f * ImGui::GetFontSize();
    ImGui::SetNextWindowPos(ImVec2(at.x - pad, top));
    ImGui::SetNextWindowSize(ImVec2(width + 2 * pad, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::Begin("##scenario_pinned", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::PopStyleVar(2);
    const float right = column_right();
    set_column_right(ImGui::GetCursorScreenPos().x + width);
    scenario_bar(state, theme);
    set_column_right(right);
    ImGui::End();
}

void draw_compare_call(AppState& state, const Theme& theme) {
    if (state.session.has_what_if() || !state.session.assessment()) return;
    const Strings& s = strings(state.lang);
    card_begin();
    text_strong(s.compare_call_title, theme);
    ImGui::TextWrapped("%s", s.compare_call_text);
    note_words(s.compare_call_text);
    if (button(s.menu_compare, "result.compare")) start_compare(state);
    card_end();
}

void draw_compare(AppState& state, const Theme& theme) {
    const Strings& s = strings(state.lang);
    if (!state.session.has_what_if()) state.session.start_what_if();
    heading(s.compare_title, theme, s.compare_intro);

    // Where to change the what-if: the steps that matter most on the phone.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(s.compare_edit);
    note_words(s.compare_edit);
    const struct {
        const char* label;
        const char* id;
        Step step;
    } edits[] = {
        {s.step_dates, "cmp.edit.dates", Step::dates},
        {s.step_hours, "cmp.edit.hours", Step::hours},
        {s.step_activities, "cmp.edit.activities", Step::activities},
    };
    for (const auto& e : edits) {
        same_line_if_fits(e.label);
        if (button(e.label, e.id)) go_edit(state, e.step);
    }
    ImGui::Dummy(ImVec2(0, 0.3f * ImGui::GetFontSize()));

    const std::optional<ScenarioComparison> c = comparison(state);
    if (!c) {
        card_begin(palette().warn_soft);
        for (const Scenario sc : {Scenario::as_entered, Scenario::what_if}) {
            if (state.session.assessment(sc)) continue;
            const InputError* why = state.session.error(sc);
            const char* which = sc == Scenario::as_entered ? s.scenario_as_entered : s.scenario_what_if;
            const std::string not_ready = fill(s.compare_not_ready, {which, why ? why->problem(state.lang) : s.no_register});
            ImGui::TextWrapped("%s", not_ready.c_str());
            note_words(not_ready);
        }
        card_end();
    } else {
        verdict_cards(state, *c, theme);
        quick_what_if(state, theme);
        const Palette& p = palette();
        ImGui::PushFont(theme.fonts().strong);
        if (c->differences == 0) text_muted(s.compare_no_difference);
        else text_coloured(p.accent, c->differences == 1 ? std::string(s.compare_one_difference)
                                                          : fill(s.compare_differences, {std::to_string(c->differences)}));
        ImGui::PopFont();
        card_begin();
        for (std::size_t i = 0; i < c->groups.size(); ++i) {
            if (c->groups[i].rows.empty()) continue;
            if (i > 0) ImGui::Dummy(ImVec2(0, 0.4f * ImGui::GetFontSize()));
            group_table(c->groups[i], s, theme, static_cast<int>(i));
        }
        card_end();
    }

    if (state.session.assessment(Scenario::as_entered)) {
        notes_card(state, theme);
        summary_downloads(state, theme);
    }
    ImGui::Dummy(ImVec2(0, 0.5f * ImGui::GetFontSize()));
    if (button(s.back_to_result, "cmp.back")) {
        state.session.select(Scenario::as_entered);
        reset_field_buffers();
        state.step = Step::result;
    }
    same_line_if_fits(s.adopt_what_if);
    if (button(s.adopt_what_if, "cmp.adopt")) state.confirm_adopt = true;
    same_line_if_fits(s.drop_what_if);
    if (link_button(s.drop_what_if, "cmp.drop")) {
        state.session.drop_what_if();
        state.quick = {};
        reset_field_buffers();
        state.step = Step::result;
    }
    adopt_dialog(state);
}

std::string compare_mirror_text(const AppState& state) {
    const std::optional<ScenarioComparison> c = comparison(state);
    if (!c) return {};
    const Strings& s = strings(state.lang);
    std::string out = std::string(s.scenario_as_entered) + ": " + c->verdict_a + "\n" + s.scenario_what_if + ": " +
                      c->verdict_b + "\n";
    out += c->differences == 0   ? std::string(s.compare_no_difference)
           : c->differences == 1 ? std::string(s.compare_one_difference)
                                 : fill(s.compare_differences, {std::to_string(c->differences)});
    out += '\n';
    for (const ComparisonGroup& g : c->groups)
        for (const ComparisonRow& r : g.rows) {
            out += r.label + ": " + r.a + " | " + r.b;
            if (r.differs()) out += std::string(" (") + change_words(s, r.change) + ")";
            out += '\n';
        }
    return out;
}

}  // namespace herreg::ui
