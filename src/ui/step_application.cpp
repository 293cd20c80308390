// Step 6: the application for a scheme with a form (dispensation, deferral, re-entry 1-3).
// On top the pre-check (what the assessors would send back, each problem with a way to
// the field), then the downloads (PDF, calendar, text), then the parts of the form,
// prefilled from the portfolio. What is typed goes into portfolio().application through
// session.edit(), so the pre-check, the autosave and the mirror follow every key.
#include <algorithm>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "forms/application_check.h"
#include "forms/application_form.h"
#include "assessment/calendar_ics.h"
#include "forms/form_document_json.h"
#include "forms/form_text.h"
#include "imgui.h"
#include "text/labels.h"
#include "text/number_format.h"
#include "platform/platform.h"
#include "ui/views.h"
#include "ui/widgets.h"
#include "text/utf8_text.h"

namespace herreg::ui {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// The cards of this step; a pre-check item's field says which one holds it.
enum class Part { none, applicant, circumstances, plan, hours, evc, self, plans, supervision };

Part part_for(std::string_view field) {
    if (!starts_with(field, "application.")) return Part::none;
    field.remove_prefix(12);
    if (starts_with(field, "name") || starts_with(field, "registration_number") || starts_with(field, "email"))
        return Part::applicant;
    if (starts_with(field, "circumstances") || starts_with(field, "reasons")) return Part::circumstances;
    if (starts_with(field, "points_plan")) return Part::plan;
    if (starts_with(field, "hours_plan")) return Part::hours;
    if (starts_with(field, "evc")) return Part::evc;
    if (starts_with(field, "self_evaluation")) return Part::self;
    if (starts_with(field, "training_plan") || starts_with(field, "mentoring_plan")) return Part::plans;
    if (starts_with(field, "supervision")) return Part::supervision;
    return Part::none;
}

// "Go to" on a pre-check item: a field of this step is scrolled to and focused; a field of
// another step opens that step (an activity opens in its editor).
void go_to(AppState& st, const std::string& field) {
    if (part_for(field) != Part::none) {
        st.application_focus = field;
        st.application_goto = 3;
        return;
    }
    if (starts_with(field, "activities")) {
        st.step = Step::activities;
        if (starts_with(field, "activities[")) {
            const int i = std::atoi(field.c_str() + 11);
            if (i >= 0 && i < int(st.session.portfolio().activities.size())) {
                st.editing_activity = i;
                reset_field_buffers();
            }
        }
    } else if (starts_with(field, "hours")) {
        st.step = Step::hours;
    } else if (field == "register" || field == "profession" || field == "specialisation") {
        st.step = Step::register_choice;
    } else {
        st.step = Step::dates;   // circumstances, registration, check date
    }
}

// Focuses the next widget when a "go to" asked for this field: once, after its card was
// scrolled to the top (focusing at once would scroll it just into view, at the bottom).
void focus_if(const AppState& st, std::string_view field) {
    if (st.application_goto == 1 && st.application_focus == field) ImGui::SetKeyboardFocusHere();
}

// Scrolls the window so that what comes next is near the top of the screen. Done on two
// frames: ImGui rounds item positions above the window's top (negative screen y) the other
// way, so with our fractional em sizes the layout above shifts a little once scrolled past.
void scroll_here() { ImGui::SetScrollY(std::max(0.0f, ImGui::GetCursorPosY() - 0.75f * ImGui::GetFontSize())); }

// A card of the form; the one a "go to" asked for is scrolled into view and highlighted.
void begin_part(const AppState& st, Part part) {
    const bool target = !st.application_focus.empty() && part_for(st.application_focus) == part;
    if (target && st.application_goto >= 2) scroll_here();
    card_begin(target ? palette().accent_soft : 0);
}

void small_muted(std::string_view text, const Theme& theme) {
    ImGui::PushFont(theme.fonts().small);
    text_muted(text);
    ImGui::PopFont();
}

// A field's label: the field drawn next is named by it (a widget drawn first lets it go).
void label(std::string_view text) {
    ImGui::TextWrapped("%.*s", int(text.size()), text.data());
    name_next_widget(text);
}

void gap(float ems = 0.35f) { ImGui::Dummy(ImVec2(0, ems * ImGui::GetFontSize())); }

// Two parts side by side on a wide screen, one above the other on a phone. Each is drawn
// with the column narrowed to its half, so fields, wrapping and avail() stay inside it.
template <class Left, class Right>
void side_by_side(Left left, Right right) {
    if (narrow()) {
        left();
        right();
        return;
    }
    const float em = ImGui::GetFontSize();
    const float outer = column_right();
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float half = (outer - start.x - em) * 0.5f;
    auto column = [&](float x, auto draw) {
        ImGui::SetCursorScreenPos(ImVec2(x, start.y));
        set_column_right(x + half);
        ImGui::BeginGroup();
        ImGui::PushTextWrapPos(x + half - ImGui::GetWindowPos().x + ImGui::GetScrollX());
        draw();
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        return ImGui::GetItemRectMax().y;
    };
    const float y1 = column(start.x, left);
    const float y2 = column(start.x + half + em, right);
    set_column_right(outer);
    ImGui::SetCursorScreenPos(ImVec2(start.x, std::max(y1, y2)));
    ImGui::Dummy(ImVec2(0, 0));
}

// Labelled rows for one field of the application: each returns the new value when the
// user changed it (the caller writes it through session.edit(), so autosave follows).
Application& edit_app(AppState& st) { return st.session.edit().application; }
const Application& cur(const AppState& st) { return st.session.portfolio().application; }

std::optional<std::string> text_row(AppState& st, const char* text, const char* id, std::string_view field,
                                    const std::string& current, float width = 0) {
    label(text);
    std::string v = current;
    focus_if(st, field);
    const bool changed = text_field(id, v, kMaxApplicationLine, width <= 0 ? std::min(avail(), 30.0f * ImGui::GetFontSize()) : width);
    gap();
    if (!changed) return std::nullopt;
    return v;
}

std::optional<std::string> area_row(AppState& st, const char* text, const char* id, std::string_view field,
                                    const std::string& current, int min_lines = 3) {
    label(text);
    std::string v = current;
    focus_if(st, field);
    const bool changed = multiline_field(id, v, kMaxApplicationText, 0, min_lines);
    gap();
    if (!changed) return std::nullopt;
    return v;
}

std::optional<std::optional<Date>> date_row(AppState& st, const char* text, const char* id, std::string_view field,
                                            const std::optional<Date>& current) {
    label(text);
    std::optional<Date> v = current;
    FieldState fs;
    focus_if(st, field);
    const bool changed = date_field(id, v, 10 * ImGui::GetFontSize(), &fs);
    if (!fs.error.empty()) error_text(strings(st.lang).date_invalid);
    gap();
    if (!changed) return std::nullopt;
    return v;
}

std::optional<std::optional<double>> number_row(AppState& st, const char* text, const char* id, std::string_view field,
                                                const std::optional<double>& current, double max) {
    const Strings& s = strings(st.lang);
    label(text);
    std::optional<double> v = current;
    FieldState fs;
    focus_if(st, field);
    const bool changed = optional_number_field(id, v, 7 * ImGui::GetFontSize(), s.code, max, &fs);
    if (!fs.error.empty()) error_text(s.number_invalid);
    gap();
    if (!changed) return std::nullopt;
    return v;
}

// ---------------------------------------------------------------- the pre-check

struct Mark {
    const char* glyph;
    unsigned colour;
};
Mark mark_of(CheckStatus status) {
    const Palette& p = palette();
    switch (status) {
        case CheckStatus::ok: return {"✓", p.good};
        case CheckStatus::problem: return {"✗", p.bad};
        case CheckStatus::info: break;
    }
    return {"i", p.accent};
}

int count(const ApplicationCheck& check, CheckStatus status) {
    return int(
        std::count_if(check.items.begin(), check.items.end(), [&](const CheckItem& i) { return i.status == status; }));
}

// The pre-check's height is kept at the most it had since the step was entered: an item that
// turns ✓ loses its lines (source, "go to"), and everything below moved up while the person
// typed: the next click or the date being typed went to nothing.
struct Reserved {
    int last_frame = -10;
    float width = 0.0f;    // another width (a phone turned) wraps anew: the most starts over
    float height = 0.0f;
};
Reserved g_precheck;

void precheck(AppState& st, const ApplicationCheck& check, const Theme& theme) {
    const Strings& s = strings(st.lang);
    const Palette& p = palette();
    const float em = ImGui::GetFontSize();
    const int frame = ImGui::GetFrameCount();
    if (g_precheck.last_frame != frame - 1 || g_precheck.width != avail()) g_precheck.height = 0.0f;   // the step entered anew
    g_precheck.last_frame = frame;
    g_precheck.width = avail();
    const float top = ImGui::GetCursorScreenPos().y;
    const int ok = count(check, CheckStatus::ok), total = ok + count(check, CheckStatus::problem);
    card_begin(check.ready() ? p.good_soft : 0);
    text_strong(s.precheck_title, theme);
    progress_bar(total > 0 ? float(ok) / float(total) : 1.0f, check.ready() ? p.good : p.accent, avail(), 0.6f * em);
    gap(0.2f);
    text(fill(s.precheck_count, {std::to_string(ok), std::to_string(total)}));
    if (check.ready()) {
        ImGui::PushFont(theme.fonts().strong);
        text_coloured(p.good, s.precheck_all_ok);
        ImGui::PopFont();
    }
    gap(0.4f);
    std::vector<std::string> used;
    for (const CheckItem& item : check.items) {
        const Mark m = mark_of(item.status);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::PushFont(theme.fonts().strong);
        ImGui::PushStyleColor(ImGuiCol_Text, col(m.colour));
        const float glyph_w = ImGui::CalcTextSize(m.glyph).x;
        ImGui::SetCursorScreenPos(ImVec2(at.x + (1.1f * em - glyph_w) * 0.5f, at.y));
        ImGui::TextUnformatted(m.glyph);
        ImGui::PopStyleColor();
        ImGui::PopFont();
        ImGui::SetCursorScreenPos(ImVec2(at.x + 1.6f * em, at.y));
        ImGui::BeginGroup();
        text(item.text);
        std::string small = item.detail;
        if (item.status != CheckStatus::ok && !item.source.empty())
            small += (small.empty() ? "" : "  ·  ") + fill(s.source, {item.source});
        if (!small.empty()) small_muted(small, theme);
        if (item.status == CheckStatus::problem && !item.field.empty()) {
            std::string id = "app.goto." + item.id;
            for (int n = 2; std::find(used.begin(), used.end(), id) != used.end(); ++n)
                id = "app.goto." + item.id + "." + std::to_string(n);
            used.push_back(id);
            // A compact link, its text in line with the item's text above it.
            const ImVec2 pad = ImGui::GetStyle().FramePadding;
            ImGui::PushFont(theme.fonts().small);
            ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(pad.x, 0.3f * pad.y));
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() - pad.x);
            if (link_button(s.go_to, id.c_str())) go_to(st, item.field);
            ImGui::PopStyleVar();
            ImGui::PopFont();
        }
        ImGui::EndGroup();
        gap(0.25f);
    }
    // Always a filler (its spacing the same whether it is empty or not).
    const float used_height = ImGui::GetCursorScreenPos().y - top;
    g_precheck.height = std::max(g_precheck.height, used_height);
    ImGui::Dummy(ImVec2(1.0f, g_precheck.height - used_height));
    card_end();
}

