// Very long texts through the real app: a share link of 3 KB can carry words of 65,000
// characters (they compress to almost nothing), and a draft keeps what it is given. Every step
// must still draw them: a window of such text holds far more than 65,536 vertices, which with
// ImGui's default 16-bit indices failed its assertion (natively an abort; in the browser the
// app stopped at the activities step). Both builds use 32-bit indices now.
#include <doctest/doctest.h>

#include <cstring>
#include <set>
#include <string>
#include <string_view>

#include "app_driver.h"
#include "platform/native_platform.h"
#include "portfolio/portfolio.h"
#include "portfolio/samples.h"
#include "share/share_link.h"

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


namespace {

// Rows of a list the last frame drew: widgets whose id starts with `prefix` and ends in `suffix`.
std::set<std::string> drawn(const char* prefix, const char* suffix) {
    std::set<std::string> ids;
    for (const platform::NativeWidget& w : platform::widgets()) {
        const std::string& id = w.id;
        if (id.rfind(prefix, 0) == 0 && id.size() > std::strlen(suffix) &&
            id.compare(id.size() - std::strlen(suffix), std::string::npos, suffix) == 0)
            ids.insert(id);
    }
    return ids;
}

// Some text of the last frame reads `words` (what a screen reader is given).
bool shows(std::string_view words) {
    for (const platform::NativeWidget& w : platform::widgets())
        if (w.name.find(words) != std::string::npos || w.value.find(words) != std::string::npos) return true;
    return false;
}

}  // namespace

// An import can fill a portfolio with 10,000 activities (the most it holds) or hours ranges.
// Drawn whole, each frame took 645 ms in the browser; a page of rows at a time keeps it fast,
// and every row stays reachable.
TEST_CASE("10,000 activities and 10,000 hours ranges: a page of 100 rows at a time, every page reachable") {
    herreg::test::fresh_browser();
    const herreg::Sample* sample = herreg::find_sample("kp-21-reentry-group-1-application");
    REQUIRE(sample != nullptr);
    herreg::Portfolio p = herreg::read_portfolio(sample->portfolio_json, herreg::ReadMode::draft);
    REQUIRE_FALSE(p.activities.empty());
    herreg::Activity one = p.activities[0];
    one.title = "Cursus";
    one.provider.clear();
    p.activities.assign(herreg::kMaxListEntries, one);
    herreg::HoursEntry range;
    range.from = herreg::Date{2023, 1, 1};
    range.to = herreg::Date{2023, 1, 31};
    range.hours = 10;
    p.hours.assign(herreg::kMaxListEntries, range);
    const std::string json = herreg::write_portfolio(p);
    platform::other_tab_writes("portfolio", json);   // as an earlier visit left it

    Tab a("a");
    a.click("restore.yes");
    a.click("step.4");
    a.frames(2);
    std::set<std::string> rows = drawn("activity.", ".edit");
    CHECK(rows.size() == 100);
    CHECK(shows("Rij 1 tot en met 100 van 10.000"));
    a.click("activities.page.next");
    a.frames(2);
    const std::set<std::string> second = drawn("activity.", ".edit");
    CHECK(second.size() == 100);
    for (const std::string& id : second) CHECK(rows.count(id) == 0);
    CHECK(shows("Rij 101 tot en met 200 van 10.000"));
    a.click("activities.page.prev");
    a.frames(2);
    CHECK(drawn("activity.", ".edit") == rows);

    a.click("step.3");
    a.frames(2);
    CHECK(drawn("range.", ".remove").size() == 100);
    for (int i = 0; i < 99; ++i) a.click("ranges.page.next");   // to the last page
    a.frames(2);
    rows = drawn("range.", ".remove");
    CHECK(rows.size() == 100);
    CHECK(rows.count("range.9999.remove") == 1);
    CHECK(shows("Rij 9.901 tot en met 10.000 van 10.000"));
}

// After editing, the keyboard's focus goes to the activity's own "Bewerken" in the list, which
// must be drawn for that: the list turns to the page that holds it now, also when its new date
// sorts it onto another page.
TEST_CASE("a long list: an activity whose new date moves it to another page keeps the keyboard's focus") {
    herreg::test::fresh_browser();
    const herreg::Sample* sample = herreg::find_sample("kp-21-reentry-group-1-application");
    REQUIRE(sample != nullptr);
    herreg::Portfolio p = herreg::read_portfolio(sample->portfolio_json, herreg::ReadMode::draft);
    herreg::Activity one = p.activities[0];
    one.date = herreg::Date{2022, 3, 1};
    p.activities.assign(150, one);
    platform::other_tab_writes("portfolio", herreg::write_portfolio(p));

    Tab a("a");
    a.click("restore.yes");
    a.click("step.4");
    REQUIRE(a.has("activity.0.edit"));   // page 1, in date order
    a.click("activity.0.edit");
    a.type("activity.date", "01-06-2024");   // now the latest: the last row, on page 2
    a.click("activity.done");
    a.frames(3);
    CHECK(a.has("activity.0.edit"));   // drawn, so the focus request (widgets.cpp) finds it
    CHECK(shows("Rij 101 tot en met 150 van 150"));
}
