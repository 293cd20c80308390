// Two tabs, one autosave (src/ui/autosave_guard.h): two guards share one simulated
// localStorage, and each save goes the way app/autosave.cpp's write() does it: look at the stamp in
// storage, write only when no other tab wrote since, then stamp the write.
#include "ui/autosave_guard.h"

#include <doctest/doctest.h>

#include <optional>
#include <set>
#include <string>

using herreg::ui::AutosaveGuard;
using Outcome = AutosaveGuard::Outcome;

namespace {

struct Storage {   // herreg.portfolio and herreg.portfolio.stamp
    std::optional<std::string> data, stamp;
};

// app/autosave.cpp's write: false when the guard stops it (the storage is left alone).
bool save(AutosaveGuard& tab, Storage& storage, const std::string& data) {
    if (tab.observe(storage.stamp, true) == Outcome::conflict) return false;
    storage.data = data;
    const std::string stamp = tab.next_stamp();
    storage.stamp = stamp;
    tab.wrote(stamp);
    return true;
}

AutosaveGuard tab(const char* id, const Storage& storage) {
    AutosaveGuard g;
    g.set_tab_id(id);
    g.adopt(storage.stamp);   // what main.cpp does at start
    return g;
}

}  // namespace

TEST_CASE("autosave guard: one tab saves as often as it likes") {
    Storage storage;
    AutosaveGuard a = tab("a", storage);
    for (int i = 0; i < 5; ++i) CHECK(save(a, storage, "v" + std::to_string(i)));
    CHECK(storage.data == "v4");
    CHECK_FALSE(a.conflict());
    CHECK(a.observe(storage.stamp, true) == Outcome::unchanged);
}

TEST_CASE("autosave guard: an autosave without a stamp (older herreg) is taken over without a fuss") {
    Storage storage{"old", std::nullopt};
    AutosaveGuard a = tab("a", storage);
    CHECK(save(a, storage, "new"));
    CHECK(storage.stamp == "a.1");
}

TEST_CASE("autosave guard: two writing tabs never overwrite each other silently") {
    Storage storage{"start", std::nullopt};
    AutosaveGuard a = tab("a", storage), b = tab("b", storage);
    REQUIRE(save(a, storage, "A1"));

    // B hears of it (the storage event) and stops.
    CHECK(b.observe(storage.stamp, true) == Outcome::conflict);
    CHECK(b.conflict());
    CHECK_FALSE(save(b, storage, "B1"));
    CHECK(storage.data == "A1");

    // Even without the event (a frozen tab): the check before the write catches it.
    AutosaveGuard c = tab("c", Storage{"start", std::nullopt});
    CHECK_FALSE(save(c, storage, "C1"));
    CHECK(storage.data == "A1");

    // A goes on saving: B stays stopped until the user chooses.
    CHECK(save(a, storage, "A2"));
    CHECK(b.observe(storage.stamp, true) == Outcome::conflict);
    CHECK_FALSE(save(b, storage, "B2"));
    CHECK(storage.data == "A2");
}

TEST_CASE("autosave guard: a conflict lasts until the user resolves it") {
    Storage storage;
    AutosaveGuard a = tab("a", storage), b = tab("b", storage);
    REQUIRE(save(a, storage, "A1"));
    REQUIRE(b.observe(storage.stamp, true) == Outcome::conflict);
    // Storage going back to what B knew does not end it either: B's user has not chosen yet.
    storage.stamp.reset();
    CHECK(b.observe(storage.stamp, true) == Outcome::conflict);
    CHECK(b.observe(storage.stamp, false) == Outcome::conflict);
}

TEST_CASE("autosave guard: 'load the other tab's version' adopts it; B saves again, now A is asked") {
    Storage storage;
    AutosaveGuard a = tab("a", storage), b = tab("b", storage);
    REQUIRE(save(a, storage, "A1"));
    REQUIRE(b.observe(storage.stamp, true) == Outcome::conflict);
    b.adopt(storage.stamp);   // B loaded A1
    CHECK_FALSE(b.conflict());
    CHECK(save(b, storage, "A1+B"));
    CHECK(a.observe(storage.stamp, true) == Outcome::conflict);
    CHECK_FALSE(save(a, storage, "A2"));
    CHECK(storage.data == "A1+B");
}

