// The frame around every step: header (name, language, theme, file menu), the step bar with
// free back/forward, the banner, the step itself, the navigation buttons and the dialogs.
#include <algorithm>
#include <cstdlib>

#include "forms/application_check.h"
#include "imgui.h"
#include "imgui_internal.h"   // the keyboard focus's rectangle (keep_focus_in_view)
#include "input/input_error.h"
#include "platform/platform.h"
#include "portfolio/portfolio.h"
#include "portfolio/samples.h"
#include "assessment/summary_text.h"
#include "ui/view_tab_conflict.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace herreg::ui {
namespace {

const char* step_title(const Strings& s, int n) {
    switch (n) {
        case 1: return s.step_register;
        case 2: return s.step_dates;
        case 3: return s.step_hours;
        case 4: return s.step_activities;
        case 6: return s.step_application;
        default: return s.step_result;
    }
}

void language_and_theme(AppState& state) {
    for (Lang lang : kLanguages) {
        const bool selected = lang == state.lang;
        if (lang != kLanguages.front()) ImGui::SameLine(0, 0.25f * ImGui::GetFontSize());
        const std::string id = std::string("lang.") + strings(lang).code;
        // On a phone the switch shows "NL | EN" to leave room for the other controls.
        std::string name = narrow() ? strings(lang).code : strings(lang).language_name;
        if (narrow()) for (char& ch : name) ch = char(ch - 32 * (ch >= 'a' && ch <= 'z'));
        if (selected) {
            primary_button(name.c_str(), id.c_str());
        } else if (button(name.c_str(), id.c_str())) {
            state.lang = lang;
            state.lang_changed = true;
        }
    }
    const Strings& s = strings(state.lang);
    const char* theme_label = state.dark ? s.theme_light : s.theme_dark;
    // At 320 px (or zoomed in) the header takes two lines; on a wide screen it is one line,
    // right-aligned (its width is measured from the frame before).
    if (narrow()) same_line_if_fits(theme_label);
    else ImGui::SameLine(0, 0.6f * ImGui::GetFontSize());
    if (button(theme_label, "theme")) {
        state.dark = !state.dark;
        state.theme_changed = true;
    }
}

void file_menu(AppState& state) {
    const Strings& s = strings(state.lang);
    if (narrow()) same_line_if_fits(s.menu_file);
    else ImGui::SameLine(0, 0.6f * ImGui::GetFontSize());
    if (button(s.menu_file, "menu.file")) ImGui::OpenPopup("##filemenu");
    // Under the button, right edges aligned: the menu stays inside the page's column. Where the
    // button starts a line of its own (320 px, zoomed in) the left edges are aligned instead.
    const bool at_left = ImGui::GetItemRectMax().x < 0.5f * ImGui::GetIO().DisplaySize.x;
    ImGui::SetNextWindowPos(ImVec2(at_left ? ImGui::GetItemRectMin().x : ImGui::GetItemRectMax().x,
                                   ImGui::GetItemRectMax().y + 0.2f * ImGui::GetFontSize()),
                            ImGuiCond_Always, ImVec2(at_left ? 0.0f : 1.0f, 0.0f));
    if (ImGui::BeginPopup("##filemenu")) {
        if (ImGui::Selectable(s.menu_save)) save_portfolio_file(state);
        note_last("menu.save", platform::WidgetKind::button, s.menu_save);
        if (ImGui::Selectable(s.menu_open)) ask_for_portfolio_file(state);
        note_last("menu.open", platform::WidgetKind::button, s.menu_open);
        if (ImGui::Selectable(s.menu_open_rules)) ask_for_rules_file(state);
        note_last("menu.rules", platform::WidgetKind::button, s.menu_open_rules);
        if (ImGui::Selectable(s.menu_share)) open_share_dialog(state);
        note_last("menu.share", platform::WidgetKind::button, s.menu_share);
        if (ImGui::Selectable(s.menu_compare)) start_compare(state);
        note_last("menu.compare", platform::WidgetKind::button, s.menu_compare);
        if (ImGui::BeginMenu(s.menu_examples)) {
            for (const Sample& sample : samples()) {
                if (ImGui::MenuItem(sample.name.c_str())) {
                    if (load_portfolio_text(state, sample.portfolio_json, sample.name)) {
                        state.banner = {fill(s.sample_loaded, {sample.name}), false};
                        state.step = Step::result;
                    }
                }
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", sample.title.c_str());
            }
            ImGui::EndMenu();
        }
        note_last("menu.examples", platform::WidgetKind::button, s.menu_examples);
        ImGui::Separator();
        if (ImGui::Selectable(s.menu_clear)) state.confirm_clear = true;
        note_last("menu.clear", platform::WidgetKind::button, s.menu_clear);
        ImGui::EndPopup();
    }
}

float header_controls_width_ = 0.0f;

void header(AppState& state, const Theme& theme) {
    ImGui::PushFont(theme.fonts().heading);
    ImGui::PushStyleColor(ImGuiCol_Text, col(palette().accent));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("herreg");
    note_words("herreg");
    ImGui::PopStyleColor();
    ImGui::PopFont();
    // Right-aligned controls; on a phone they go to their own line.
    const float controls = header_controls_width_;
    if (!narrow()) same_line_right(controls);
    ImGui::BeginGroup();
    language_and_theme(state);
    file_menu(state);
    ImGui::EndGroup();
    header_controls_width_ = ImGui::GetItemRectSize().x;   // right-aligned from the next frame on
}

// Numbered circles joined by a line; each is a button (free back and forward).
void step_bar(AppState& state, const Theme& theme) {
    const Strings& s = strings(state.lang);
    const float em = ImGui::GetFontSize();
    const float width = avail();
    const float slot = width / kWizardSteps;
    const float r = 0.85f * em;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // The comparison page is beside the steps, not one of them: no circle is current.
    const int current = state.step == Step::compare ? 0 : static_cast<int>(state.step);
    const float labels_below = narrow() ? theme.fonts().small->FontSize * 1.15f : 0.0f;   // a second row of titles
    const Palette& p = palette();
    dl->AddLine(ImVec2(origin.x + slot * 0.5f, origin.y + r), ImVec2(origin.x + width - slot * 0.5f, origin.y + r),
                p.border, 2.0f);
    const bool form = application_available(state);
    for (int n = 1; n <= kWizardSteps; ++n) {
        const ImVec2 c(origin.x + slot * (n - 0.5f), origin.y + r);
        const bool done = n < current, here = n == current;
        // The application step is there only for a scheme with a form: otherwise greyed out.
        const bool off = n == int(Step::application) && !form && !here;
        number_badge(c, r, n, here ? p.accent : (done ? p.accent_soft : (off ? p.track : p.card)),
                     here || done ? p.accent : p.border, here ? p.on_accent : (off ? p.muted : p.accent), theme);
        const char* title = step_title(s, n);
        ImFont* small = theme.fonts().small;
        // On a phone a slot is too narrow for a title: the even steps' titles go a line lower,
        // so each has two slots' width and every step keeps its name.
        const float below = n % 2 == 0 ? labels_below : 0.0f;
        const ImVec2 ts = small->CalcTextSizeA(small->FontSize, 1e9f, 0, title);
        const ImVec2 at(std::clamp(c.x - ts.x * 0.5f, origin.x, origin.x + width - ts.x), c.y + r + 0.25f * em + below);
        dl->AddText(small, small->FontSize, at, here ? p.text : p.muted, title);
        ImGui::SetCursorScreenPos(ImVec2(c.x - slot * 0.5f, origin.y));
        ImGui::PushID(n);
        if (ImGui::InvisibleButton("##step", ImVec2(slot, 2 * r + 1.4f * em + labels_below)) && !off)
            state.step = static_cast<Step>(n);
        ring_last_item();
        ImGui::PopID();
        const std::string id = "step." + std::to_string(n);
        platform::WidgetState st;
        st.current = here;
        st.disabled = off;
        note_last(id.c_str(), platform::WidgetKind::tab, title, st);
        platform::note_widget(id + ".title", platform::WidgetKind::other, at.x, at.y, at.x + ts.x, at.y + ts.y);
        if (ImGui::IsItemHovered() && off) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 20.0f);
            ImGui::TextUnformatted(s.application_not_needed);
            note_words(s.application_not_needed);
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        } else if (ImGui::IsItemHovered()) {
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + 2 * r + 1.6f * em + labels_below));
    ImGui::Dummy(ImVec2(width, 0.2f * em));
}

