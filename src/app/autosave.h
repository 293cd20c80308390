// The autosave: the portfolio as entered (and the helpdesk's what-if beside it) in the
// browser's storage, so that nothing typed is lost. Written in the frame after each change
// (app/app.cpp also draws a last frame when the page is hidden or closed); a full or blocked
// storage is reported (AppState::autosave_problem); never written over another tab's newer
// save (ui/autosave_guard.h decides, ui/view_tab_conflict.cpp asks the user).
#pragma once
#include <optional>
#include <string>

#include "ui/app_state.h"

namespace herreg::app {

class Autosave {
public:
    // At start, before the address is dealt with: this tab's id, and which save it knows.
    void start(ui::AppState& st);
    // Once the address was dealt with (its data, a preselection): nothing of the tab's own yet.
    void started(const ui::AppState& st) { start_revision_ = st.session.revision(); }
    // Each frame, before drawing: did another tab change the autosave (its `storage` event)?
    void notice_other_tabs(ui::AppState& st);
    // Each frame, after drawing: writes what changed.
    void write(ui::AppState& st);

private:
    bool holds_own_data(const ui::AppState& st) const;
    bool storage_holds_synced() const;

    // What storage held after this tab's last write (or after it found its data there
    // already): the portfolio and the what-if ("" for none), under `synced_stamp_`.
    // `synced_` false: not known (nothing written yet, or a write failed).
    std::string last_saved_, last_saved_what_if_;
    std::optional<std::string> synced_stamp_;
    bool synced_ = false;
    unsigned long start_revision_ = 0;
};

}  // namespace herreg::app
