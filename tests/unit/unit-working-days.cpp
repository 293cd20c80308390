#include "dates/working_days.h"

#include <doctest/doctest.h>

using namespace herreg;

TEST_CASE("Easter Sunday") {
    CHECK(easter_sunday(2024) == Date{2024, 3, 31});
    CHECK(easter_sunday(2025) == Date{2025, 4, 20});
    CHECK(easter_sunday(2026) == Date{2026, 4, 5});
    CHECK(easter_sunday(2027) == Date{2027, 3, 28});
    CHECK(easter_sunday(2038) == Date{2038, 4, 25});   // the latest possible date
}

TEST_CASE("Dutch public holidays") {
    CHECK(is_dutch_public_holiday(Date{2026, 4, 6}));     // Tweede Paasdag
    CHECK(is_dutch_public_holiday(Date{2026, 5, 14}));    // Hemelvaartsdag
    CHECK(is_dutch_public_holiday(Date{2026, 5, 25}));    // Tweede Pinksterdag
    CHECK(is_dutch_public_holiday(Date{2026, 4, 27}));    // Koningsdag (a Monday)
    CHECK(is_dutch_public_holiday(Date{2025, 4, 26}));    // 27 April 2025 is a Sunday
    CHECK_FALSE(is_dutch_public_holiday(Date{2025, 4, 27}));
    CHECK(is_dutch_public_holiday(Date{2025, 5, 5}));     // Bevrijdingsdag, lustrum year
    CHECK_FALSE(is_dutch_public_holiday(Date{2026, 5, 5}));
    CHECK_FALSE(is_dutch_public_holiday(Date{2026, 4, 3}));   // Goede Vrijdag is not a day off
    CHECK(dutch_public_holidays(2026).size() == 9);
    CHECK(dutch_public_holidays(2030).size() == 10);
}

TEST_CASE("adding working days skips weekends and holidays") {
    CHECK(add_working_days(Date{2026, 11, 20}, 1) == Date{2026, 11, 23});   // Friday -> Monday
    CHECK(add_working_days(Date{2026, 11, 23}, 0) == Date{2026, 11, 23});
    // Christmas 2026: Fri 25 and Sat 26 December; Thu 24 + 1 working day is Mon 28.
    CHECK(add_working_days(Date{2026, 12, 24}, 1) == Date{2026, 12, 28});
    // Easter 2026: Fri 3 April + 1 -> Tue 7 April (Monday is Tweede Paasdag).
    CHECK(add_working_days(Date{2026, 4, 3}, 1) == Date{2026, 4, 7});
    CHECK(add_working_days(Date{2026, 11, 22}, 15) == Date{2026, 12, 11});
}
