#include "assessment/counting.h"

#include <algorithm>
#include <numeric>

namespace herreg {

double hours_in_window(const HoursEntry& e, const Window& w) {
    const long entry_days = days_between(e.from, e.to) + 1;
    const Date lo = std::max(e.from, w.from);
    const Date hi_exclusive = std::min(add_days(e.to, 1), w.to);
    const long inside = days_between(lo, hi_exclusive);
    if (inside <= 0 || entry_days <= 0) return 0;
    if (inside >= entry_days) return e.hours;
    return e.hours * double(inside) / double(entry_days);
}

bool is_year_so_far(const HoursEntry& e, const Date& check_date) {
    return e.year && *e.year == check_date.y && e.from == Date{check_date.y, 1, 1} &&
           e.to == Date{check_date.y, 12, 31};
}

HoursEntry as_worked(const HoursEntry& e, const Date& check_date) {
    HoursEntry worked = e;
    if (is_year_so_far(e, check_date)) worked.to = check_date;
    return worked;
}

Countable countable(const Activity& a, const KindDef* kind) {
    Countable c;
    c.points = a.points;
    if (!kind) return c;
    if (kind->min_meeting_hours.known()) {
        if (!a.meeting_hours) {
            c.length_unknown = true;
        } else if (*a.meeting_hours + 1e-9 < *kind->min_meeting_hours.value) {
            c.too_short = c.points;
            c.points = 0;
            return c;
        }
    }
    if (kind->points_per_meeting.known()) {
        const double most = *kind->points_per_meeting.value * a.meeting_count();
        if (c.points > most) {
            c.over_meeting_rate = c.points - most;
            c.points = most;
        }
    }
    return c;
}

Tally count(const Portfolio& p, const RuleSet& rs, const Window& w, const Date& check_date, const Date& up_to) {
    Tally t;
    // Hours are spread over the days an entry covers; only the days up to `up_to` count.
    const Window days{w.from, std::min(w.to, add_days(up_to, 1))};
    for (const auto& entered : p.hours) {
        const HoursEntry h = as_worked(entered, check_date);
        const double inside = hours_in_window(h, days);
        if (inside <= 0) continue;
        t.hours += inside;
        const Date lo = std::max(h.from, days.from), hi = std::min(h.to, add_days(days.to, -1));
        if (!t.first_hours_day || lo < *t.first_hours_day) t.first_hours_day = lo;
        if (!t.last_hours_day || hi > *t.last_hours_day) t.last_hours_day = hi;
    }

    // Caps apply in date order: the first meetings of a year count, later ones
    // stop counting once the year's cap is reached. Sort indices, not copies.
    // Only registers with capped kinds need date order; skip the sort for the rest.
    std::vector<size_t> order(p.activities.size());
    std::iota(order.begin(), order.end(), size_t{0});
    if (!rs.kinds.empty())
        std::stable_sort(order.begin(), order.end(),
                         [&](size_t a, size_t b) { return p.activities[a].date < p.activities[b].date; });
    std::map<std::pair<std::string, int>, double> used_cap;   // (kind, year) -> points counted

    for (size_t i : order) {
        const Activity& a = p.activities[i];
        if (!w.contains(a.date) || is_planned(a, up_to)) continue;
        const KindDef* k = a.kind ? rs.kind(*a.kind) : nullptr;
        const Countable c = countable(a, k);
        double pts = c.points;
        t.points_over_meeting_rate += c.over_meeting_rate;
        t.points_meetings_too_short += c.too_short;
        if (c.length_unknown) ++t.meetings_length_unknown;
        {
            if (k && k->cap_per_year.known()) {
                double& used = used_cap[{k->id, a.date.y}];
                const double room = std::max(0.0, *k->cap_per_year.value - used);
                const double counted = std::min(pts, room);
                t.points_capped_away += pts - counted;
                used += counted;
                pts = counted;
            }
        }
        t.points_total += pts;
        t.points_by_category[a.category] += pts;
        if (a.accredited) {
            t.points_accredited += pts;
        } else {
            t.points_non_accredited += pts;
            t.non_accredited_by_category[a.category] += pts;
        }
    }
    return t;
}

}  // namespace herreg
