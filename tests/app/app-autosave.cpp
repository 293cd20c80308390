// No data loss, through the real app on the native stand-in (the browser's version of these
// checks was tests/browser/storage.test.mjs; Chromium keeps only what needs a real browser):
//  - every change is in storage at the end of the frame in which it arrived; a new page on
//    the same storage offers it back, and restoring gives the same portfolio;
//  - text that arrives just before the page is hidden, without a frame in between, is in
//    storage when the page-hidden handler returns, and a new tab offers it back;
//  - a full storage is reported on screen and in the mirror, with a button that saves the
//    data as a file; once there is room again, autosave resumes and the message goes;
//  - data opened from the address (?sample=) leaves an earlier autosave alone until the user
//    changes something;
//  - a ticked next step is saved with the portfolio's unknown fields ("checklist") and is
//    ticked again after a restore, beside what the file held there already.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "app_driver.h"
#include "portfolio/portfolio.h"
#include "portfolio/samples.h"
#include "ui/autosave_guard.h"
#include "ui/strings.h"

namespace platform = herreg::platform;
namespace ui = herreg::ui;
using herreg::Portfolio;
using herreg::ReadMode;
using herreg::read_portfolio;
using herreg::test::contains;
using herreg::test::iso;
using herreg::test::stored_portfolio;
using herreg::test::Tab;

namespace {

// The same document, whatever the formatting.
std::string canonical(const std::string& json) { return nlohmann::json::parse(json).dump(); }


}  // namespace

TEST_CASE("each change is autosaved in the frame it arrives in; a new page offers it back and restoring gives the same data") {
    herreg::test::fresh_browser();
    Tab a("a");
    a.to_dates();
    a.type("period_start", "01-12-2021");   // type() ends with the frame the text arrived in
    std::optional<Portfolio> p = stored_portfolio();
    REQUIRE(p);
    CHECK(p->register_id == "kp");
    CHECK(iso(p->registration.period_start) == "2021-12-01");
    a.type("check_date", "22-11-2026");
    p = stored_portfolio();
    REQUIRE(p);
    CHECK(iso(p->check_date) == "2026-11-22");
    CHECK(iso(p->registration.period_start) == "2021-12-01");
    a.blur();
    const std::string before = platform::peek_storage(ui::kAutosaveKey).value_or("");
    const std::optional<std::string> stamp = platform::peek_storage(ui::kAutosaveStampKey);

    a.reload();
    REQUIRE(a.has("restore.yes"));
    CHECK(platform::peek_storage(ui::kAutosaveKey) == before);   // the question alone changes nothing
    a.click("restore.yes");
    CHECK(a.has("period_start"));   // back on the step the user was on
    CHECK(canonical(a.save_file()) == canonical(before));
    // Storage held this data already: writing it again would make other tabs think it changed.
    CHECK(platform::peek_storage(ui::kAutosaveKey) == before);
    CHECK(platform::peek_storage(ui::kAutosaveStampKey) == stamp);
}

TEST_CASE("typed and hidden in the same moment: the page-hidden handler saves the text, and a new tab offers it back") {
    herreg::test::fresh_browser();
    Tab a("a");
    a.to_dates();
    a.type("period_start", "01-12-2021");
    a.click("last_worked");   // the field has the keyboard
    a.frames(3);
    // The text arrives, and the page is hidden before any frame could draw it.
    a.send_text("31-10-2026");
    std::optional<Portfolio> p = stored_portfolio();
    REQUIRE(p);
    CHECK(iso(p->last_worked) == "");   // nothing drew it yet
    a.hide();
    p = stored_portfolio();
    REQUIRE(p);
    CHECK(iso(p->last_worked) == "2026-10-31");

    a.close();
    Tab b("b");
    b.click("restore.yes");
    const Portfolio back = read_portfolio(b.save_file(), ReadMode::draft);
    CHECK(iso(back.last_worked) == "2026-10-31");
    CHECK(iso(back.registration.period_start) == "2021-12-01");
}