// ---------------------------------------------------------------- downloads

FormDocument document(const AppState& st, const ApplicationCheck& check) {
    return application_document(st.session.assessed_portfolio(), *st.session.assessment(), *st.session.assessed_rules(),
                                check, strings(st.lang).code);
}


void download_ics(AppState& st) {
    const Strings& s = strings(st.lang);
    try {
        const Assessment& a = *st.session.assessment();
        const std::string name = calendar_file_name(a, s.code);
        platform::download_file(name, "text/calendar", deadlines_ics(a, *st.session.assessed_rules(), s.code));
        st.banner = {fill(s.saved_as, {name}), false};
    } catch (const std::exception& e) {
        st.banner = {fill(s.save_failed, {e.what()}), true};
    }
}

void copy_text(AppState& st, const ApplicationCheck& check) {
    const Strings& s = strings(st.lang);
    try {
        platform::copy_to_clipboard(render_text(document(st, check)));
        st.banner = {s.form_copied, false};
    } catch (const std::exception& e) {
        st.banner = {fill(s.save_failed, {e.what()}), true};
    }
}

}  // namespace

void ask_for_pdf(AppState& st, const std::function<FormDocument()>& document) {
    const Strings& s = strings(st.lang);
    st.pdf_note_step = st.step;
    try {
        const FormDocument doc = document();
        const std::string name = doc.file_stem + ".pdf";
        st.banner = st.pdf_note = {fill(s.pdf_making, {name}), false};
        platform::make_pdf(name, form_document_to_json(doc));
    } catch (const std::exception& e) {
        st.banner = st.pdf_note = {fill(s.pdf_failed, {e.what()}), true};
    }
}

