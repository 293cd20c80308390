// herreg app: wires the platform layer, the theme and the views. Nothing else lives here.
#include <string>

#include "imgui.h"
#include "platform/main_loop.h"
#include "platform/platform.h"
#include "ui/strings.h"
#include "ui/theme.h"
#include "ui/view_welcome.h"

namespace {

struct App {
    std::string font_dir;
    herreg::ui::Theme theme;
    herreg::ui::UiState state;
    herreg::ui::WelcomeView welcome;
};

bool frame(App& app) {
    namespace platform = herreg::platform;
    const platform::Poll input = platform::poll();
    if (input.quit) return false;

    if (app.theme.needs_build(input.viewport.pixel_ratio)) {
        app.theme.build(app.font_dir, input.viewport.pixel_ratio);
        platform::fonts_changed();
    }

    platform::new_frame();
    app.welcome.draw(app.state, app.theme);
    platform::end_frame();

    if (app.state.lang_changed) {
        app.state.lang_changed = false;
        platform::remember_language(herreg::ui::strings(app.state.lang).code);
    }
    return true;
}

}  // namespace

int main() {
    namespace platform = herreg::platform;
    if (!platform::init()) return 1;
    ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;

    // On the heap: in the browser main() is unwound while the loop keeps running.
    auto* app = new App;
    app->font_dir = platform::font_dir();
    const std::string requested = platform::requested_language();
    app->state.lang = herreg::ui::parse_lang(requested, herreg::ui::Lang::nl);
    if (!requested.empty()) platform::remember_language(herreg::ui::strings(app->state.lang).code);

    platform::run_main_loop([app] { return frame(*app); });

    // Native only: the browser never gets here.
    platform::shutdown();
    delete app;
    return 0;
}
