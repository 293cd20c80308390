// Step 3: work experience. A grid with one row per calendar year of the counting window,
// free date ranges for anything else, a running total against the requirement, and rows
// pasted from a spreadsheet.
#include <algorithm>
#include <cmath>
#include <vector>

#include "input/csv_import.h"
#include "portfolio/hours_grid.h"
#include "imgui.h"
#include "text/number_format.h"
#include "platform/platform.h"
#include "ui/list_pager.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace herreg::ui {

// Runs the hours import on `text` (pasted or from a file); keeps the text on failure.
void import_hours(AppState& state, const std::string& text) {
    const Strings& s = strings(state.lang);
    const size_t held = state.session.portfolio().hours.size();
    HoursImport imp = import_hours_csv(text, held < kMaxListEntries ? kMaxListEntries - held : 0);
    if (!imp.entries.empty()) {
        auto& hours = state.session.edit().hours;
        hours.insert(hours.end(), imp.entries.begin(), imp.entries.end());
        reset_field_buffers();
    }
    finish_import(state.hours_import, imp.entries.size(), imp.problems, s);
}

void hours_total(const AppState& state, const Theme& theme) {
    const Strings& s = strings(state.lang);
    const Assessment* a = state.session.assessment();
    const CriterionResult* c = a ? a->criterion("hours") : nullptr;
    if (!c) return;
    const float em = ImGui::GetFontSize();
    const std::string achieved = format_number(c->achieved, s.code, 0);
    std::string line;
    if (c->required) {
        line = fill(s.hours_total_of, {achieved, format_number(*c->required, s.code, 0)});
    } else {
        line = fill(s.hours_total_unknown, {achieved});
    }
    text_strong(line, theme);
    criterion_bar(*c, 0.7f * em, false);
    ImGui::PushFont(theme.fonts().small);
    text_muted(fill(s.window_line, {to_dutch(a->window.from), to_dutch(add_days(a->window.to, -1))}));
    // How the figures are read (core/counting.h): this year's figure is what was worked so far,
    // and hours after the check date wait for the projection on the result.
    const Date check = state.session.check_date();
    for (const HoursEntry& e : state.session.portfolio().hours)
        if (is_year_so_far(e, check)) {
            text_muted(fill(s.year_so_far, {std::to_string(check.y), to_dutch(check)}));
            break;
        }
    if (a->projection && a->projection->planned_hours > 0)
        text_muted(fill(s.hours_planned_note, {format_number(a->projection->planned_hours, s.code, 0), to_dutch(check)}));
    ImGui::PopFont();
}

