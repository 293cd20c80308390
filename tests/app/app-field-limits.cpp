// A text field holds what a file may hold: the limit the core reads that field with
// (kMaxActivityText, kMaxApplicationText, ...). An edit that would pass it is not taken, whole,
// and the banner says so (the mirror reads it); a text over the limit already (an older save, a
// link) can still be shortened.
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "app_driver.h"
#include "platform/native_platform.h"
#include "portfolio/portfolio.h"
#include "portfolio/samples.h"
#include "share/share_link.h"

namespace platform = herreg::platform;
using herreg::Portfolio;
using herreg::test::contains;
using herreg::test::stored_portfolio;
using herreg::test::Tab;

namespace {

const char* const kSample = "lang=nl&sample=kp-02-dispensation";

// From a sample's first screen to a new activity's card on the activities step.
void open_new_activity(Tab& a) {
    a.frames(3);
    a.click("step.4");
    a.click("activity.add");
}

}  // namespace

TEST_CASE("an activity's title takes at most kMaxActivityText bytes; more is refused whole and said") {
    herreg::test::fresh_browser();
    Tab a("a", kSample);
    open_new_activity(a);
    const std::string refused = "Het veld ‘Titel’ houdt ten hoogste 500 tekens";

    a.type("activity.title", std::string(herreg::kMaxActivityText + 100, 'x'));   // a long paste
    std::optional<Portfolio> p = stored_portfolio();
    REQUIRE(p);
    CHECK(p->activities.back().title.empty());
    CHECK(a.widget("activity.title").value.empty());
    CHECK(contains(a.mirror(), refused));

    const std::string full(herreg::kMaxActivityText, 'y');
    a.type("activity.title", full);   // exactly the limit: taken
    p = stored_portfolio();
    REQUIRE(p);
    CHECK(p->activities.back().title == full);

    a.click("banner.dismiss");
    CHECK_FALSE(contains(a.mirror(), refused));
    a.click("activity.title");
    a.press(ImGuiKey_End);
    a.send_text("z");   // one key more
    a.frames(2);
    p = stored_portfolio();
    REQUIRE(p);
    CHECK(p->activities.back().title == full);
    CHECK(a.widget("activity.title").value == full);
    CHECK(contains(a.mirror(), refused));
}

TEST_CASE("Ctrl+Z after a refused edit undoes the last edit that was taken, not the refused one") {
    herreg::test::fresh_browser();
    Tab a("a", kSample);
    open_new_activity(a);
    a.type("activity.title", "abc");   // three keys, three steps to undo
    a.press(ImGuiKey_Home);
    a.send_text(std::string(herreg::kMaxActivityText + 100, 'x'));   // at the start: refused
    a.frames(2);
    std::optional<Portfolio> p = stored_portfolio();
    REQUIRE(p);
    REQUIRE(p->activities.back().title == "abc");
    // The refused insertion left no step to undo: Ctrl+Z takes back the "c". (With that step
    // left, Ctrl+Z went to the refused insertion, which the text never had: "abc" stayed, and
    // ImGui's record of the text's length no longer matched it.)
    a.press(ImGuiKey_Z, true);
    p = stored_portfolio();
    REQUIRE(p);
    CHECK(p->activities.back().title == "ab");
    a.send_text("d");
    a.frames(2);
    p = stored_portfolio();
    REQUIRE(p);
    CHECK(p->activities.back().title == "abd");
}

TEST_CASE("an application's text box takes at most kMaxApplicationText bytes; an older, longer text can be shortened") {
    herreg::test::fresh_browser();
    const herreg::Sample* sample = herreg::find_sample("kp-21-reentry-group-1-application");
    REQUIRE(sample != nullptr);
    Portfolio p = herreg::read_portfolio(sample->portfolio_json, herreg::ReadMode::draft);
    const std::string too_long(herreg::kMaxApplicationText + 50, 'r');
    p.application.reasons = too_long;   // saved by an older version, or sent in a link
    const std::string link = herreg::share_link("http://127.0.0.1:8080/", herreg::write_portfolio(p));

    Tab a("a");
    platform::set_url_fragment(link.substr(link.find('#') + 1));
    a.reload();
    a.click("incoming.open");
    a.click("step.6");
    REQUIRE(a.has("app.reasons"));

    // Shortening is always taken, even while the text is still over the limit.
    const platform::NativeWidget w = a.widget("app.reasons");
    a.click_at(w.x0 + 40.0f, w.y0 + 10.0f);
    a.press(ImGuiKey_Delete);
    std::optional<Portfolio> saved = stored_portfolio();
    REQUIRE(saved);
    CHECK(saved->application.reasons.size() == too_long.size() - 1);

    // Typing into it is not: the text stays as it is.
    a.send_text("abc");
    a.frames(2);
    saved = stored_portfolio();
    REQUIRE(saved);
    CHECK(saved->application.reasons.size() == too_long.size() - 1);
    CHECK(contains(a.mirror(), "ten hoogste 20.000 tekens"));

    // Replaced by a text of exactly the limit: taken; one more character: not.
    const std::string full(herreg::kMaxApplicationText, 's');
    a.type("app.reasons", full);
    saved = stored_portfolio();
    REQUIRE(saved);
    CHECK(saved->application.reasons == full);
    a.click("banner.dismiss");
    CHECK_FALSE(contains(a.mirror(), "ten hoogste 20.000 tekens"));
    const platform::NativeWidget box = a.widget("app.reasons");
    a.click_at(box.x0 + 40.0f, box.y0 + 10.0f);
    a.send_text("t");
    a.frames(2);
    saved = stored_portfolio();
    REQUIRE(saved);
    CHECK(saved->application.reasons == full);
    CHECK(contains(a.mirror(), "ten hoogste 20.000 tekens"));
}
