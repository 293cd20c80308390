// The quick what-ifs: planned activities and hours added to a copy of the portfolio.
#include "helpdesk/quick_whatif.h"

#include "input/input_error.h"
#include "text/number_format.h"
#include <cmath>

namespace herreg {
namespace {

void require_between(const char* field, double v, double lo, double hi) {
    if (!std::isfinite(v) || v < lo) throw InputError(field, Message{"json.too_small", {plain_number(lo), plain_number(v)}});
    if (v > hi) throw InputError(field, Message{"json.too_large", {plain_number(hi), plain_number(v)}});
}

}  // namespace

void add_planned_activities(Portfolio& p, const PlannedActivities& plan, const Date& check_date) {
    require_between("quick.count", plan.count, 1, kMaxQuickActivities);
    require_between("quick.points", plan.points, 0, kMaxPointsPerActivity);
    if (plan.category.empty()) throw InputError("quick.category", Message{"json.missing"});
    if (p.activities.size() + static_cast<size_t>(plan.count) > kMaxListEntries)
        throw InputError("activities", Message{"portfolio.too_many_entries",
                                               {std::to_string(kMaxListEntries), std::to_string(p.activities.size() + plan.count)}});
    // Spread over the days still to come, the last on `before`: a plan done at a steady pace.
    const long span = std::max(0L, days_between(check_date, plan.before));
    for (int i = 1; i <= plan.count; ++i) {
        Activity a;
        a.date = span == 0 ? plan.before : add_days(check_date, std::max(1L, span * i / plan.count));
        a.title = plan.count == 1 ? plan.title : plan.title + " " + std::to_string(i);
        a.category = plan.category;
        a.points = plan.points;
        a.accredited = plan.accredited;
        p.activities.push_back(std::move(a));
    }
}

void add_weekly_hours(Portfolio& p, double hours_per_week, const Date& from, const Date& to, bool reentry_plan) {
    require_between("quick.hours_per_week", hours_per_week, 0, 7 * kMaxHoursPerDay);
    if (to < from)
        throw InputError("quick.to", Message{"portfolio.ends_before_start", {to_iso(from), to_iso(to)}});
    if (p.hours.size() + 1 > kMaxListEntries)
        throw InputError("hours", Message{"portfolio.too_many_entries",
                                          {std::to_string(kMaxListEntries), std::to_string(p.hours.size() + 1)}});
    const long days = days_between(from, to) + 1;
    HoursEntry e;
    e.from = from;
    e.to = to;
    e.hours = std::round(hours_per_week * double(days) / 7.0);
    if (e.hours > 0) p.hours.push_back(std::move(e));
    if (reentry_plan) {
        std::optional<double>& hpw = p.application.hours_plan.hours_per_week;
        hpw = hpw.value_or(0) + hours_per_week;
    }
}

}  // namespace herreg
