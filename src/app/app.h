// The app without its main loop: what it holds, how it starts and what one frame does.
// main.cpp runs it in the browser's loop; tests/app drives it frame by frame through the
// native stand-in (src/platform/native_platform.h), so the autosave, the restore and the
// two-tab logic are tested without a browser.
#pragma once
#include <string>

#include "app/autosave.h"
#include "ui/app_state.h"
#include "ui/theme.h"

namespace herreg::app {

struct App {
    // The embedded rules are read in the frame after the first (frame()), or by start() when
    // the address brings data or names registers; when they cannot be read (a broken build),
    // the page says so and `failed` is set.
    App();
    std::string font_dir;
    ui::Theme theme;
    ui::AppState state;
    Autosave autosave;
    std::string seen_fragment;   // the address fragment already dealt with (a share link)
    bool more_contrast_asked = false;   // ?contrast=more (else the system's setting decides)
    bool drawn = false;                 // a frame is on the screen
    bool failed = false;                // the rules could not be read: nothing more is drawn
};

// After platform::init(), before platform::init_graphics(): the PDF fonts, today, the language
// and theme asked for, the autosave, what the address brings, the handler for a page being
// hidden, and the fonts for the first frame. That handler keeps a pointer to `app`: the app
// must stay where it is as long as the page lives (or the handler be removed first).
// Sets app.failed when the rules it needed could not be read.
void start(App& app);

// One turn of the main loop: input, fonts, drawing, then the autosave and the mirror.
// False when the user closed the window (native only), or when the rules could not be read.
bool frame(App& app);

}  // namespace herreg::app
