#include "dates/working_days.h"

#include <algorithm>

namespace herreg {

Date easter_sunday(int year) {
    const int a = year % 19, b = year / 100, c = year % 100;
    const int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4, k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = (h + l - 7 * m + 114) % 31 + 1;
    return Date{year, month, day};
}

std::vector<Date> dutch_public_holidays(int year) {
    const Date easter = easter_sunday(year);
    Date kings{year, 4, 27};
    if (weekday(kings) == 6) kings = Date{year, 4, 26};
    std::vector<Date> days = {
        Date{year, 1, 1},
        easter,
        add_days(easter, 1),
        kings,
        add_days(easter, 39),   // Hemelvaartsdag
        add_days(easter, 49),   // Eerste Pinksterdag
        add_days(easter, 50),   // Tweede Pinksterdag
        Date{year, 12, 25},
        Date{year, 12, 26},
    };
    if (year % 5 == 0) days.push_back(Date{year, 5, 5});
    std::sort(days.begin(), days.end());
    return days;
}

bool is_dutch_public_holiday(const Date& d) {
    const auto days = dutch_public_holidays(d.y);
    return std::find(days.begin(), days.end(), d) != days.end();
}

bool is_working_day(const Date& d) { return weekday(d) < 5 && !is_dutch_public_holiday(d); }

Date add_working_days(const Date& d, int n) {
    Date cur = d;
    while (n > 0) {
        cur = add_days(cur, 1);
        if (is_working_day(cur)) --n;
    }
    return cur;
}

}  // namespace herreg
