// Step 4: development activities. A sortable table (add, edit, duplicate, delete), the
// totals per category and per capped kind and year, and rows pasted from a spreadsheet.
#include <algorithm>

#include "portfolio/activity_table.h"
#include "input/csv_import.h"
#include "imgui.h"
#include "text/labels.h"
#include "text/number_format.h"
#include "platform/platform.h"
#include "ui/list_pager.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace herreg::ui {
namespace {

std::string category_name(const RuleSet* rs, const std::string& id, const Strings& s) {
    if (rs)
        if (const CategoryDef* c = rs->category(id)) return c->name.in(s.code);
    return id;
}

std::string kind_name(const RuleSet* rs, const std::optional<std::string>& id, const Strings& s) {
    if (!id) return "";
    if (rs)
        if (const KindDef* k = rs->kind(*id)) return k->name.in(s.code);
    return *id;
}

void totals(AppState& state, const Theme& theme) {
    const Strings& s = strings(state.lang);
    const Assessment* a = state.session.assessment();
    const RuleSet* rs = state.session.rules();
    if (!a || !rs) return;
    const float em = ImGui::GetFontSize();
    card_begin();
    text_strong(s.points_totals, theme);
    for (const CriterionResult& c : a->criteria) {
        if (!c.is_points()) continue;
        const std::string label = criterion_label(c.id, *rs, s.code);
        const std::string got = format_number(c.achieved, s.code, 1);
        const std::string figures = c.required ? fill(s.figures_of, {got, format_number(*c.required, s.code, 1)})
                                               : fill(s.figures_unknown, {got});
        label_and_figures(label, figures);
        criterion_bar(c, 0.45f * em, false);
    }
    const std::vector<CapUse> caps = cap_use(state.session.portfolio(), *rs, a->window);
    if (!caps.empty()) {
        ImGui::Dummy(ImVec2(0, 0.3f * em));
        text_strong(s.caps_title, theme);
        for (const CapUse& u : caps) {
            const std::string line = fill(s.cap_line, {kind_name(rs, u.kind, s), std::to_string(u.year),
                                                       format_number(u.entered, s.code, 1), format_number(u.cap, s.code, 1),
                                                       format_number(u.counted, s.code, 1)});
            text_coloured(u.entered > u.counted ? palette().warn : palette().text, line);
        }
    }
    card_end();
}

// For a kind counted per meeting (004): how many meetings the entry covers and how long they lasted.
void meeting_fields(AppState& state, const Activity& act, int i, const Theme& theme) {
    const RuleSet* rs = state.session.rules();
    const KindDef* k = rs && act.kind ? rs->kind(*act.kind) : nullptr;
    if (!k) return;
    const Strings& s = strings(state.lang);
    const float em = ImGui::GetFontSize();
    if (k->points_per_meeting.known()) {
        field_label(s.meetings_label);
        ImGui::PushFont(theme.fonts().small);
        text_muted(fill(s.meetings_help, {format_number(*k->points_per_meeting.value, s.code, 1)}));
        ImGui::PopFont();
        double meetings = act.meeting_count();
        FieldState fm;
        if (number_field("activity.meetings", meetings, 6 * em, s.code, kMaxMeetingsPerActivity, &fm)) {
            if (meetings >= 1 && meetings == double(int(meetings))) state.session.edit().activities[size_t(i)].meetings = int(meetings);
            else fm.error = "not whole";
        }
        if (!fm.error.empty()) error_text(s.number_invalid);
    }
    if (k->min_meeting_hours.known()) {
        field_label(s.meeting_hours_label);
        ImGui::PushFont(theme.fonts().small);
        text_muted(fill(s.meeting_hours_help, {format_number(*k->min_meeting_hours.value, s.code, 1)}));
        ImGui::PopFont();
        std::optional<double> hours = act.meeting_hours;
        FieldState fh;
        if (optional_number_field("activity.meeting_hours", hours, 6 * em, s.code, kMaxHoursPerDay, &fh))
            state.session.edit().activities[size_t(i)].meeting_hours = hours;
        if (!fh.error.empty()) error_text(s.number_invalid);
    }
}

// The activities list shows the page that holds `row` (list_pager), in the order on screen.
void show_row(AppState& state, size_t row) {
    const auto order = sorted_order(state.session.portfolio().activities, ActivityColumn(state.sort_column), state.sort_ascending);
    const auto at = std::find(order.begin(), order.end(), row);
    if (at != order.end()) state.activities_page = int(size_t(at - order.begin()) / kListPage);
}

void editor(AppState& state, const Theme& theme) {
    const Strings& s = strings(state.lang);
    const RuleSet* rs = state.session.rules();
    const int i = state.editing_activity;
    if (i < 0 || i >= int(state.session.portfolio().activities.size())) return;
    const float em = ImGui::GetFontSize();
    const Activity& act = state.session.portfolio().activities[size_t(i)];
    card_begin(palette().accent_soft);
    text_strong(fill(s.edit_activity, {std::to_string(i + 1)}), theme);
    const float w = std::min(avail(), 30 * em);

    field_label(s.col_date);
    std::optional<Date> d = act.date;
    FieldState fd;
    if (date_field("activity.date", d, 10 * em, &fd) && d) state.session.edit().activities[size_t(i)].date = *d;
    if (!fd.error.empty()) error_text(s.date_invalid);
    if (is_planned(act, state.session.check_date())) text_muted(s.planned_note);

    field_label(s.col_title);
    std::string title = act.title;
    if (text_field("activity.title", title, kMaxActivityText, w)) state.session.edit().activities[size_t(i)].title = title;
    field_label(s.col_provider);
    std::string provider = act.provider;
    if (text_field("activity.provider", provider, kMaxActivityText, w)) state.session.edit().activities[size_t(i)].provider = provider;

    if (rs) {
        ImGui::TextUnformatted(s.col_category);
        ImGui::SetNextItemWidth(w);
        if (ImGui::BeginCombo("##category", category_name(rs, act.category, s).c_str())) {
            for (const CategoryDef& c : rs->categories) {
                if (ImGui::Selectable(c.name.in(s.code).c_str(), c.id == act.category))
                    state.session.edit().activities[size_t(i)].category = c.id;
                note_option(("activity.category." + c.id).c_str(), c.name.in(s.code), c.id == act.category);
            }
            ImGui::EndCombo();
        }
        note_last("activity.category", platform::WidgetKind::combo, s.col_category);
        platform::note_widget_text(platform::WidgetText::value, category_name(rs, act.category, s));
        if (!rs->kinds.empty()) {
            ImGui::TextUnformatted(s.col_kind);
            ImGui::SetNextItemWidth(w);
            if (ImGui::BeginCombo("##kind", act.kind ? kind_name(rs, act.kind, s).c_str() : s.kind_none)) {
                if (ImGui::Selectable(s.kind_none, !act.kind)) state.session.edit().activities[size_t(i)].kind.reset();
                note_option("activity.kind.none", s.kind_none, !act.kind);
                for (const KindDef& k : rs->kinds) {
                    if (ImGui::Selectable(k.name.in(s.code).c_str(), act.kind == k.id)) {
                        Activity& e = state.session.edit().activities[size_t(i)];
                        e.kind = k.id;
                        if (!k.category.empty()) e.category = k.category;
                    }
                    note_option(("activity.kind." + k.id).c_str(), k.name.in(s.code), act.kind == k.id);
                }
                ImGui::EndCombo();
            }
            note_last("activity.kind", platform::WidgetKind::combo, s.col_kind);
            platform::note_widget_text(platform::WidgetText::value, act.kind ? kind_name(rs, act.kind, s) : std::string(s.kind_none));
        }
    }
    field_label(s.col_points);
    double pts = act.points;
    FieldState fp;
    if (number_field("activity.points", pts, 6 * em, s.code, 1000, &fp)) state.session.edit().activities[size_t(i)].points = pts;
    if (!fp.error.empty()) error_text(s.number_invalid);
    meeting_fields(state, act, i, theme);
    bool acc = act.accredited;
    if (checkbox(s.col_accredited, "activity.accredited", &acc)) state.session.edit().activities[size_t(i)].accredited = acc;
    ImGui::Dummy(ImVec2(0, 0.3f * em));
    if (primary_button(s.done, "activity.done")) {
        state.editing_activity = -1;
        // The form goes: the keyboard's focus goes to the activity's own "Bewerken" in the list,
        // on the page that holds it (a new or moved activity may sort onto another page).
        show_row(state, size_t(i));
        focus_widget("activity." + std::to_string(i) + ".edit");
    }
    card_end();
}

}  // namespace