void draw_pdf_note(AppState& st, const Theme& theme) {
    if (st.pdf_note.text.empty() || st.pdf_note_step != st.step) return;
    if (st.pdf_note.error) text_coloured(palette().bad, st.pdf_note.text);
    else small_muted(st.pdf_note.text, theme);
    // The button was pressed near the bottom of the screen: the answer must not stay below it.
    const float window_bottom = ImGui::GetWindowPos().y + ImGui::GetWindowHeight();
    if (std::exchange(st.pdf_note_reveal, false) && ImGui::GetItemRectMax().y > window_bottom) ImGui::SetScrollHereY(1.0f);
}

namespace {

void downloads(AppState& st, const ApplicationCheck& check, const Theme& theme) {
    const Strings& s = strings(st.lang);
    card_begin();
    text_strong(s.downloads_title, theme);
    small_muted(s.downloads_help, theme);
    gap(0.2f);
    if (primary_button(s.download_pdf, "app.pdf")) ask_for_pdf(st, [&] { return document(st, check); });
    if (const int open = check.problems(); open > 0) {
        const std::string note = open == 1 ? std::string(s.open_one) : fill(s.open_many, {std::to_string(open)});
        ImGui::SameLine();
        if (ImGui::CalcTextSize(note.c_str()).x > avail()) ImGui::NewLine();
        ImGui::AlignTextToFramePadding();
        text_coloured(palette().warn, note);
    }
    draw_pdf_note(st, theme);
    if (button(s.download_ics, "app.ics")) download_ics(st);
    same_line_if_fits(s.copy_text);
    if (button(s.copy_text, "app.copy")) copy_text(st, check);
    card_end();
}

// ---------------------------------------------------------------- the form's parts

void applicant(AppState& st, const Theme& theme) {
    const Strings& s = strings(st.lang);
    begin_part(st, Part::applicant);
    text_strong(s.applicant_title, theme);
    side_by_side(
        [&] {
            if (auto v = text_row(st, s.name_label, "app.name", "application.name", cur(st).name, avail()))
                edit_app(st).name = *v;
        },
        [&] {
            if (auto v = text_row(st, s.registration_number_label, "app.registration_number",
                                  "application.registration_number", cur(st).registration_number, avail()))
                edit_app(st).registration_number = *v;
        });
    if (auto v = text_row(st, s.email_label, "app.email", "application.email", cur(st).email)) edit_app(st).email = *v;
    card_end();
}

void circumstances(AppState& st, const Theme& theme) {
    const Strings& s = strings(st.lang);
    const Portfolio& p = st.session.portfolio();
    begin_part(st, Part::circumstances);
    text_strong(s.circumstances_title, theme);
    if (p.circumstances.empty()) {
        text_coloured(palette().warn, s.circumstances_none);
    } else {
        for (const std::string& c : p.circumstances) {
            ImGui::Bullet();
            text(circumstance_label(c, s.code));
        }
    }
    if (button(s.circumstances_edit, "app.circumstances.edit")) st.step = Step::dates;
    gap();
    side_by_side(
        [&] {
            if (auto v = date_row(st, s.from_label, "app.circumstances_from", "application.circumstances_from",
                                  cur(st).circumstances_from))
                edit_app(st).circumstances_from = *v;
        },
        [&] {
            if (auto v = date_row(st, s.until_label, "app.circumstances_to", "application.circumstances_to",
                                  cur(st).circumstances_to))
                edit_app(st).circumstances_to = *v;
        });
    if (auto v = area_row(st, s.reasons_label, "app.reasons", "application.reasons", cur(st).reasons, 4))
        edit_app(st).reasons = *v;
    card_end();
}

std::string category_name(const RuleSet& rs, const std::string& id, const Strings& s) {
    if (const CategoryDef* c = rs.category(id)) return c->name.in(s.code);
    return id;
}

void planned_table(AppState& st, const ApplicationCheck& check, const RuleSet& rs, const Theme& theme) {
    const Strings& s = strings(st.lang);
    const auto& list = st.session.portfolio().activities;
    const bool compact = narrow();
    text_strong(s.planned_title, theme);
    std::vector<size_t> rows;
    for (size_t i : check.planned)
        if (i < list.size()) rows.push_back(i);
    if (rows.empty()) {
        text_muted(s.planned_none);
        return;
    }
    const ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##planned", compact ? 2 : 6, flags, ImVec2(avail(), 0))) return;
    ImGui::PushTextWrapPos(0.0f);   // wrap at each column's edge, not the card's
    ImGui::TableSetupColumn(s.col_date, 0, 1.1f);
    ImGui::TableSetupColumn(s.col_title, 0, 2.4f);
    if (!compact) {
        ImGui::TableSetupColumn(s.col_provider, 0, 1.8f);
        ImGui::TableSetupColumn(s.col_category, 0, 1.5f);
        ImGui::TableSetupColumn(s.col_points, 0, 0.7f);
        ImGui::TableSetupColumn(s.col_accredited_short, 0, 0.8f);
    }
    table_headers();
    for (size_t i : rows) {
        const Activity& act = list[i];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(to_dutch(act.date).c_str());
        note_words(to_dutch(act.date));
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", act.title.empty() ? "—" : act.title.c_str());
        if (!act.title.empty()) note_words(act.title);   // "—" only marks an empty cell
        if (compact) {
            std::string line = act.provider.empty() ? "" : act.provider + " · ";
            line += fill("{} · {} {}",
                         {category_name(rs, act.category, s), format_number(act.points, s.code, 1), s.unit_points});
            if (act.accredited) line += std::string(" · ") + s.col_accredited;
            small_muted(line, theme);
            continue;
        }
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", act.provider.empty() ? "—" : act.provider.c_str());
        if (!act.provider.empty()) note_words(act.provider);
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", category_name(rs, act.category, s).c_str());
        note_words(category_name(rs, act.category, s));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_number(act.points, s.code, 1).c_str());
        note_words(format_number(act.points, s.code, 1));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(act.accredited ? s.yes : s.no);
        note_words(act.accredited ? s.yes : s.no);
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTable();
}

void coverage_table(AppState& st, const ApplicationCheck& check, const RuleSet& rs, const Theme& theme) {
    const Strings& s = strings(st.lang);
    const Palette& p = palette();
    if (check.coverage.empty()) return;
    gap();
    text_strong(s.coverage_title, theme);
    auto covered_mark = [&](const PlanCoverage& c) {
        ImGui::PushFont(theme.fonts().strong);
        text_coloured(c.covered() ? p.good : p.bad, c.covered() ? "✓" : "✗");
        ImGui::PopFont();
    };
    if (narrow()) {   // a line per criterion: four columns do not fit a phone
        for (const PlanCoverage& c : check.coverage) {
            covered_mark(c);
            ImGui::SameLine();
            text(fill(s.coverage_line, {criterion_label(c.criterion, rs, s.code), format_number(c.missing, s.code, 1),
                                        format_number(c.planned, s.code, 1)}));
        }
        return;
    }
    const ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##coverage", 4, flags, ImVec2(avail(), 0))) return;
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TableSetupColumn(s.col_criterion, 0, 2.6f);
    ImGui::TableSetupColumn(s.col_missing, 0, 1.0f);
    ImGui::TableSetupColumn(s.col_planned, 0, 1.0f);
    ImGui::TableSetupColumn(s.col_covered, 0, 0.8f);
    table_headers();
    for (const PlanCoverage& c : check.coverage) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        text(criterion_label(c.criterion, rs, s.code));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_number(c.missing, s.code, 1).c_str());
        note_words(format_number(c.missing, s.code, 1));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_number(c.planned, s.code, 1).c_str());
        note_words(format_number(c.planned, s.code, 1));
        ImGui::TableNextColumn();
        covered_mark(c);
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTable();
}

