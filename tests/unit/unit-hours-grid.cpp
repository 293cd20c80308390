// The hours grid: one row per calendar year of the window, what was entered per year and
// what counts, adding up to the assessment's hours; editing a year's entry.
#include "assessment/counting.h"
#include "portfolio/hours_grid.h"
#include "test_support.h"

using namespace herreg;
using namespace herreg::test;

TEST_CASE("one row per calendar year the window touches, partial years clipped") {
    const Window w{Date{2021, 12, 1}, Date{2026, 12, 1}};
    Portfolio p = kp_portfolio();
    add_hours(p, 2021, 365);
    add_hours(p, 2023, 400);
    const auto rows = hours_by_year(p, w, add_days(w.to, -1));
    REQUIRE(rows.size() == 6);
    CHECK(rows[0].year == 2021);
    CHECK(rows[0].from == Date{2021, 12, 1});
    CHECK(rows[0].to == Date{2021, 12, 31});
    CHECK(rows[0].partial);
    CHECK(rows[0].entered == 365);                      // the whole year's entry, as typed
    CHECK(rows[0].counted == doctest::Approx(31));     // December only
    CHECK_FALSE(rows[2].partial);
    CHECK(rows[2].entered == 400);
    CHECK(rows[2].counted == 400);
    CHECK(rows[1].entered == 0);
    CHECK(rows[5].year == 2026);
    CHECK(rows[5].from == Date{2026, 1, 1});
    CHECK(rows[5].to == Date{2026, 11, 30});            // the window's end is exclusive
    CHECK(rows[5].partial);
}

TEST_CASE("a window ending on 1 January does not add a row for that year") {
    const auto rows = hours_by_year(kp_portfolio(), Window{Date{2022, 1, 1}, Date{2024, 1, 1}}, Date{2023, 12, 31});
    REQUIRE(rows.size() == 2);
    CHECK(rows[1].year == 2023);
    CHECK_FALSE(rows[1].partial);
    CHECK(hours_by_year(kp_portfolio(), Window{Date{2022, 1, 1}, Date{2022, 1, 1}}, Date{2021, 12, 31}).empty());
}

TEST_CASE("ranges count in the years they cover; the rows add up to count()") {
    const Window w{Date{2021, 12, 1}, Date{2026, 12, 1}};
    Portfolio p = kp_portfolio();
    for (int y = 2021; y <= 2026; ++y) add_hours(p, y, 400);
    // 2023-07-01 .. 2024-06-30: 184 days in 2023, 182 in 2024 (a leap year), 366 in all.
    p.hours.push_back({std::nullopt, Date{2023, 7, 1}, Date{2024, 6, 30}, 366});
    const auto rows = hours_by_year(p, w, add_days(w.to, -1));
    REQUIRE(rows.size() == 6);
    CHECK(rows[2].entered == 400);                     // the range is not "entered" per year
    CHECK(rows[2].counted == doctest::Approx(400 + 184));
    CHECK(rows[3].counted == doctest::Approx(400 + 182));
    double sum = 0;
    for (const auto& r : rows) sum += r.counted;
    const RuleSet& kp = *rulebook().find("kp", std::nullopt);
    CHECK(sum == doctest::Approx(count(p, kp, w, add_days(w.to, -1), add_days(w.to, -1)).hours));
}

TEST_CASE("setting a year's hours edits, adds in year order, and removes at zero") {
    Portfolio p = kp_portfolio();
    add_hours(p, 2022, 100);
    p.hours.push_back({std::nullopt, Date{2023, 1, 1}, Date{2023, 3, 31}, 50});
    add_hours(p, 2025, 300);

    set_year_hours(p, 2022, 150);
    REQUIRE(p.hours.size() == 3);
    CHECK(p.hours[0].hours == 150);

    set_year_hours(p, 2024, 200);   // between 2022 and 2025; the range stays where it was
    REQUIRE(p.hours.size() == 4);
    CHECK(p.hours[1].hours == 50);
    CHECK_FALSE(p.hours[1].year);
    CHECK(p.hours[2].year == 2024);
    CHECK(p.hours[2].from == Date{2024, 1, 1});   // as the portfolio reader fills a year entry
    CHECK(p.hours[2].to == Date{2024, 12, 31});
    CHECK(p.hours[3].year == 2025);

    set_year_hours(p, 2030, 10);
    CHECK(p.hours.back().year == 2030);
    set_year_hours(p, 2020, 10);
    CHECK(p.hours.front().year == 2020);

    set_year_hours(p, 2024, 0);
    CHECK(p.hours.size() == 5);
    for (const auto& h : p.hours) CHECK(h.year != 2024);
    set_year_hours(p, 2019, 0);     // nothing to remove: nothing happens
    CHECK(p.hours.size() == 5);

    // The range in 2023 is not a per-year entry: setting 2023 adds one next to it.
    set_year_hours(p, 2023, 80);
    CHECK(p.hours.size() == 6);
    const auto rows = hours_by_year(p, Window{Date{2023, 1, 1}, Date{2024, 1, 1}}, Date{2023, 12, 31});
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].entered == 80);
    CHECK(rows[0].counted == 130);

    // What is set survives writing and reading the portfolio.
    const Portfolio q = read_portfolio(write_portfolio(p));
    CHECK(write_portfolio(q) == write_portfolio(p));
}

TEST_CASE("a year entered twice becomes one entry when it is set") {
    Portfolio p = kp_portfolio();
    add_hours(p, 2022, 100);
    add_hours(p, 2022, 50);
    CHECK(hours_by_year(p, Window{Date{2022, 1, 1}, Date{2023, 1, 1}}, Date{2022, 12, 31})[0].entered == 150);
    set_year_hours(p, 2022, 120);
    REQUIRE(p.hours.size() == 1);
    CHECK(p.hours[0].hours == 120);
}

TEST_CASE("the grid counts as the assessment does on the check date: this year's figure so far, later hours planned") {
    Portfolio p = kp_portfolio();
    set_year_hours(p, 2026, 305);                                             // 1 Jan - 1 Nov 2026: 305 days
    p.hours.push_back({std::nullopt, Date{2026, 10, 23}, Date{2026, 11, 11}, 200});   // 20 days, 10 h each
    const Window w{Date{2021, 12, 1}, Date{2026, 12, 1}};
    const Date check{2026, 11, 1};
    const auto rows = hours_by_year(p, w, check);
    REQUIRE(rows.back().year == 2026);
    CHECK(rows.back().counted == doctest::Approx(305 + 100));   // all of the year's figure, 10 days of the range
    CHECK(rows.back().planned == doctest::Approx(100));
    double sum = 0;
    for (const auto& r : rows) sum += r.counted;
    const RuleSet& kp = *rulebook().find("kp", std::nullopt);
    CHECK(sum == doctest::Approx(count(p, kp, w, check, check).hours));
}
