#include "dates/civil_date.h"

#include <charconv>
#include <chrono>

namespace herreg {

namespace chr = std::chrono;

long Date::serial() const {
    const chr::year_month_day ymd{chr::year{y}, chr::month{unsigned(m)}, chr::day{unsigned(d)}};
    return long(chr::sys_days{ymd}.time_since_epoch().count());
}

Date Date::from_serial(long days) {
    const chr::year_month_day ymd{chr::sys_days{chr::days{days}}};
    return Date{int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day()))};
}

bool is_valid_date(int y, int m, int d) {
    if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
    return d <= days_in_month(y, m);
}

int days_in_month(int y, int m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return (m == 2 && leap) ? 29 : kDays[m - 1];
}

static bool parse_int(std::string_view s, int& out) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return std::from_chars(s.data(), s.data() + s.size(), out).ec == std::errc{};
}

std::optional<Date> parse_date(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
    int y = 0, m = 0, d = 0;
    if (!parse_int(t.substr(0, 4), y) || !parse_int(t.substr(5, 2), m) || !parse_int(t.substr(8, 2), d))
        return std::nullopt;
    if (!is_valid_date(y, m, d)) return std::nullopt;
    return Date{y, m, d};
}

static void put2(std::string& s, int v) {
    s += char('0' + v / 10);
    s += char('0' + v % 10);
}

std::optional<Date> parse_typed_date(std::string_view s) {
    if (auto d = parse_date(s)) return d;
    const size_t a = s.find_first_of("-/.");
    if (a == std::string_view::npos) return std::nullopt;
    const char sep = s[a];
    const size_t b = s.find(sep, a + 1);
    if (b == std::string_view::npos) return std::nullopt;
    const std::string_view ds = s.substr(0, a), ms = s.substr(a + 1, b - a - 1), ys = s.substr(b + 1);
    if (ds.empty() || ms.empty() || ds.size() > 2 || ms.size() > 2 || ys.size() != 4) return std::nullopt;
    auto number = [](std::string_view digits) {
        int n = 0;
        for (char c : digits) {
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n;
    };
    const int d = number(ds), m = number(ms), y = number(ys);
    if (y < 1900 || y > 2200 || !is_valid_date(y, m, d)) return std::nullopt;
    return Date{y, m, d};
}

std::string to_iso(const Date& d) {
    std::string s = std::to_string(d.y);
    s += '-';
    put2(s, d.m);
    s += '-';
    put2(s, d.d);
    return s;
}

std::string to_dutch(const Date& d) {
    std::string s;
    put2(s, d.d);
    s += '-';
    put2(s, d.m);
    s += '-';
    s += std::to_string(d.y);
    return s;
}

Date add_days(const Date& d, long n) { return Date::from_serial(d.serial() + n); }

Date add_months(const Date& d, int n) {
    int total = d.y * 12 + (d.m - 1) + n;
    // Floor division: before year 0 (a rules file's period of thousands of years, going back
    // from the check date) `/` and `%` round towards zero, and m came out 0 or negative, an
    // index before kDays (found by tests/fuzz).
    int y = total / 12, m = total % 12 + 1;
    if (m < 1) y -= 1, m += 12;
    int day = d.d;
    if (day > days_in_month(y, m)) day = days_in_month(y, m);
    return Date{y, m, day};
}

Date add_years(const Date& d, int n) { return add_months(d, 12 * n); }

long days_between(const Date& from, const Date& to) { return to.serial() - from.serial(); }

int whole_months_between(const Date& from, const Date& to) {
    if (to < from) return -whole_months_between(to, from);
    int months = (to.y - from.y) * 12 + (to.m - from.m);
    // Not a whole month yet when the day of month has not come round again;
    // add_months clamps, so 01-31 -> 02-28 counts as one month.
    if (add_months(from, months) > to) --months;
    return months;
}

int weekday(const Date& d) {
    // 1970-01-01 was a Thursday (index 3 with Monday = 0).
    long w = (d.serial() + 3) % 7;
    return int(w < 0 ? w + 7 : w);
}

}  // namespace herreg