void plan(AppState& st, const ApplicationCheck& check, const Assessment& a, const RuleSet& rs, const Theme& theme) {
    const Strings& s = strings(st.lang);
    begin_part(st, Part::plan);
    text_strong(s.plan_card_title, theme);
    if (check.period_from && check.period_to && check.proof_due)
        text_muted(fill(s.plan_period,
                        {to_dutch(*check.period_from), to_dutch(*check.period_to), to_dutch(*check.proof_due)}));
    if (a.plan.points_missing > 0) text(fill(s.points_missing, {format_number(a.plan.points_missing, s.code, 1)}));
    gap();
    planned_table(st, check, rs, theme);
    gap(0.2f);
    if (button(s.edit_activities, "app.activities")) {
        st.step = Step::activities;
        st.leave_lists();
    }
    coverage_table(st, check, rs, theme);
    gap();
    if (auto v = area_row(st, s.points_plan_label, "app.points_plan", "application.points_plan", cur(st).points_plan))
        edit_app(st).points_plan = *v;
    card_end();
}

void hours(AppState& st, const ApplicationCheck& check, const Assessment& a, const Theme& theme) {
    const Strings& s = strings(st.lang);
    const float em = ImGui::GetFontSize();
    begin_part(st, Part::hours);
    text_strong(s.hours_card_title, theme);
    if (a.plan.hours_required) text(fill(s.hours_needed, {format_number(*a.plan.hours_required, s.code, 0)}));
    gap();
    if (auto v = number_row(st, s.hours_per_week_label, "app.hours_per_week", "application.hours_plan.hours_per_week",
                            cur(st).hours_plan.hours_per_week, 168))
        edit_app(st).hours_plan.hours_per_week = *v;
    if (check.period_from && check.proof_due)   // what empty dates mean, before the dates
        small_muted(fill(s.hours_period_help, {to_dutch(*check.period_from), to_dutch(*check.proof_due)}), theme);
    gap(0.2f);
    side_by_side(
        [&] {
            if (auto v = date_row(st, s.optional_from, "app.hours_from", "application.hours_plan.from",
                                  cur(st).hours_plan.from))
                edit_app(st).hours_plan.from = *v;
        },
        [&] {
            if (auto v =
                    date_row(st, s.optional_until, "app.hours_to", "application.hours_plan.to", cur(st).hours_plan.to))
                edit_app(st).hours_plan.to = *v;
        });
    if (check.planned_hours && a.plan.hours_required) {
        gap(0.2f);
        const bool enough = *check.planned_hours + 1e-9 >= *a.plan.hours_required;
        const std::string line = fill(s.hours_planned_of, {format_number(*check.planned_hours, s.code, 0),
                                                           format_number(*a.plan.hours_required, s.code, 0)});
        text_coloured(enough ? palette().good : palette().text, enough ? line + "  ✓" : line);
        progress_bar(*a.plan.hours_required > 0 ? float(*check.planned_hours / *a.plan.hours_required) : 1.0f,
                     enough ? palette().good : palette().accent, avail(), 0.45f * em);
    }
    gap();
    if (auto v = text_row(st, s.workplace_label, "app.workplace", "application.hours_plan.workplace",
                          cur(st).hours_plan.workplace))
        edit_app(st).hours_plan.workplace = *v;
    if (auto v = area_row(st, s.hours_description_label, "app.hours_description", "application.hours_plan.description",
                          cur(st).hours_plan.description))
        edit_app(st).hours_plan.description = *v;
    card_end();
}

