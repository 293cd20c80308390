#include "dates/civil_date.h"

#include <doctest/doctest.h>

using namespace herreg;

TEST_CASE("parse_date accepts real days and rejects the rest") {
    CHECK(parse_date("2026-11-22") == Date{2026, 11, 22});
    CHECK(parse_date("2024-02-29") == Date{2024, 2, 29});
    CHECK_FALSE(parse_date("2026-02-29"));   // not a leap year
    CHECK_FALSE(parse_date("2026-02-30"));
    CHECK_FALSE(parse_date("2026-13-01"));
    CHECK_FALSE(parse_date("2026-00-10"));
    CHECK_FALSE(parse_date("2026-1-01"));
    CHECK_FALSE(parse_date("22-11-2026"));
    CHECK_FALSE(parse_date("2026-11-22T00:00"));
    CHECK_FALSE(parse_date(""));
    CHECK_FALSE(parse_date("1899-12-31"));   // outside the sane range
    CHECK_FALSE(parse_date("2201-01-01"));
    CHECK(parse_date("1900-02-28"));
    CHECK_FALSE(parse_date("1900-02-29"));   // century rule
    CHECK(parse_date("2000-02-29"));         // 400-year rule
}

TEST_CASE("printing in ISO and Dutch order") {
    CHECK(to_iso(Date{2026, 3, 7}) == "2026-03-07");
    CHECK(to_dutch(Date{2026, 3, 7}) == "07-03-2026");
}

TEST_CASE("serial numbers round-trip and order") {
    CHECK(Date{1970, 1, 1}.serial() == 0);
    CHECK(Date{1969, 12, 31}.serial() == -1);
    for (long s : {-25000L, -1L, 0L, 1L, 19000L, 60000L}) CHECK(Date::from_serial(s).serial() == s);
    CHECK(Date{2026, 1, 1} < Date{2026, 1, 2});
    CHECK(days_between(Date{2024, 1, 1}, Date{2025, 1, 1}) == 366);
}

TEST_CASE("adding months clamps to the end of the month") {
    CHECK(add_months(Date{2024, 1, 31}, 1) == Date{2024, 2, 29});
    CHECK(add_months(Date{2023, 1, 31}, 1) == Date{2023, 2, 28});
    CHECK(add_months(Date{2026, 12, 1}, 2) == Date{2027, 2, 1});
    CHECK(add_months(Date{2026, 3, 31}, -1) == Date{2026, 2, 28});
    CHECK(add_months(Date{2026, 1, 15}, -13) == Date{2024, 12, 15});
    CHECK(add_years(Date{2024, 2, 29}, 1) == Date{2025, 2, 28});
    CHECK(add_years(Date{2021, 12, 1}, 5) == Date{2026, 12, 1});
    CHECK(add_days(Date{2027, 12, 1}, -42) == Date{2027, 10, 20});
}

TEST_CASE("whole months between dates") {
    CHECK(whole_months_between(Date{2021, 3, 15}, Date{2021, 5, 14}) == 1);
    CHECK(whole_months_between(Date{2021, 3, 15}, Date{2021, 5, 15}) == 2);
    CHECK(whole_months_between(Date{2020, 1, 31}, Date{2020, 2, 29}) == 1);
    CHECK(whole_months_between(Date{2020, 1, 31}, Date{2020, 2, 28}) == 0);
    CHECK(whole_months_between(Date{2021, 11, 22}, Date{2026, 11, 22}) == 60);
    CHECK(whole_months_between(Date{2021, 11, 23}, Date{2026, 11, 22}) == 59);
    CHECK(whole_months_between(Date{2026, 5, 1}, Date{2026, 1, 1}) == -4);
}

TEST_CASE("weekday") {
    CHECK(weekday(Date{2026, 11, 23}) == 0);   // a Monday
    CHECK(weekday(Date{2026, 11, 22}) == 6);   // a Sunday
    CHECK(weekday(Date{1970, 1, 1}) == 3);
}

TEST_CASE("parse_typed_date reads ISO and the Dutch order, strictly") {
    CHECK(parse_typed_date("2026-11-22") == Date{2026, 11, 22});
    CHECK(parse_typed_date("22-11-2026") == Date{2026, 11, 22});
    CHECK(parse_typed_date("1/2/2024") == Date{2024, 2, 1});
    CHECK(parse_typed_date("29.02.2024") == Date{2024, 2, 29});
    CHECK_FALSE(parse_typed_date("29-02-2026"));    // not a leap year
    CHECK_FALSE(parse_typed_date("22-11/2026"));    // mixed separators
    CHECK_FALSE(parse_typed_date("22-11-26"));      // two-digit year: ambiguous
    CHECK_FALSE(parse_typed_date("22-11-1850"));    // outside 1900..2200, as parse_date
    CHECK_FALSE(parse_typed_date("-11-2026"));
    CHECK_FALSE(parse_typed_date("2a-11-2026"));
    CHECK_FALSE(parse_typed_date(""));
}