TEST_CASE("a full storage is reported with a way on; autosave resumes when there is room") {
    herreg::test::fresh_browser();
    const std::string full = ui::strings(ui::Lang::nl).autosave_full;
    Tab a("a");
    a.to_dates();
    a.type("period_start", "01-12-2021");
    a.blur();
    REQUIRE(stored_portfolio());
    CHECK_FALSE(contains(a.mirror(), full));
    CHECK_FALSE(a.has("autosave.save_file"));

    // Full to the last byte: any write that needs more room fails, as QuotaExceededError.
    platform::set_storage_quota(platform::storage_used());
    a.type("check_date", "22-11-2026");
    a.blur();
    CHECK(contains(a.mirror(), full));
    std::optional<Portfolio> p = stored_portfolio();
    REQUIRE(p);
    CHECK(iso(p->check_date) == "");   // the autosave is as it was
    REQUIRE(a.has("autosave.save_file"));
    const Portfolio file = read_portfolio(a.download("autosave.save_file"), ReadMode::draft);
    CHECK(iso(file.check_date) == "2026-11-22");
    CHECK(iso(file.registration.period_start) == "2021-12-01");

    // Room again: the next change is saved, with what could not be saved before, and the
    // message goes.
    platform::set_storage_quota(0);
    a.type("last_worked", "31-10-2026");
    a.blur();
    p = stored_portfolio();
    REQUIRE(p);
    CHECK(iso(p->check_date) == "2026-11-22");
    CHECK(iso(p->last_worked) == "2026-10-31");
    CHECK_FALSE(contains(a.mirror(), full));
    CHECK_FALSE(a.has("autosave.save_file"));
}

TEST_CASE("a sample from the address leaves an earlier autosave alone until the user changes something") {
    herreg::test::fresh_browser();
    std::string before;
    {
        Tab a("a");
        a.to_dates();
        a.type("period_start", "01-12-2021");
        a.blur();
        before = platform::peek_storage(ui::kAutosaveKey).value_or("");
        a.close();
    }
    REQUIRE_FALSE(before.empty());

    Tab b("b", "lang=nl&sample=kp-02-dispensation");
    b.frames(3);
    CHECK_FALSE(b.has("restore.yes"));   // the address brought its own data: no restore question
    CHECK(platform::peek_storage(ui::kAutosaveKey) == before);
    b.click("step.2");   // looking around is no change
    CHECK(platform::peek_storage(ui::kAutosaveKey) == before);

    b.type("last_worked", "01-10-2026");
    const std::optional<Portfolio> p = stored_portfolio();
    REQUIRE(p);
    CHECK(iso(p->last_worked) == "2026-10-01");
    // The sample with the change, not the old autosave.
    const herreg::Sample* sample = herreg::find_sample("kp-02-dispensation");
    REQUIRE(sample);
    const Portfolio opened = read_portfolio(sample->portfolio_json, ReadMode::draft);
    CHECK(p->register_id == opened.register_id);
    CHECK(p->hours.size() == opened.hours.size());
    CHECK(p->activities.size() == opened.activities.size());
    CHECK_FALSE(p->activities.empty());
}

TEST_CASE("a ticked next step is autosaved beside the file's own unknown fields and is ticked again after a restore") {
    herreg::test::fresh_browser();
    const herreg::Sample* sample = herreg::find_sample("kp-02-dispensation");
    REQUIRE(sample);
    {
        Tab a("a", "lang=nl&sample=kp-02-dispensation");
        a.frames(3);
        a.click("step.5");
        REQUIRE(a.has("next_step.0"));
        CHECK(a.widget("next_step.0").state.checked == 0);
        a.click("next_step.0");
        CHECK(a.widget("next_step.0").state.checked == 1);
        const std::optional<Portfolio> p = stored_portfolio();
        REQUIRE(p);
        const nlohmann::json fields = herreg::unknown_fields(*p);
        REQUIRE(fields.contains("checklist"));
        REQUIRE(fields["checklist"].is_object());
        CHECK(fields["checklist"].size() == 1);
        CHECK(fields["checklist"].begin().value() == true);
        // What the sample held beyond the portfolio's own fields is still there.
        const nlohmann::json opened = herreg::unknown_fields(read_portfolio(sample->portfolio_json, ReadMode::draft));
        for (const auto& [key, value] : opened.items()) CHECK(fields.at(key) == value);
        a.close();
    }
    Tab b("b");
    REQUIRE(b.has("restore.yes"));
    b.click("restore.yes");
    b.click("step.5");
    CHECK(b.widget("next_step.0").state.checked == 1);
    CHECK(b.widget("next_step.1").state.checked == 0);
    b.click("next_step.0");   // untick: saved as false, not dropped
    const std::optional<Portfolio> p = stored_portfolio();
    REQUIRE(p);
    CHECK(herreg::unknown_fields(*p)["checklist"].begin().value() == false);
}
