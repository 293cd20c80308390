// Two tabs, one storage, through the real app on the native stand-in: they never overwrite
// each other silently. The tab whose save was overtaken stops autosaving and asks (load the
// other tab's version, keep mine and save it, download mine), each way checked for what it
// does to the storage and the tab; a tab with nothing of its own asks the restore question
// instead. (ui/autosave_guard.h has the rules; app/autosave.cpp applies them.)
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "app_driver.h"
#include "portfolio/portfolio.h"
#include "ui/strings.h"

namespace platform = herreg::platform;
namespace ui = herreg::ui;
using herreg::Portfolio;
using herreg::ReadMode;
using herreg::read_portfolio;
using herreg::test::iso;
using herreg::test::stored_portfolio;
using herreg::test::Tab;

namespace {

// The conflict banner's first line, as the mirror gives it to screen readers.
bool asks(Tab& tab) {
    return tab.mirror().find(ui::strings(ui::Lang::nl).tabs_changed) != std::string::npos;
}

}  // namespace

TEST_CASE("two tabs: the overtaken tab stops autosaving and asks; each way on does what it says") {
    herreg::test::fresh_browser();

    // C opens first, on an empty storage: it has nothing of its own. Then A starts entering.
    Tab c("c");
    Tab a("a");
    a.to_dates();
    a.type("period_start", "01-12-2021");
    a.blur();
    std::optional<Portfolio> p = stored_portfolio();
    REQUIRE(p);
    CHECK(iso(p->registration.period_start) == "2021-12-01");

    // C, untouched, claims no conflict: it offers A's data at the restore question.
    c.frames(2);
    CHECK(c.has("restore.yes"));
    CHECK_FALSE(asks(c));
    c.close();

    // B restores A's data and is now writing too.
    Tab b("b");
    b.click("restore.yes");
    CHECK(b.has("period_start"));
    CHECK_FALSE(asks(b));

    // A changes something: B's save is overtaken.
    a.type("check_date", "22-11-2026");
    a.blur();
    p = stored_portfolio();
    REQUIRE(p);
    CHECK(iso(p->check_date) == "2026-11-22");
    CHECK_FALSE(asks(a));
    b.frames(2);
    CHECK(asks(b));
    CHECK(b.has("tabs.load_theirs"));
    CHECK(b.has("tabs.keep_mine"));
    CHECK(b.has("tabs.download_mine"));

    // B types on: none of it reaches the storage; A's version stays.
    const auto before_b_typed = platform::storage_snapshot();
    b.type("last_worked", "31-10-2026");
    b.blur();
    CHECK(platform::storage_snapshot() == before_b_typed);

    // "Download mine": B's own data, not A's; B still asks.
    const Portfolio mine = read_portfolio(b.download("tabs.download_mine"), ReadMode::draft);
    CHECK(iso(mine.last_worked) == "2026-10-31");
    CHECK(iso(mine.check_date) == "");
    CHECK(asks(b));

    // "Keep mine": B's version becomes the autosave, at once; now A is asked.
    b.click("tabs.keep_mine");
    p = stored_portfolio();
    REQUIRE(p);
    CHECK(iso(p->last_worked) == "2026-10-31");
    CHECK(iso(p->check_date) == "");   // B's version whole, not mixed with A's
    CHECK_FALSE(asks(b));
    a.frames(2);
    CHECK(asks(a));

    // "Load the other tab's version" in A: A holds B's data; the storage is left as it is.
    const auto kept = platform::storage_snapshot();
    a.click("tabs.load_theirs");
    CHECK_FALSE(asks(a));
    const Portfolio in_a = read_portfolio(a.save_file(), ReadMode::draft);
    CHECK(iso(in_a.last_worked) == "2026-10-31");
    CHECK(iso(in_a.check_date) == "");
    CHECK(platform::storage_snapshot() == kept);

    // A writes again (it holds B's version now and changes it), and B is asked in turn.
    a.type("check_date", "01-11-2026");
    a.blur();
    p = stored_portfolio();
    REQUIRE(p);
    CHECK(iso(p->check_date) == "2026-11-01");
    CHECK(iso(p->last_worked) == "2026-10-31");
    b.frames(2);
    CHECK(asks(b));
}

// Chromium brings another tab's write to a page key by key, each key's new value with its
// event: the stamp came first (app/autosave.cpp writes it first) while the portfolio still
// showed this tab's data, and the overtaken tab took the write for its own and never asked.
TEST_CASE("two tabs: another tab's save seen key by key still makes the overtaken tab ask") {
    herreg::test::fresh_browser();
    platform::deliver_storage_changes_one_by_one(true);
    Tab a("a");
    a.to_dates();
    a.type("period_start", "01-12-2021");
    a.blur();
    Tab b("b");
    b.click("restore.yes");
    CHECK(b.has("period_start"));
    CHECK_FALSE(asks(b));

    a.type("check_date", "22-11-2026");
    a.blur();
    b.frames(4);   // a key a frame
    CHECK(asks(b));

    // Nothing of B's reaches the storage while it asks.
    const auto before_b_typed = platform::storage_snapshot();
    b.type("last_worked", "31-10-2026");
    b.blur();
    CHECK(platform::storage_snapshot() == before_b_typed);
    platform::deliver_storage_changes_one_by_one(false);
}