TEST_CASE("autosave guard: 'keep mine' writes at once, once, and the other tab is asked in turn") {
    Storage storage;
    AutosaveGuard a = tab("a", storage), b = tab("b", storage);
    REQUIRE(save(a, storage, "A1"));
    REQUIRE(b.observe(storage.stamp, true) == Outcome::conflict);
    CHECK_FALSE(b.take_write_request());
    b.keep_mine(storage.stamp);
    CHECK_FALSE(b.conflict());
    CHECK(b.take_write_request());
    CHECK_FALSE(b.take_write_request());   // one write, not one per frame
    CHECK(save(b, storage, "B1"));
    CHECK(storage.data == "B1");
    CHECK(a.observe(storage.stamp, true) == Outcome::conflict);
}

TEST_CASE("autosave guard: 'keep mine' on a stale view of storage is stopped again") {
    Storage storage;
    AutosaveGuard a = tab("a", storage), b = tab("b", storage);
    REQUIRE(save(a, storage, "A1"));
    const auto seen = storage.stamp;   // what B saw when its user clicked
    REQUIRE(save(a, storage, "A2"));   // A wrote again before B's write came
    b.keep_mine(seen);
    CHECK_FALSE(save(b, storage, "B1"));
    CHECK(storage.data == "A2");
    CHECK(b.conflict());
}

TEST_CASE("autosave guard: a tab that does not write (restore question open, data from the address) only takes note") {
    Storage storage{"old", std::nullopt};
    AutosaveGuard a = tab("a", storage), b = tab("b", storage);
    REQUIRE(save(a, storage, "A1"));
    CHECK(b.observe(storage.stamp, false) == Outcome::followed);
    CHECK_FALSE(b.conflict());
    CHECK(b.known() == storage.stamp);
    CHECK(b.observe(storage.stamp, false) == Outcome::unchanged);
    // B's user then restores (A1) and changes something: B may write, and A is asked.
    CHECK(save(b, storage, "A1+B"));
    CHECK(a.observe(storage.stamp, true) == Outcome::conflict);
}

TEST_CASE("autosave guard: another tab writing exactly this tab's data (a restore there) is no conflict") {
    Storage storage;
    AutosaveGuard a = tab("a", storage), b = tab("b", storage);
    REQUIRE(save(a, storage, "A1"));
    CHECK(b.observe(storage.stamp, true, true) == Outcome::followed);
    CHECK_FALSE(b.conflict());
    CHECK(save(b, storage, "A1+B"));
    // Different data is a conflict, whatever came before.
    CHECK(a.observe(storage.stamp, true, false) == Outcome::conflict);
    CHECK(a.observe(storage.stamp, true, true) == Outcome::conflict);   // stays until resolved
}

TEST_CASE("autosave guard: 'clear everything' in one tab: it saves again, the other tab is asked") {
    Storage storage;
    AutosaveGuard a = tab("a", storage), b = tab("b", storage);
    REQUIRE(save(a, storage, "A1"));
    REQUIRE(b.observe(storage.stamp, false) == Outcome::followed);
    storage = {};         // A clears: both keys removed ...
    a.adopt(std::nullopt);   // ... and A knows it
    CHECK(b.observe(storage.stamp, true) == Outcome::conflict);
    CHECK(save(a, storage, "A-new"));
}

TEST_CASE("autosave guard: stamps name their tab and never repeat") {
    AutosaveGuard a, b;
    a.set_tab_id("3f9c");
    b.set_tab_id("77aa");
    std::set<std::string> seen;
    for (int i = 0; i < 50; ++i) {
        const std::string sa = a.next_stamp(), sb = b.next_stamp();
        CHECK(sa.rfind("3f9c.", 0) == 0);
        CHECK(sb.rfind("77aa.", 0) == 0);
        CHECK(seen.insert(sa).second);
        CHECK(seen.insert(sb).second);
    }
}
