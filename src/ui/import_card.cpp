#include "imgui.h"
#include "text/number_format.h"
#include "platform/platform.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace herreg::ui {

void draw_import_card(AppState& state, const Theme& theme, const ImportCard& card) {
    const Strings& s = strings(state.lang);
    const std::string id = card.id;
    card_begin();
    text_strong(s.import_title, theme);
    ImGui::PushFont(theme.fonts().small);
    text_muted(card.help);
    ImGui::PopFont();
    ImportBox& box = *card.box;
    name_next_widget(s.import_title);
    text_area((id + ".paste").c_str(), box.paste, ImVec2(-1, 5 * ImGui::GetFontSize()));
    if (button(s.import_button, (id + ".import").c_str()) && !box.paste.empty()) card.run(state, box.paste);
    same_line_if_fits(s.import_file);
    if (button(s.import_file, (id + ".import_file").c_str())) {
        state.file_purpose = card.purpose;
        platform::open_file_picker(".csv,.txt,text/csv,text/plain");
    }
    if (!box.report.empty()) text_coloured(box.failed ? palette().bad : palette().good, box.report);
    card_end();
}

void finish_import(ImportBox& box, size_t added, const std::vector<CsvProblem>& problems, const Strings& s) {
    const auto count = [&s](size_t n) { return format_number(double(n), s.code, 0); };   // 10.000, 10,000
    box.report = fill(s.import_done, {count(added), count(problems.size())});
    for (const CsvProblem& pr : problems)
        box.report += "\n" + fill(s.import_problem, {count(size_t(pr.line)), pr.field, pr.message.in(s.code)});
    box.failed = !problems.empty();
    if (!box.failed) box.paste.clear();
}

}  // namespace herreg::ui