void banner(AppState& state) {
    draw_tab_conflict(state);   // another tab saved over this one's autosave: what now?
    if (state.banner.text.empty() && state.autosave_problem.empty()) return;
    const Palette& p = palette();
    const Strings& s = strings(state.lang);
    for (int i = 0; i < 2; ++i) {
        const std::string& text = i == 0 ? state.banner.text : state.autosave_problem;
        if (text.empty()) continue;
        if (i == 1 && state.autosave_quiet) {   // one muted line and the way on, no alarm
            ImGui::AlignTextToFramePadding();   // level with the link beside it
            text_muted(text);
            same_line_if_fits(s.menu_save);
            if (link_button(s.menu_save, "autosave.save_file")) save_portfolio_file(state);
            ImGui::Dummy(ImVec2(0, 0.3f * ImGui::GetFontSize()));
            continue;
        }
        const bool error = i == 1 || state.banner.error;
        card_begin(error ? p.bad_soft : p.good_soft);
        text_coloured(error ? p.bad : p.good, text);
        if (i == 0 && button(s.dismiss, "banner.dismiss")) state.banner = {};
        if (i == 1 && button(s.menu_save, "autosave.save_file")) save_portfolio_file(state);   // the way on: a file
        card_end();
    }
}

void navigation(AppState& state) {
    const Strings& s = strings(state.lang);
    const int current = static_cast<int>(state.step);
    ImGui::Dummy(ImVec2(0, 0.5f * ImGui::GetFontSize()));
    if (current > 1 && button(s.back, "nav.back")) state.step = static_cast<Step>(current - 1);
    // From the result on to the application only when the outcome comes with a form.
    const int last = application_available(state) ? kWizardSteps : int(Step::result);
    if (current < last) {
        const char* label = current == int(Step::activities) ? s.to_result : s.next;
        const float w = ImGui::CalcTextSize(label).x + 2 * ImGui::GetStyle().FramePadding.x;
        if (current > 1) same_line_right(w);
        else ImGui::SetCursorScreenPos(ImVec2(column_right() - w, ImGui::GetCursorScreenPos().y));
        if (primary_button(label, "nav.next")) state.step = static_cast<Step>(current + 1);
    }
}