void draw_step_hours(AppState& state, const Theme& theme) {
    const Strings& s = strings(state.lang);
    const float em = ImGui::GetFontSize();
    heading(s.hours_title, theme, s.hours_intro);

    const Assessment* a = state.session.assessment();
    if (!a) {
        card_begin(palette().warn_soft);
        text_coloured(palette().warn, s.hours_need_dates);
        if (button(s.go_to_dates, "hours.to_dates")) state.step = Step::dates;
        card_end();
    } else {
        card_begin();
        hours_total(state, theme);
        card_end();

        card_begin();
        text_strong(s.hours_per_year, theme);
        const std::vector<YearRow> rows = hours_by_year(state.session.portfolio(), a->window, state.session.check_date());
        if (ImGui::BeginTable("##years", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH, ImVec2(avail(), 0))) {
            // On a phone the counted column is as wide as its header or a year's figure, so
            // neither is cut, and the year column takes what is left.
            const bool phone = narrow();
            ImGui::TableSetupColumn(s.col_year, ImGuiTableColumnFlags_WidthStretch, phone ? 1.0f : 1.4f);
            ImGui::TableSetupColumn(s.col_hours, ImGuiTableColumnFlags_WidthFixed, (phone ? 5.5f : 7.0f) * em);
            if (phone)
                ImGui::TableSetupColumn(s.col_counted, ImGuiTableColumnFlags_WidthFixed,
                                        std::max(ImGui::CalcTextSize(s.col_counted).x, ImGui::CalcTextSize("8.784,0").x));
            else
                ImGui::TableSetupColumn(s.col_counted, ImGuiTableColumnFlags_WidthStretch, 1.0f);
            table_headers();
            for (const YearRow& r : rows) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::AlignTextToFramePadding();
                ImGui::Text("%d", r.year);
                note_words(std::to_string(r.year));
                if (r.partial) {
                    // Day and month only (the year is the row's): short enough that the cell's
                    // wrapping makes "alleen 01-12" / "t/m 31-12" on a phone, never cut in a date.
                    ImGui::PushFont(theme.fonts().small);
                    text_muted(fill(s.year_part, {to_dutch(r.from).substr(0, 5), to_dutch(r.to).substr(0, 5)}));
                    ImGui::PopFont();
                }
                ImGui::TableNextColumn();
                double v = r.entered;
                const std::string id = "hours." + std::to_string(r.year);
                FieldState fs;
                const double max = 24.0 * double(days_between(Date{r.year, 1, 1}, Date{r.year + 1, 1, 1}));
                name_next_widget(std::string(s.col_hours) + " " + std::to_string(r.year));
                if (number_field(id.c_str(), v, ImGui::GetContentRegionAvail().x, s.code, max, &fs)) {
                    const size_t entries = state.session.portfolio().hours.size();
                    set_year_hours(state.session.edit(), r.year, v);
                    // Range rows are keyed by position: if that moved, forget their edit buffers.
                    if (state.session.portfolio().hours.size() != entries) reset_field_buffers();
                }
                if (!fs.error.empty()) error_text(s.number_invalid);
                ImGui::TableNextColumn();
                ImGui::AlignTextToFramePadding();
                text_muted(format_number(r.counted, s.code, 1));
                if (r.planned > 0) {
                    ImGui::PushFont(theme.fonts().small);
                    text_muted(fill(s.hours_planned, {format_number(r.planned, s.code, 1)}));
                    ImGui::PopFont();
                }
            }
            ImGui::EndTable();
        }
        card_end();
    }

    // Free ranges: periods that do not follow calendar years.
    card_begin();
    text_strong(s.ranges_title, theme);
    ImGui::PushFont(theme.fonts().small);
    text_muted(s.ranges_help);
    ImGui::PopFont();
    const auto& hours = state.session.portfolio().hours;
    int remove = -1;
    std::vector<size_t> ranges;   // the entries that are ranges, as a person counts them on screen
    for (size_t i = 0; i < hours.size(); ++i)
        if (!hours[i].year) ranges.push_back(i);
    const ListRange shown = list_pager("ranges.page", ranges.size(), state.ranges_page, s);
    for (size_t at = shown.first; at < shown.last; ++at) {
        const size_t i = ranges[at];
        const std::string nth = std::to_string(at + 1);
        ImGui::PushID(int(i));
        const std::string n = std::to_string(i);
        std::optional<Date> from = hours[i].from, to = hours[i].to;
        FieldState f1, f2, f3;
        name_next_widget(fill(s.range_from_name, {nth}));
        if (date_field(("range." + n + ".from").c_str(), from, 8.5f * em, &f1) && from)
            state.session.edit().hours[i].from = *from;
        // "– tot" on the next line where the two dates do not fit side by side (320 px, zoom).
        ImGui::SameLine();
        if (avail() < ImGui::CalcTextSize("–").x + ImGui::GetStyle().ItemSpacing.x + 8.5f * em) ImGui::NewLine();
        ImGui::TextUnformatted("–");
        ImGui::SameLine();
        name_next_widget(fill(s.range_to_name, {nth}));
        if (date_field(("range." + n + ".to").c_str(), to, 8.5f * em, &f2) && to) state.session.edit().hours[i].to = *to;
        if (!narrow()) ImGui::SameLine();
        double v = hours[i].hours;
        name_next_widget(fill(s.range_hours_name, {nth}));
        if (number_field(("range." + n + ".hours").c_str(), v, 6 * em, s.code,
                          24.0 * double(std::max(1L, days_between(hours[i].from, hours[i].to) + 1)), &f3))
            state.session.edit().hours[i].hours = v;
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(s.unit_hours);
        ImGui::SameLine();
        if (button(s.remove, ("range." + n + ".remove").c_str())) remove = int(i);
        name_last_for(s.remove, fill(s.range_name, {nth}));
        if (!f1.error.empty() || !f2.error.empty()) error_text(s.date_invalid);
        if (!f3.error.empty()) error_text(s.number_invalid);
        if (hours[i].to < hours[i].from) error_text(s.range_reversed);
        ImGui::PopID();
    }
    if (remove >= 0) {
        auto& h = state.session.edit().hours;
        h.erase(h.begin() + remove);
        reset_field_buffers();
    }
    // No more than a portfolio holds (its reader refuses more).
    if (button(s.add_range, "range.add") && state.session.portfolio().hours.size() < kMaxListEntries) {
        HoursEntry e;
        e.to = state.today;
        e.from = add_months(state.today, -6);
        state.session.edit().hours.push_back(e);
        // On the last page, where the new range is, with the keyboard in its first date.
        state.ranges_page = int(state.session.portfolio().hours.size());   // list_pager brings it back to the last
        focus_widget("range." + std::to_string(state.session.portfolio().hours.size() - 1) + ".from");
    }
    card_end();

    draw_import_card(state, theme, {"hours", s.hours_import_help, &state.hours_import, FilePurpose::hours_csv, import_hours});
}

}  // namespace herreg::ui
