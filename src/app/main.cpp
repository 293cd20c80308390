// herreg app: wires the platform layer to the app (app/app.h: the theme, the session, the
// views and the autosave) and runs its main loop. Nothing about the rules lives here.
#include <exception>
#include <string>

#include "app/app.h"
#include "imgui.h"
#include "platform/main_loop.h"
#include "platform/platform.h"

int main() {
    namespace platform = herreg::platform;
    if (!platform::init()) return 1;
    ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;

    // On the heap: in the browser main() is unwound while the loop keeps running.
    herreg::app::App* app = nullptr;
    try {
        app = new herreg::app::App();
    } catch (const std::exception& e) {
        platform::show_fatal(std::string("herreg: de regels konden niet worden geladen / the rules could not be loaded: ") + e.what());
        return 1;
    }
    herreg::app::start(*app);

    platform::run_main_loop([app] { return herreg::app::frame(*app); });

    // Native only: the browser never gets here.
    platform::shutdown();
    delete app;
    return 0;
}