void import_activities(AppState& state, const std::string& text) {
    const Strings& s = strings(state.lang);
    const RuleSet* rs = state.session.rules();
    if (!rs) {
        state.activities_import.report = s.choose_register_first;
        state.activities_import.failed = true;
        return;
    }
    const size_t held = state.session.portfolio().activities.size();
    ActivitiesImport imp = import_activities_csv(text, *rs, held < kMaxListEntries ? kMaxListEntries - held : 0);
    if (!imp.activities.empty()) {
        auto& list = state.session.edit().activities;
        list.insert(list.end(), imp.activities.begin(), imp.activities.end());
    }
    finish_import(state.activities_import, imp.activities.size(), imp.problems, s);
}

void draw_step_activities(AppState& state, const Theme& theme) {
    const Strings& s = strings(state.lang);
    const float em = ImGui::GetFontSize();
    const RuleSet* rs = state.session.rules();
    heading(s.activities_title, theme, s.activities_intro);
    if (!rs) {
        card_begin(palette().warn_soft);
        text_coloured(palette().warn, s.choose_register_first);
        if (button(s.go_to_register, "activities.to_register")) state.step = Step::register_choice;
        card_end();
        return;
    }
    totals(state, theme);

    const auto& list = state.session.portfolio().activities;
    const bool compact = narrow();
    int duplicate = -1, remove = -1;
    // As many as a portfolio holds (its reader refuses more): then the button says so.
    const bool full = list.size() >= kMaxListEntries;
    ImGui::BeginDisabled(full);
    const bool add = primary_button(s.add_activity, "activity.add");
    ImGui::EndDisabled();
    if (full) text_muted(fill(s.list_full, {format_number(double(kMaxListEntries), s.code, 0)}));
    if (add && !full) {
        Activity a;
        a.date = std::min(state.today, state.session.check_date());
        a.category = rs->categories.empty() ? "" : rs->categories.front().id;
        state.session.edit().activities.push_back(a);
        state.editing_activity = int(state.session.portfolio().activities.size()) - 1;
        reset_field_buffers();
        focus_widget("activity.date");
    }
    editor(state, theme);

    if (list.empty()) {
        text_muted(s.no_activities);
    } else {
        // On a phone one column: each activity's lines and its buttons below them (three
        // columns beside fixed buttons cut dates and titles mid-word).
        const ListRange shown = list_pager("activities.page", list.size(), state.activities_page, s);
        const int columns = compact ? 1 : 6;
        const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                      ImGuiTableFlags_SizingStretchProp;
        if (ImGui::BeginTable("##activities", columns, flags, ImVec2(avail(), 0))) {
            ImGui::TableSetupColumn(s.col_date, ImGuiTableColumnFlags_DefaultSort, 1.2f, int(ActivityColumn::date));
            if (!compact) {
                ImGui::TableSetupColumn(s.col_title, 0, 2.4f, int(ActivityColumn::title));
                ImGui::TableSetupColumn(s.col_category, 0, 1.6f, int(ActivityColumn::category));
                ImGui::TableSetupColumn(s.col_points, 0, 0.8f, int(ActivityColumn::points));
                ImGui::TableSetupColumn(s.col_accredited_short, 0, 0.8f, int(ActivityColumn::accredited));
            }
            // The buttons' column is as wide as its three buttons; the others share the rest.
            const float pad = 2.0f * ImGui::GetStyle().FramePadding.x;
            const float actions = ImGui::CalcTextSize(s.edit).x + ImGui::CalcTextSize(s.duplicate_short).x +
                                  ImGui::CalcTextSize(s.remove_short).x + 3.0f * pad + 0.4f * em;
            if (!compact) ImGui::TableSetupColumn("", ImGuiTableColumnFlags_NoSort | ImGuiTableColumnFlags_WidthFixed, actions);
            table_headers();
            if (ImGuiTableSortSpecs* spec = ImGui::TableGetSortSpecs(); spec && spec->SpecsCount > 0) {
                const int column = int(spec->Specs[0].ColumnUserID);
                const bool ascending = spec->Specs[0].SortDirection != ImGuiSortDirection_Descending;
                if (column != state.sort_column || ascending != state.sort_ascending) state.activities_page = 0;
                state.sort_column = column;
                state.sort_ascending = ascending;
                spec->SpecsDirty = false;
            }
            const auto order = sorted_order(list, ActivityColumn(state.sort_column), state.sort_ascending);
            for (size_t at = shown.first; at < shown.last && at < order.size(); ++at) {
                const size_t row = order[at];
                const Activity& act = list[row];
                const std::string n = std::to_string(row);
                ImGui::PushID(int(row));
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::AlignTextToFramePadding();
                ImGui::TextUnformatted(to_dutch(act.date).c_str());
                note_words(to_dutch(act.date));
                if (is_planned(act, state.session.check_date())) {
                    ImGui::PushFont(theme.fonts().small);
                    text_coloured(palette().accent, s.planned);
                    ImGui::PopFont();
                }
                if (!compact) ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", act.title.empty() ? "—" : act.title.c_str());
                if (!act.title.empty()) note_words(act.title);   // "—" only marks an empty cell
                if (compact) {
                    ImGui::PushFont(theme.fonts().small);
                    text_muted(fill("{} · {} {}", {category_name(rs, act.category, s), format_number(act.points, s.code, 1), s.unit_points}));
                    ImGui::PopFont();
                } else if (!act.provider.empty()) {
                    ImGui::PushFont(theme.fonts().small);
                    text_muted(act.provider);
                    ImGui::PopFont();
                }
                if (!compact) {
                    ImGui::TableNextColumn();
                    ImGui::TextWrapped("%s", category_name(rs, act.category, s).c_str());
                    note_words(category_name(rs, act.category, s));
                    if (act.kind) {
                        ImGui::PushFont(theme.fonts().small);
                        text_muted(kind_name(rs, act.kind, s));
                        ImGui::PopFont();
                    }
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(format_number(act.points, s.code, 1).c_str());
                    note_words(format_number(act.points, s.code, 1));
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(act.accredited ? s.yes : s.no);
                    note_words(act.accredited ? s.yes : s.no);
                }
                if (!compact) ImGui::TableNextColumn();
                // Named with the activity: a screen reader lists them apart ("Bewerken" thrice
                // said nothing), and the symbol "✗" by its word.
                const std::string what = act.title.empty() ? to_dutch(act.date) : act.title;
                if (button(s.edit, ("activity." + n + ".edit").c_str())) {
                    state.editing_activity = int(row);
                    reset_field_buffers();
                    focus_widget("activity.date");   // the form opens with the keyboard in it
                }
                name_last_for(s.edit, what);
                ImGui::SameLine(0, 0.2f * em);
                if (button(s.duplicate_short, ("activity." + n + ".duplicate").c_str())) duplicate = int(row);
                name_last_for(s.duplicate_short, what);
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", s.duplicate);
                ImGui::SameLine(0, 0.2f * em);
                if (button(s.remove_short, ("activity." + n + ".remove").c_str())) remove = int(row);
                name_last_for(s.remove, what);
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", s.remove);
                ImGui::PopID();
            }
            ImGui::EndTable();
        }
    }
    if (duplicate >= 0) {
        auto& l = state.session.edit().activities;
        l.insert(l.begin() + duplicate + 1, l[size_t(duplicate)]);
        state.editing_activity = duplicate + 1;
        reset_field_buffers();
    }
    if (remove >= 0) {
        auto& l = state.session.edit().activities;
        l.erase(l.begin() + remove);
        if (state.editing_activity == remove) state.editing_activity = -1;
        else if (state.editing_activity > remove) --state.editing_activity;
        reset_field_buffers();
    }

    ImGui::Dummy(ImVec2(0, 0.5f * em));
    draw_import_card(state, theme,
                     {"activities", s.activities_import_help, &state.activities_import, FilePurpose::activities_csv,
                      import_activities});
}

}  // namespace herreg::ui