void evc(AppState& st, const Theme& theme) {
    const Strings& s = strings(st.lang);
    begin_part(st, Part::evc);
    text_strong(s.evc_title, theme);
    bool chosen = cur(st).evc.chosen;
    if (checkbox(s.evc_choose, "app.evc", &chosen)) st.session.edit().application.evc.chosen = chosen;
    small_muted(s.evc_help, theme);
    if (chosen) {
        gap();
        if (auto v = text_row(st, s.evc_institution, "app.evc.institution", "application.evc.institution",
                              cur(st).evc.institution))
            edit_app(st).evc.institution = *v;
        if (auto v = area_row(st, s.evc_result, "app.evc.result", "application.evc.result", cur(st).evc.result))
            edit_app(st).evc.result = *v;
        if (auto v = area_row(st, s.evc_plan, "app.evc.plan", "application.evc.plan", cur(st).evc.plan))
            edit_app(st).evc.plan = *v;
    }
    card_end();
}

// A row that opens and closes a section: arrow, label, and a badge on the right.
bool section_header(const char* id, const std::string& text, const std::string& badge, unsigned badge_colour, bool open,
                    const Theme& theme) {
    const Palette& p = palette();
    const float em = ImGui::GetFontSize();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float w = avail(), h = ImGui::GetFrameHeight();
    ImGui::PushID(id);
    const bool clicked = ImGui::InvisibleButton("##section", ImVec2(w, h));
    ring_last_item();
    ImGui::PopID();
    platform::WidgetState st;
    st.expanded = open ? 1 : 0;   // a screen reader says "collapsed" / "expanded"
    note_last(id, platform::WidgetKind::button, text + " (" + badge + ")", st);
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h), hovered || open ? p.accent_soft : p.background, 0.3f * em);
    const float ty = pos.y + ImGui::GetStyle().FramePadding.y;
    dl->AddText(ImVec2(pos.x + 0.4f * em, ty), p.accent, open ? "▾" : "▸");
    ImFont* bold = theme.fonts().strong;
    const ImVec2 bs = bold->CalcTextSizeA(bold->FontSize, 1e9f, 0, badge.c_str());
    const float bx = pos.x + w - bs.x - 0.5f * em;
    dl->AddText(bold, bold->FontSize, ImVec2(bx, ty), badge_colour, badge.c_str());
    // The label, cut with "…" when it would run into the badge.
    const float room = bx - (pos.x + 1.6f * em) - 0.5f * em;
    std::string shown = text;
    if (ImGui::CalcTextSize(shown.c_str()).x > room) {
        while (!shown.empty() && ImGui::CalcTextSize((shown + "…").c_str()).x > room)
            shown.resize(utf8_floor_boundary(shown, shown.size() - 1));   // one character off the end
        shown += "…";
    }
    dl->AddText(ImVec2(pos.x + 1.6f * em, ty), p.text, shown.c_str());
    return clicked;
}

