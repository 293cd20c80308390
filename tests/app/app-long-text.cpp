// Very long texts through the real app: a share link of 3 KB can carry words of 65,000
// characters (they compress to almost nothing), and a draft keeps what it is given. Every step
// must still draw them: a window of such text holds far more than 65,536 vertices, which with
// ImGui's default 16-bit indices failed its assertion (natively an abort; in the browser the
// app stopped at the activities step). Both builds use 32-bit indices now.
#include <doctest/doctest.h>

#include <string>

#include "app_driver.h"
#include "platform/native_platform.h"
#include "portfolio.h"
#include "samples.h"
#include "share_link.h"

namespace platform = herreg::platform;
using herreg::test::Tab;

TEST_CASE("a share link with words of 65,000 characters: every step draws, the data arrives whole") {
    herreg::test::fresh_browser();
    const herreg::Sample* sample = herreg::find_sample("kp-21-reentry-group-1-application");
    REQUIRE(sample != nullptr);
    herreg::Portfolio p = herreg::read_portfolio(sample->portfolio_json, herreg::ReadMode::draft);
    const std::string word(65000, 'a');
    REQUIRE_FALSE(p.activities.empty());
    p.activities[0].title = word;
    p.activities[0].provider = word;
    p.application.reasons = word;
    p.application.points_plan = word;
    const std::string json = herreg::write_portfolio(p);
    const std::string link = herreg::share_link("http://127.0.0.1:8080/", json);
    REQUIRE(link.size() < 5000);   // the attack: a small link

    Tab a("a");
    platform::set_url_fragment(link.substr(link.find('#') + 1));
    a.reload();
    a.click("incoming.open");
    for (const char* step : {"step.4", "step.6", "step.5", "step.3", "step.2", "step.1"}) {
        INFO(step);
        a.click(step);
        a.frames(2);
        CHECK(a.has(step));   // the step bar: this step's frame was drawn and finished
    }
    const herreg::Portfolio saved = herreg::read_portfolio(a.save_file(), herreg::ReadMode::draft);
    CHECK(saved.activities[0].title == word);
    CHECK(saved.application.reasons == word);
}
