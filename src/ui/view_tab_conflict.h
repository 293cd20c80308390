// Two tabs, one autosave: the banner a tab shows when another tab wrote the autosave while
// this one was writing it too (autosave_guard.h). This tab has stopped autosaving; the user
// chooses: load the other tab's version, keep this one and save it, or download this one.
#pragma once
#include <string>

#include "ui/app_state.h"

namespace herreg::ui {

// Above the step, while state.autosave_guard.conflict(); nothing otherwise.
void draw_tab_conflict(AppState& state);

// The banner's text for the ARIA mirror ("" without a conflict).
std::string tab_conflict_mirror_text(const AppState& state);

}  // namespace herreg::ui
