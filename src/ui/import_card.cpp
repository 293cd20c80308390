#include "imgui.h"
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
    text_area((id + ".paste").c_str(), *card.paste, ImVec2(-1, 5 * ImGui::GetFontSize()));
    if (button(s.import_button, (id + ".import").c_str()) && !card.paste->empty()) card.run(state, *card.paste);
    ImGui::SameLine();
    if (button(s.import_file, (id + ".import_file").c_str())) {
        state.file_purpose = card.purpose;
        platform::open_file_picker(".csv,.txt,text/csv,text/plain");
    }
    if (!card.report->empty()) text_coloured(card.failed ? palette().bad : palette().good, *card.report);
    card_end();
}

}  // namespace herreg::ui
