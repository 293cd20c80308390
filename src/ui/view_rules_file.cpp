// An association's own rules file (File > "Regelbestand openen…"): checked with the same
// validate_rules as `herreg validate-rules`; a file with problems is refused whole and a
// dialog lists every problem with its JSON path, so the user can send the list to whoever
// made the file. Nothing changes until a file has no problems at all: half-right rules
// would give a result that looks right and is not. A file that passes replaces the built-in
// register with the same id (or adds one) for as long as the page is open, and the result
// and the form say that own rules are in use. How rule sets are merged is the core's
// business (Rulebook::add_own); this file only asks, tells and shows.
#include <algorithm>

#include "imgui.h"
#include "input/input_error.h"
#include "platform/platform.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace herreg::ui {
namespace {

std::string problem_count(size_t n, const Strings& s) {
    return n == 1 ? std::string(s.rules_one_problem) : fill(s.rules_problems, {std::to_string(n)});
}

// The list as plain text: for the clipboard and the screen-reader mirror.
std::string problem_list(const AppState::RulesRefusal& r, Lang lang) {
    std::string out;
    for (const InputError& e : r.problems) {
        const std::string problem = e.problem(lang);
        out += "- " + (e.field().empty() ? problem : e.field() + ": " + problem) + "\n";
    }
    return out;
}

// The dialog's height and its list's, from the frame before: the list gets what the rest of
// the dialog leaves of the visible height, so the buttons stay on a phone's screen.
float dialog_height_ = 0, list_height_ = 0;

}  // namespace

void ask_for_rules_file(AppState& state) {
    state.file_purpose = FilePurpose::rules_file;
    platform::open_file_picker(".json,application/json");
}

void open_rules_file(AppState& state, const std::string& name, const std::string& contents) {
    const Strings& s = strings(state.lang);
    const RulesFile file{name, contents};
    std::vector<InputError> problems = Rulebook::problems_in(file);
    if (problems.empty()) {
        try {
            bool replaced = false;
            const RuleSet& rs = state.session.add_own_rules(file, &replaced);
            state.rules_refusal.reset();
            state.banner = {fill(replaced ? s.rules_loaded : s.rules_added, {name, rs.name.in(s.code)}), false};
            return;
        } catch (const InputError& e) {   // validate_rules and load_rules read alike; should they not, still refuse
            problems.push_back(e);
        }
    }
    state.rules_refusal = AppState::RulesRefusal{name, std::move(problems)};
}

void open_site_rules(AppState& state, const platform::OpenedFile& file) {
    const Strings& s = strings(state.lang);
    const auto refuse = [&](const std::string& why) {
        state.banner = {fill(s.site_rules_refused, {file.name}), true};
        platform::console_warn("data-rules \"" + file.name + "\" is not used, herreg's own rules are: " + why);
    };
    if (!file.error.empty()) return refuse(file.error);
    const RulesFile rules{file.name, file.contents};
    std::vector<InputError> problems = Rulebook::problems_in(rules);
    if (problems.empty()) {
        try {
            state.session.add_own_rules(rules);
            if (!state.offered_registers.empty() && !offers_known_register(state))
                platform::console_warn("registers= names no register herreg knows, with the own rules either; all are offered");
            preselect_offered_register(state);
            return;   // in use: the result and the form say so (draw_own_rules_note)
        } catch (const InputError& e) {
            problems.push_back(e);
        }
    }
    // As `herreg validate-rules` lists them, in English: for the webmaster, not the member.
    std::string list;
    for (const InputError& e : problems) list += "\n  " + (e.field().empty() ? "" : e.field() + ": ") + e.problem(Lang::en);
    refuse(problem_count(problems.size(), strings(Lang::en)) + list);
}

