// The start: the first screen is drawn before the built-in rules are read, and they are read
// in the next frame, before any input is taken; an address that brings data or names
// registers has them at once.
#include <algorithm>
#include <optional>
#include <string_view>

#include <doctest/doctest.h>

#include "app_driver.h"
#include "platform/native_platform.h"

namespace platform = herreg::platform;
namespace app = herreg::app;

namespace {

bool on_screen(std::string_view id) {
    const auto& all = platform::widgets();
    return std::any_of(all.begin(), all.end(), [&](const platform::NativeWidget& w) { return w.id == id; });
}

// A page on `query`, as main() starts it: init, the app, start(), the graphics.
struct Page {
    explicit Page(std::string_view query) {
        platform::use_tab("start");
        platform::set_url_query(query);
        platform::set_url_fragment("");
        REQUIRE(platform::init());
        app.emplace();
        app::start(*app);
        REQUIRE(platform::init_graphics());
    }
    ~Page() { platform::close_tab("start"); }
    std::optional<app::App> app;
};

}  // namespace

TEST_CASE("the welcome screen is drawn before the rules are read; the frame after it reads them") {
    herreg::test::fresh_browser();
    Page page("lang=nl");
    CHECK_FALSE(page.app->state.session.rules_read());
    REQUIRE(app::frame(*page.app));
    CHECK(on_screen("welcome.start"));
    CHECK_FALSE(page.app->state.session.rules_read());
    REQUIRE(app::frame(*page.app));
    CHECK(page.app->state.session.rules_read());
    CHECK(page.app->state.session.rulebook().find("kp", std::nullopt) != nullptr);
}

TEST_CASE("an address that names a register reads the rules at the start and preselects it") {
    herreg::test::fresh_browser();
    Page page("lang=nl&register=kp");
    CHECK(page.app->state.session.rules_read());
    CHECK(page.app->state.session.portfolio().register_id == "kp");
}

TEST_CASE("a sample or registers to offer in the address: the rules are read at the start") {
    for (const char* query : {"lang=nl&sample=kp-02-dispensation", "lang=nl&registers=kp,nvvpo"}) {
        CAPTURE(query);
        herreg::test::fresh_browser();
        Page page(query);
        CHECK(page.app->state.session.rules_read());
        CHECK_FALSE(page.app->failed);
    }
}