void dialogs(AppState& state) {
    const Strings& s = strings(state.lang);
    const ImGuiIO& io = ImGui::GetIO();
    const float em = ImGui::GetFontSize();
    const float w = std::min(io.DisplaySize.x - 2 * em, 30 * em);

    if (state.restore_offer && !ImGui::IsPopupOpen("##restore")) ImGui::OpenPopup("##restore");
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    ImGui::SetNextWindowPos(dialog_centre(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em, em));
    if (ImGui::BeginPopupModal("##restore", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove)) {
        ImGui::PushTextWrapPos(w - em);
        text(s.restore_question);
        text_muted(s.restore_note);
        ImGui::PopTextWrapPos();
        if (primary_button(s.restore_yes, "restore.yes")) {
            const std::string json = *state.restore_offer;
            state.restore_offer.reset();
            if (load_portfolio_text(state, json, s.restore_source, ReadMode::draft)) {
                state.autosave_blocked = false;
                // The helpdesk's what-if, when there was one: a bad copy is simply left out.
                if (const auto what_if = platform::storage_get("whatif")) {
                    try {
                        state.session.restore_what_if(read_portfolio(*what_if, ReadMode::draft));
                    } catch (const std::exception&) {
                    }
                }
                // Back to the step the user was on.
                const int step = std::atoi(platform::storage_get("step").value_or("1").c_str());
                state.step = static_cast<Step>(std::clamp(step, 1, int(Step::compare)));
                if (state.step == Step::compare && !state.session.has_what_if()) state.step = Step::result;
            } else {
                // Unreadable: keep a copy aside before anything new is autosaved over it.
                platform::storage_set("portfolio.unreadable", json);
                state.autosave_blocked = false;
            }
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (button(s.restore_no, "restore.no")) {   // start afresh; the old data goes at the first change
            state.restore_offer.reset();
            state.autosave_blocked = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }

    if (state.confirm_clear && !ImGui::IsPopupOpen("##clear")) ImGui::OpenPopup("##clear");
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    ImGui::SetNextWindowPos(dialog_centre(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal("##clear", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove)) {
        ImGui::PushTextWrapPos(w - em);
        text(s.clear_question);
        ImGui::PopTextWrapPos();
        if (primary_button(s.clear_yes, "clear.yes")) {
            state.session.clear();
            state.session.take_unsaved();   // nothing to autosave: the empty start is not data
            reset_field_buffers();
            state.leave_lists();
            platform::storage_remove("portfolio");
            platform::storage_remove("step");
            platform::storage_remove("whatif");
            platform::storage_remove(kAutosaveStampKey);   // other tabs learn of it (autosave_guard.h)
            state.autosave_guard.adopt(std::nullopt);
            state.step = Step::welcome;
            state.confirm_clear = false;
            state.banner = {s.cleared, false};
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (button(s.cancel, "clear.no") || escape_pressed()) {
            state.confirm_clear = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar();
}

}  // namespace

// When the keyboard moves its focus to a widget near the window's edge, ImGui scrolls just
// far enough for the widget itself: its focus ring, drawn a few pixels outside it, was cut
// off. The window scrolls on until the ring and a little room show (once per move, so the
// wheel still scrolls freely while the focus stays).
static void keep_focus_in_view() {
    ImGuiContext& g = *GImGui;
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    static ImGuiID shown = 0;
    if (g.NavDisableHighlight || g.NavWindow != window || g.NavId == 0 || g.NavId == shown) return;
    shown = g.NavId;
    ImRect r = ImGui::WindowRectRelToAbs(window, window->NavRectRel[g.NavLayer]);
    r.Expand(0.6f * ImGui::GetFontSize());
    const ImRect view = window->InnerRect;
    if (r.Max.y > view.Max.y) ImGui::SetScrollY(window, window->Scroll.y + r.Max.y - view.Max.y);
    else if (r.Min.y < view.Min.y) ImGui::SetScrollY(window, std::max(0.0f, window->Scroll.y - (view.Min.y - r.Min.y)));
}

bool narrow() { return ImGui::GetIO().DisplaySize.x < 40.0f * ImGui::GetFontSize(); }

bool application_available(const AppState& state) {
    const Assessment* a = state.session.assessment();
    return a && has_application_form(a->regime);
}

void save_portfolio_file(AppState& state) {
    const Strings& s = strings(state.lang);
    const std::string name = fill("herreg-{}.json", {to_iso(state.today)});
    try {
        // With the helpdesk's what-if inside, when there is one: nothing of the call is lost.
        platform::download_file(name, "application/json", write_portfolio(state.session.with_what_if()));
        state.banner = {fill(s.saved_as, {name}), false};
    } catch (const std::exception& e) {   // text that is not UTF-8 (a pasted non-UTF-8 CSV)
        state.banner = {fill(s.save_failed, {e.what()}), true};
    }
}

void ask_for_portfolio_file(AppState& state) {
    state.file_purpose = FilePurpose::portfolio;
    platform::open_file_picker(".json,application/json");
}

bool load_portfolio_text(AppState& state, const std::string& json, const std::string& source_name, ReadMode mode) {
    const Strings& s = strings(state.lang);
    try {
        Portfolio p = read_portfolio(json, mode);
        // A register, category or kind the rules do not know would only show up on the result
        // page, after the user's data was gone: refuse the file now instead.
        if (mode != ReadMode::draft) state.session.rulebook().check_portfolio(p);
        state.session.replace_with_what_if(std::move(p));   // a what-if inside comes back as one
        state.quick = {};
        reset_field_buffers();
        state.leave_lists();
        state.banner = {fill(s.loaded_from, {source_name}), false};
        return true;
    } catch (const InputError& e) {
        // The banner names the field once, the problem in the user's language.
        const std::string& field = e.field();
        const std::string problem = e.problem(state.lang);
        // "portfolio"/"document": the file as a whole (empty, not JSON, ...), not one of its fields.
        if (field.empty() || field == "portfolio" || field == "document")
            state.banner = {fill(s.load_failed_file, {source_name, problem}), true};
        else
            state.banner = {fill(s.load_failed, {source_name, field, problem}), true};
    } catch (const std::exception& e) {
        state.banner = {fill(s.load_failed_file, {source_name, e.what()}), true};
    }
    return false;
}

void draw_app(AppState& state, const Theme& theme) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0.0f, 0.0f));   // the page lays out its own margins
    ImGui::Begin("##app", nullptr,
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleVar();
    if (state.scroll_to_top) {   // a new step (or a file opened): its top, its heading focused
        ImGui::SetScrollY(0);
        state.scroll_to_top = false;
        focus_next_heading();
    }
    // Touch: a swipe anywhere scrolls the page (the platform tells a swipe from a tap); with a
    // dialog open, the dialog's list takes it or nothing moves.
    begin_frame_swipe();
    set_date_hint(strings(state.lang).date_hint);
    if (!ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) scroll_by_swipe();

    const float em = ImGui::GetFontSize();
    const float margin = narrow() ? 0.75f * em : 1.5f * em;
    const float width = ImGui::GetWindowContentRegionMax().x;
    const float column = std::min(width - 2.0f * margin, 52.0f * em);
    const float x0 = std::max(margin, (width - column) * 0.5f);
    ImGui::SetCursorPos(ImVec2(x0, margin * 0.75f));
    set_column_right(ImGui::GetCursorScreenPos().x + column);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(x0 + column);
    ImGui::Dummy(ImVec2(column, 0));

    if (state.step == Step::welcome) {
        header(state, theme);
        ImGui::Dummy(ImVec2(0, 0.5f * em));
        banner(state);
        draw_welcome(state, theme);
    } else {
        header(state, theme);
        ImGui::Dummy(ImVec2(0, 0.6f * em));
        step_bar(state, theme);
        draw_scenario_bar(state, theme);
        banner(state);
        switch (state.step) {
            case Step::register_choice: draw_step_register(state, theme); break;
            case Step::dates: draw_step_dates(state, theme); break;
            case Step::hours: draw_step_hours(state, theme); break;
            case Step::activities: draw_step_activities(state, theme); break;
            case Step::application: draw_step_application(state, theme); break;
            case Step::compare: draw_compare(state, theme); break;
            default: draw_step_result(state, theme); break;
        }
        if (state.step != Step::compare) navigation(state);
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(0, 2 * margin));
    keep_focus_in_view();
    draw_share_dialogs(state);
    draw_edit_as_entered_question(state);
    draw_rules_dialog(state, theme);
    dialogs(state);
    ImGui::End();
}

std::string mirror_text(const AppState& state) {
    const Strings& s = strings(state.lang);
    const int n = static_cast<int>(state.step);
    const int steps = application_available(state) ? kWizardSteps : int(Step::result);
    std::string out = n == 0                      ? std::string(s.subtitle)
                      : state.step == Step::compare ? std::string(s.compare_title)
                                                    : fill(s.mirror_step, {std::to_string(n), std::to_string(std::max(n, steps)), step_title(s, n)});
    out += '\n';
    // Which scenario the steps edit, as the bar above them says it.
    if (state.session.has_what_if() && state.step != Step::welcome && state.step != Step::compare) {
        const bool what_if = state.session.editing() == Scenario::what_if;
        out += std::string(s.scenario_label) + " " + (what_if ? s.scenario_what_if : s.scenario_as_entered) + "\n";
        if (what_if) out += std::string(s.scenario_editing_what_if) + "\n";
    }
    const Assessment* a = state.session.assessment();
    const RuleSet* rs = state.session.rules();
    if (state.step == Step::application) {
        out += own_rules_mirror_text(state) + application_mirror_text(state);
    } else if (state.step == Step::compare) {
        out += compare_mirror_text(state);
    } else if (a && rs) {
        if (state.step == Step::result) out += own_rules_mirror_text(state);
        out += summary_text(*a, *rs, s.code);
        // The portfolio's other registrations, as the result page shows them below.
        if (state.step == Step::result) {
            if (const auto& failed = state.session.other_registrations_error())
                out += "\n" + std::string(s.others_title) + "\n" + fill(s.others_failed, {failed->field(), failed->problem(state.lang)}) + "\n";
            else if (!state.session.other_assessments().empty())
                out += "\n" + std::string(s.others_title) + "\n" + s.others_intro + "\n";
            for (const OtherAssessment& o : state.session.other_assessments())
                out += "\n" + (o.error ? (o.rules ? o.rules->name.in(s.code) : o.key) + "\n" +
                                            fill(s.others_failed, {o.error->field(), o.error->problem(state.lang)}) + "\n"
                                        : summary_text(o.assessment, *o.rules, s.code));
        }
    } else if (const InputError* e = state.session.error(); e && n == int(Step::result)) {
        out += own_rules_mirror_text(state);
        out += fill(s.cannot_assess, {e->field(), e->problem(state.lang)});
    }
    if (!state.banner.text.empty()) out += "\n" + state.banner.text;
    if (!state.autosave_problem.empty()) out += "\n" + state.autosave_problem;
    out = tab_conflict_mirror_text(state) + out;
    // An open question or link is what matters most: screen readers hear it first.
    if (state.incoming_share)
        out = std::string(s.incoming_title) + "\n" + fill(s.incoming_text, {state.incoming_share->summary}) + "\n\n" + out;
    if (state.share_link) out = std::string(s.share_title) + "\n" + *state.share_link + "\n\n" + out;
    if (state.rules_refusal) out = rules_dialog_mirror_text(state) + out;
    if (state.asking_edit_as_entered) out = std::string(s.edit_as_entered_question) + "\n\n" + out;
    return out;
}

}  // namespace herreg::ui