void draw_rules_dialog(AppState& state, const Theme& theme) {
    const Strings& s = strings(state.lang);
    const ImGuiIO& io = ImGui::GetIO();
    const float em = ImGui::GetFontSize();
    if (state.rules_refusal && !ImGui::IsPopupOpen("##rules")) ImGui::OpenPopup("##rules");
    const float w = std::min(io.DisplaySize.x - 2 * em, 38 * em);
    const ImGuiViewport* view = ImGui::GetMainViewport();
    // Centred where dialogs go, but never with its top above the visible part.
    const ImVec2 centre = dialog_centre();
    const float top = std::max(view->WorkPos.y + 0.5f * em, centre.y - 0.5f * dialog_height_);
    ImGui::SetNextWindowSize(ImVec2(w, 0));
    ImGui::SetNextWindowPos(ImVec2(centre.x, top), ImGuiCond_Always, ImVec2(0.5f, 0.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em, em));
    const bool open = ImGui::BeginPopupModal("##rules", nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove);
    ImGui::PopStyleVar();
    if (!open) return;
    if (!state.rules_refusal) {   // closed from elsewhere
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    const AppState::RulesRefusal& refusal = *state.rules_refusal;
    const float inner = ImGui::GetContentRegionAvail().x;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
    ImGui::PushFont(theme.fonts().heading);
    text_coloured(palette().bad, s.rules_refused_title);
    ImGui::PopFont();
    text(fill(s.rules_refused_intro, {problem_count(refusal.problems.size(), s), refusal.file}));
    text_muted(s.rules_refused_help);
    ImGui::PopTextWrapPos();

    // The list scrolls on its own: a broken file can have hundreds of problems, and the
    // buttons below must stay on screen: it gets at most what the rest of the dialog leaves.
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float wanted = std::min<float>(float(refusal.problems.size()) * 2.6f * line + em, 60 * line);
    const float rest = dialog_height_ > 0 ? dialog_height_ - list_height_ : 0.5f * view->WorkSize.y;
    const float room = std::max(5 * line, std::min(0.5f * view->WorkSize.y, view->WorkSize.y - rest - 1.5f * em));
    list_height_ = std::min(wanted, room);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, col(palette().card));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0.6f * em, 0.4f * em));
    ImGui::BeginChild("##rules.list", ImVec2(inner, list_height_), true);
    scroll_by_swipe();   // touch: a swipe over the open dialog scrolls its list
    ImGui::PushTextWrapPos(0.0f);
    for (size_t i = 0; i < refusal.problems.size(); ++i) {
        const InputError& e = refusal.problems[i];
        if (i > 0) ImGui::Separator();
        if (!e.field().empty()) {
            ImGui::PushFont(theme.fonts().strong);
            text_coloured(palette().accent, e.field());
            ImGui::PopFont();
        }
        ImGui::Indent(0.8f * em);
        text(e.problem(state.lang));
        ImGui::Unindent(0.8f * em);
    }
    ImGui::PopTextWrapPos();
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    note_last("rules.list", platform::WidgetKind::other);

    ImGui::Dummy(ImVec2(0, 0.3f * em));
    if (primary_button(s.dismiss, "rules.close") || escape_pressed()) {
        state.rules_refusal.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (button(s.rules_copy_list, "rules.copy")) {
        platform::copy_to_clipboard(refusal.file + "\n" + problem_list(refusal, state.lang));
        state.banner = {s.rules_list_copied, false};
    }
    dialog_height_ = ImGui::GetWindowHeight();
    ImGui::EndPopup();
}

void draw_own_rules_note(const AppState& state) {
    const std::string* file = state.session.own_rules_file();
    if (!file) return;
    const Strings& s = strings(state.lang);
    card_begin(palette().warn_soft);
    text_coloured(palette().warn, fill(s.own_rules_note, {state.session.rules()->name.in(s.code), *file}));
    card_end();
}

std::string own_rules_mirror_text(const AppState& state) {
    const std::string* file = state.session.own_rules_file();
    if (!file) return {};
    const Strings& s = strings(state.lang);
    return fill(s.own_rules_note, {state.session.rules()->name.in(s.code), *file}) + "\n";
}

std::string rules_dialog_mirror_text(const AppState& state) {
    if (!state.rules_refusal) return {};
    const Strings& s = strings(state.lang);
    const AppState::RulesRefusal& r = *state.rules_refusal;
    return std::string(s.rules_refused_title) + "\n" +
           fill(s.rules_refused_intro, {problem_count(r.problems.size(), s), r.file}) + "\n" + problem_list(r, state.lang) + "\n";
}

}  // namespace herreg::ui
