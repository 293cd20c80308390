// The activities table: stable sorting by any column, and the per-kind yearly caps shown
// under it, which must agree with what the assessment counts.
#include "portfolio/activity_table.h"
#include "assessment/counting.h"
#include "test_support.h"

using namespace herreg;
using namespace herreg::test;

namespace {
const RuleSet& nvvpo() { return *rulebook().find("nvvpo", std::nullopt); }

Activity act(Date d, std::string title, std::string category, double points, bool accredited = false,
             std::optional<std::string> kind = std::nullopt) {
    Activity a;
    a.date = d;
    a.title = std::move(title);
    a.provider = "P";
    a.category = std::move(category);
    a.points = points;
    a.accredited = accredited;
    a.kind = std::move(kind);
    return a;
}
}  // namespace

TEST_CASE("sorting is stable in both directions") {
    const std::vector<Activity> as = {
        act(Date{2023, 5, 1}, "beta", "overige", 4),
        act(Date{2022, 1, 1}, "Alfa", "bij_en_nascholing", 4, true),
        act(Date{2024, 1, 1}, "gamma", "overige", 2),
        act(Date{2022, 1, 1}, "alfa", "overige", 8, true),
    };
    using V = std::vector<std::size_t>;
    CHECK(sorted_order(as, ActivityColumn::date, true) == V{1, 3, 0, 2});
    CHECK(sorted_order(as, ActivityColumn::date, false) == V{2, 0, 1, 3});    // equal dates keep entry order
    CHECK(sorted_order(as, ActivityColumn::title, true) == V{1, 3, 0, 2});    // "Alfa" and "alfa" are equal
    CHECK(sorted_order(as, ActivityColumn::title, false) == V{2, 0, 1, 3});
    CHECK(sorted_order(as, ActivityColumn::points, true) == V{2, 0, 1, 3});
    CHECK(sorted_order(as, ActivityColumn::points, false) == V{3, 0, 1, 2});
    CHECK(sorted_order(as, ActivityColumn::category, true) == V{1, 0, 2, 3});
    CHECK(sorted_order(as, ActivityColumn::accredited, false) == V{1, 3, 0, 2});
    CHECK(sorted_order(as, ActivityColumn::provider, true) == V{0, 1, 2, 3});
    CHECK(sorted_order({}, ActivityColumn::date, true).empty());
}

TEST_CASE("sorting by kind puts activities without one first") {
    const std::vector<Activity> as = {
        act(Date{2023, 1, 1}, "a", "dba", 1, false, "werkgroep_astma_copd"),
        act(Date{2023, 1, 1}, "b", "dba", 1),
        act(Date{2023, 1, 1}, "c", "dba", 1, false, "poh_overleg"),
    };
    CHECK(sorted_order(as, ActivityColumn::kind, true) == std::vector<std::size_t>{1, 2, 0});
}

TEST_CASE("cap use per kind and calendar year inside the window") {
    const Window w{Date{2021, 12, 1}, Date{2026, 12, 1}};
    Portfolio p = kp_portfolio();
    p.register_id = "nvvpo";
    for (int m = 1; m <= 6; ++m) add_activity(p, Date{2023, m, 10}, "dba", 1, false, "poh_overleg");
    add_activity(p, Date{2024, 2, 1}, "dba", 2.5, false, "poh_overleg");
    p.activities.back().meetings = 3;   // 1 point per meeting: three meetings allow the 2.5
    add_activity(p, Date{2024, 3, 1}, "dba", 3, false, "werkgroep_astma_copd");
    p.activities.back().meetings = 3;
    add_activity(p, Date{2021, 6, 1}, "dba", 3, false, "poh_overleg");   // before the window
    add_activity(p, Date{2024, 3, 1}, "bij_en_nascholing", 40, true);    // no kind

    const auto uses = cap_use(p, nvvpo(), w);
    REQUIRE(uses.size() == 3);
    // In the order of the register's kinds, then by year.
    CHECK(uses[0].kind == "werkgroep_astma_copd");
    CHECK(uses[0].year == 2024);
    CHECK(uses[0].entered == 3);
    CHECK(uses[0].counted == 3);
    CHECK(uses[1].kind == "poh_overleg");
    CHECK(uses[1].year == 2023);
    CHECK(uses[1].entered == 6);
    CHECK(uses[1].cap == 4);
    CHECK(uses[1].counted == 4);
    CHECK(uses[2].year == 2024);
    CHECK(uses[2].entered == 2.5);
    CHECK(uses[2].counted == 2.5);

    CHECK(cap_use(p, *rulebook().find("kp", std::nullopt), w).empty());   // KP has no capped kinds
}

TEST_CASE("the counted points of a kind are what the assessment counts") {
    const Window w{Date{2021, 12, 1}, Date{2026, 12, 1}};
    Portfolio p = kp_portfolio();
    p.register_id = "nvvpo";
    // Uneven points across years and a meeting that only partly fits under the cap.
    const double points[] = {1, 2, 1.5, 3, 0.5, 1, 4, 2};
    const Date dates[] = {Date{2022, 12, 31}, Date{2022, 3, 1}, Date{2022, 6, 1}, Date{2023, 1, 1},
                          Date{2023, 2, 1},  Date{2025, 5, 5}, Date{2025, 1, 1}, Date{2026, 11, 30}};
    for (int i = 0; i < 8; ++i) {
        add_activity(p, dates[i], "dba", points[i], false, "poh_overleg");
        p.activities.back().meetings = 4;
        p.activities.back().meeting_hours = 2;
    }
    double counted = 0;
    for (const auto& u : cap_use(p, nvvpo(), w)) counted += u.counted;
    const Tally t = count(p, nvvpo(), w, add_days(w.to, -1), add_days(w.to, -1));
    CHECK(counted == doctest::Approx(t.points_by_category.at("dba")));
    CHECK(counted == doctest::Approx(4 + 3.5 + 4 + 2));
}

TEST_CASE("a kind counted per meeting: points per meeting, the minimum length, and the cap after them") {
    const Window w{Date{2021, 12, 1}, Date{2026, 12, 1}};
    Portfolio p = kp_portfolio();
    p.register_id = "nvvpo";
    add_activity(p, Date{2023, 1, 10}, "dba", 3, false, "werkgroep_astma_copd");   // one meeting: 1 point
    add_activity(p, Date{2023, 2, 10}, "dba", 2, false, "werkgroep_astma_copd");
    p.activities.back().meetings = 2;                                            // two meetings: both count
    add_activity(p, Date{2023, 3, 10}, "dba", 1, false, "poh_overleg");
    p.activities.back().meeting_hours = 1.5;                                     // too short: nothing
    add_activity(p, Date{2023, 4, 10}, "dba", 1, false, "poh_overleg");          // length not given: counts, reported
    add_activity(p, Date{2023, 5, 10}, "dba", 1, false, "poh_overleg");
    p.activities.back().meeting_hours = 2;                                       // exactly the minimum: counts

    const Date last = add_days(w.to, -1);
    const Tally t = count(p, nvvpo(), w, last, last);
    CHECK(t.points_by_category.at("dba") == doctest::Approx(1 + 2 + 0 + 1 + 1));
    CHECK(t.points_over_meeting_rate == doctest::Approx(2));
    CHECK(t.points_meetings_too_short == doctest::Approx(1));
    CHECK(t.meetings_length_unknown == 1);
    double counted = 0;
    for (const auto& u : cap_use(p, nvvpo(), w)) counted += u.counted;
    CHECK(counted == doctest::Approx(t.points_by_category.at("dba")));
}
