// The first screen: what herreg is, a language switch, and the place where the wizard goes.
#pragma once

#include "ui/strings.h"
#include "ui/theme.h"

namespace herreg::ui {

struct UiState {
    Lang lang = Lang::nl;
    bool lang_changed = false;  // set by a view when the user switched language this frame
};

class WelcomeView {
public:
    // Draws the whole window (one ImGui window filling the display).
    void draw(UiState& state, const Theme& theme);

private:
    float content_height_ = 0.0f;  // last frame's, for vertical centring
};

}  // namespace herreg::ui
