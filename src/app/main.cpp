// herreg app: wires the platform layer to the app (app/app.h: the theme, the session, the
// views and the autosave) and runs its main loop. Nothing about the rules lives here.
#include "app/app.h"
#include "imgui.h"
#include "platform/main_loop.h"
#include "platform/platform.h"

int main() {
    namespace platform = herreg::platform;
    if (!platform::init()) return 1;
    ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;

    // On the heap: in the browser main() is unwound while the loop keeps running.
    auto* app = new herreg::app::App();
    herreg::app::start(*app);
    if (app->failed || !platform::init_graphics()) {   // the page says why
        platform::on_page_hidden(nullptr);   // start() left one that draws with `app`
        delete app;
        return 1;
    }

    platform::run_main_loop([app] { return herreg::app::frame(*app); });

    // Native only: the browser never gets here.
    platform::shutdown();
    const bool failed = app->failed;
    delete app;
    return failed ? 1 : 0;
}