void self_evaluation(AppState& st, const RuleSet& rs, const Theme& theme) {
    const Strings& s = strings(st.lang);
    const Palette& p = palette();
    const auto& comps = competences_for(rs, st.session.portfolio().profession);
    if (comps.empty()) return;
    begin_part(st, Part::self);
    text_strong(s.self_title, theme);
    small_muted(fill(s.self_help, {self_evaluation_questions(s.code)}), theme);
    gap(0.2f);
    const std::string focus_prefix = "application.self_evaluation.";
    for (const Named& c : comps) {
        const CompetenceAnswers* have = cur(st).find_answers(c.id);
        int answered = 0;
        if (have)
            for (const std::string& ans : have->answers)
                answered += ans.find_first_not_of(" \t\r\n") != std::string::npos;
        const std::string id = "app.self." + c.id;
        bool& open = *ImGui::GetStateStorage()->GetBoolRef(ImGui::GetID(id.c_str()), false);
        const bool target = st.application_goto > 0 && st.application_focus == focus_prefix + c.id;
        if (target) open = true;
        if (target && st.application_goto >= 2) scroll_here();
        const std::string badge = std::to_string(answered) + "/" + std::to_string(kSelfEvaluationQuestions);
        if (section_header(id.c_str(), c.name.in(s.code), badge,
                           answered == kSelfEvaluationQuestions ? p.good : (answered ? p.warn : p.muted), open, theme))
            open = !open;
        if (!open) {
            gap(0.15f);
            continue;
        }
        ImGui::Indent(0.6f * ImGui::GetFontSize());
        bool focused = false;
        for (int q = 0; q < kSelfEvaluationQuestions; ++q) {
            gap(0.2f);
            ImGui::PushFont(theme.fonts().strong);
            label(std::to_string(q + 1) + ". " + self_evaluation_question(q, s.code));
            ImGui::PopFont();
            std::string v = have ? have->answers[size_t(q)] : "";
            if (target && st.application_goto == 1 && !focused && v.find_first_not_of(" \t\r\n") == std::string::npos) {
                ImGui::SetKeyboardFocusHere();   // the first open question
                focused = true;
            }
            const std::string wid = id + "." + std::to_string(q + 1);
            if (multiline_field(wid.c_str(), v, kMaxApplicationText, 0, 2, 10)) {
                st.session.edit().application.answers_for(c.id).answers[size_t(q)] = v;
                have = cur(st).find_answers(c.id);
            }
        }
        ImGui::Unindent(0.6f * ImGui::GetFontSize());
        gap(0.4f);
    }
    card_end();
}

