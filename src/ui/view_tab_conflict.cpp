#include "ui/view_tab_conflict.h"

#include <exception>
#include <optional>

#include "imgui.h"
#include "platform/platform.h"
#include "portfolio/portfolio.h"
#include "ui/views.h"
#include "ui/widgets.h"

namespace herreg::ui {
namespace {

// What the other tab saved becomes this tab's data; storage is not touched (it already holds it).
void load_theirs(AppState& st) {
    const Strings& s = strings(st.lang);
    const std::optional<std::string> stamp = platform::storage_get(kAutosaveStampKey);
    const std::optional<std::string> json = platform::storage_get(kAutosaveKey);
    if (!json) {   // the other tab cleared everything
        st.session.clear();
        reset_field_buffers();
        st.leave_lists();
        st.step = Step::welcome;
        st.banner = {s.tabs_other_cleared, false};
    } else if (load_portfolio_text(st, *json, s.tabs_source, ReadMode::draft)) {
        if (const std::optional<std::string> what_if = platform::storage_get(kWhatIfKey)) {
            try {
                st.session.restore_what_if(read_portfolio(*what_if, ReadMode::draft));
            } catch (const std::exception&) {   // a bad copy of the what-if is left out, as on restore
            }
        }
        if (st.step == Step::compare && !st.session.has_what_if()) st.step = Step::result;
    } else {
        return;   // unreadable: the banner says why; this tab keeps its data and still writes nothing
    }
    st.session.take_unsaved();   // what this tab shows now is what storage holds
    st.autosave_guard.adopt(stamp);
}

// This tab's portfolio as entered (not a what-if the helpdesk is editing), as File > Save names it.
void download_mine(AppState& st) {
    const Strings& s = strings(st.lang);
    const std::string name = fill("herreg-{}.json", {to_iso(st.today)});
    try {
        platform::download_file(name, "application/json", write_portfolio(st.session.with_what_if()));   // as File > Save: the what-if too
        st.banner = {fill(s.saved_as, {name}), false};
    } catch (const std::exception& e) {   // text that is not UTF-8
        st.banner = {fill(s.save_failed, {e.what()}), true};
    }
}

}  // namespace

void draw_tab_conflict(AppState& state) {
    if (!state.autosave_guard.conflict()) return;
    const Strings& s = strings(state.lang);
    const Palette& p = palette();
    card_begin(p.warn_soft);
    text_coloured(p.bad, s.tabs_changed);
    text_muted(s.tabs_explain);
    if (primary_button(s.tabs_load_theirs, "tabs.load_theirs")) load_theirs(state);
    same_line_if_fits(s.tabs_keep_mine);
    if (button(s.tabs_keep_mine, "tabs.keep_mine")) {
        // app/app.cpp writes this tab's version over the one it has now seen, at the end of this frame.
        state.autosave_guard.keep_mine(platform::storage_get(kAutosaveStampKey));
        state.banner = {s.tabs_kept, false};
    }
    same_line_if_fits(s.tabs_download_mine);
    if (button(s.tabs_download_mine, "tabs.download_mine")) download_mine(state);
    card_end();
}

std::string tab_conflict_mirror_text(const AppState& state) {
    if (!state.autosave_guard.conflict()) return "";
    const Strings& s = strings(state.lang);
    return std::string(s.tabs_changed) + "\n" + s.tabs_explain + "\n";
}

}  // namespace herreg::ui
