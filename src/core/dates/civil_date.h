// Civil dates: a day in the proleptic Gregorian calendar, no time, no zone.
// Everything herreg counts (registration periods, windows, deadlines) is a whole day,
// so a date is just a day number with calendar helpers around it.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace herreg {

struct Date {
    int y = 1970, m = 1, d = 1;

    // Days since 1970-01-01 (negative before). Cheap to compare and subtract.
    long serial() const;
    static Date from_serial(long days);

    // Field order is calendar order for valid dates: compare without converting.
    friend bool operator==(const Date&, const Date&) = default;
    friend auto operator<=>(const Date&, const Date&) = default;
};

// "2026-11-22" -> Date. Strict: exactly YYYY-MM-DD, a real day, year 1900..2200
// (a typo like 20266 should be caught, not carried into a deadline).
std::optional<Date> parse_date(std::string_view text);
// A date as people type it: ISO 2024-01-31, or the Dutch order 31-01-2024 / 31/01/2024 /
// 31.01.2024 with one- or two-digit day and month (Excel writes 1-2-2024). Same year range.
std::optional<Date> parse_typed_date(std::string_view text);
std::string to_iso(const Date& d);        // 2026-11-22
std::string to_dutch(const Date& d);      // 22-11-2026, how people type and read dates here (both UI languages)

bool is_valid_date(int y, int m, int d);
int days_in_month(int y, int m);

Date add_days(const Date& d, long n);
// Adding months keeps the day of month, clamped to the month's end:
// 2024-01-31 + 1 month = 2024-02-29. This is how registers count "5 years later".
Date add_months(const Date& d, int n);
Date add_years(const Date& d, int n);
long days_between(const Date& from, const Date& to);   // to - from
// Whole months from `from` to `to` (negative if to < from): 2021-03-15 .. 2021-05-14 is 1.
int whole_months_between(const Date& from, const Date& to);

int weekday(const Date& d);   // 0 = Monday .. 6 = Sunday

}  // namespace herreg