void plans(AppState& st, const Assessment& a, const Theme& theme) {
    const Strings& s = strings(st.lang);
    begin_part(st, Part::plans);
    text_strong(s.plans_title, theme);
    if (a.regime == Regime::reentry_1) small_muted(fill(s.training_plan_optional, {std::to_string(reentry_group(a.regime))}), theme);
    if (auto v = area_row(st, s.training_plan_label, "app.training_plan", "application.training_plan",
                          cur(st).training_plan, 4))
        edit_app(st).training_plan = *v;
    if (auto v = area_row(st, s.mentoring_plan_label, "app.mentoring_plan", "application.mentoring_plan",
                          cur(st).mentoring_plan, 4))
        edit_app(st).mentoring_plan = *v;
    card_end();
}

void supervision(AppState& st, const ApplicationCheck& check, const Assessment& a, const Theme& theme) {
    const Strings& s = strings(st.lang);
    const float em = ImGui::GetFontSize();
    begin_part(st, Part::supervision);
    text_strong(s.supervision_title, theme);
    side_by_side(
        [&] {
            if (auto v = text_row(st, s.supervisor_name_label, "app.supervisor.name", "application.supervision.name",
                                  cur(st).supervision.name, avail()))
                edit_app(st).supervision.name = *v;
        },
        [&] {
            if (auto v = text_row(st, s.supervisor_number_label, "app.supervisor.registration_number",
                                  "application.supervision.registration_number",
                                  cur(st).supervision.registration_number, avail()))
                edit_app(st).supervision.registration_number = *v;
        });
    text(s.supervisor_registered_label);   // a question, not a label: the radios carry their own names
    const std::optional<bool> reg = cur(st).supervision.periodically_registered;
    struct Choice {
        const char* text;
        const char* id;
        std::optional<bool> value;
    };
    const Choice choices[] = {{s.answer_yes, "app.supervisor.registered.yes", true},
                              {s.answer_no, "app.supervisor.registered.no", false},
                              {s.answer_unknown, "app.supervisor.registered.unknown", std::nullopt}};
    for (size_t i = 0; i < std::size(choices); ++i) {
        if (i > 0) {
            ImGui::SameLine(0, 1.5f * em);
            const float w =
                ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(choices[i].text).x;
            if (w > avail()) ImGui::NewLine();
        }
        if (radio(choices[i].text, choices[i].id, reg == choices[i].value) && reg != choices[i].value)
            st.session.edit().application.supervision.periodically_registered = choices[i].value;
    }
    gap();
    if (auto v = number_row(st, s.supervision_hours_label, "app.supervisor.hours", "application.supervision.hours",
                            cur(st).supervision.hours, 10000))
        edit_app(st).supervision.hours = *v;
    if (auto v = area_row(st, s.supervision_evaluation_label, "app.supervisor.evaluation",
                          "application.supervision.evaluation", cur(st).supervision.evaluation))
        edit_app(st).supervision.evaluation = *v;
    if (check.supervisor_assessment_required) {
        small_muted(fill(s.assessments_help, {std::to_string(reentry_group(a.regime))}), theme);
        side_by_side(
            [&] {
                if (auto v =
                        date_row(st, s.interim_label, "app.supervisor.interim",
                                 "application.supervision.interim_assessment", cur(st).supervision.interim_assessment))
                    edit_app(st).supervision.interim_assessment = *v;
            },
            [&] {
                if (auto v = date_row(st, s.final_label, "app.supervisor.final",
                                      "application.supervision.final_assessment", cur(st).supervision.final_assessment))
                    edit_app(st).supervision.final_assessment = *v;
            });
    }
    card_end();
}

// The highlight of a "go to" stays until that item is no longer a problem.
void settle_focus(AppState& st, const ApplicationCheck& check) {
    if (st.application_focus.empty()) return;
    const bool open = std::any_of(check.items.begin(), check.items.end(), [&](const CheckItem& i) {
        return i.status == CheckStatus::problem && part_for(i.field) == part_for(st.application_focus) &&
               part_for(i.field) != Part::none;
    });
    if (!open) st.application_focus.clear();
}

}   // namespace

void draw_application_call(AppState& state, const Theme& theme) {
    if (!application_available(state)) return;
    const Strings& s = strings(state.lang);
    card_begin(palette().accent_soft);
    text_strong(s.cta_title, theme);
    text(s.cta_text);
    gap(0.2f);
    if (primary_button(s.cta_button, "result.application")) state.step = Step::application;
    card_end();
}

void draw_step_application(AppState& state, const Theme& theme) {
    const Strings& s = strings(state.lang);
    const Assessment* a = state.session.assessment();
    const RuleSet* rs = state.session.assessed_rules();
    if (!a || !rs || !has_application_form(a->regime)) {
        heading(s.step_application, theme);
        card_begin(palette().warn_soft);
        text_strong(s.no_form_title, theme);
        text(s.application_not_needed);
        if (a && a->regime != Regime::undecided) text_muted(regime_label(a->regime, s.code));
        if (button(s.to_result, "app.to_result")) state.step = Step::result;
        card_end();
        return;
    }
    // A copy: a change made while drawing recomputes the session's check.
    const ApplicationCheck check = *state.session.application_check(s.code);
    settle_focus(state, check);
    heading(fill(s.application_title, {a->regime_name.in(s.code)}), theme, s.application_intro);
    draw_own_rules_note(state);
    precheck(state, check, theme);
    downloads(state, check, theme);
    applicant(state, theme);
    circumstances(state, theme);
    plan(state, check, *a, *rs, theme);
    if (is_reentry(a->regime)) {
        hours(state, check, *a, theme);
        evc(state, theme);
        if (!state.session.portfolio().application.evc.chosen) {
            self_evaluation(state, *rs, theme);
            plans(state, *a, theme);
        }
        supervision(state, check, *a, theme);
    }
    if (state.application_goto > 0) {   // scrolled (twice), then focused: one step a frame
        --state.application_goto;
        platform::request_redraw();
    }
}

std::string application_mirror_text(const AppState& state) {
    const Strings& s = strings(state.lang);
    const Assessment* a = state.session.assessment();
    const ApplicationCheck* check = state.session.application_check(s.code);
    if (!a || !check) return std::string(s.application_not_needed) + "\n";
    const int ok = count(*check, CheckStatus::ok), total = ok + count(*check, CheckStatus::problem);
    std::string out = fill(s.application_title, {a->regime_name.in(s.code)}) + "\n";
    out +=
        std::string(s.precheck_title) + " " + fill(s.precheck_count, {std::to_string(ok), std::to_string(total)}) + ".";
    if (check->ready()) out += std::string(" ") + s.precheck_all_ok;
    out += "\n";
    for (const CheckItem& item : check->items) {
        out += item.status == CheckStatus::ok ? "✓ " : item.status == CheckStatus::problem ? "✗ " : "i ";
        out += item.text;
        if (!item.detail.empty()) out += " " + item.detail;
        out += "\n";
    }
    return out;
}

}   // namespace herreg::ui
