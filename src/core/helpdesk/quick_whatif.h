// The helpdesk's quick what-ifs: the changes a member asks about on the phone ("and if I do
// three courses of 8 points before June?", "and if I work 10 hours a week more?", "and if you
// check on 1 March?"), each made to a copy of the portfolio in one step instead of field by
// field. They add what a member would enter once it is done: activities and hours dated
// after the check date are planned, and counted as the plan counts them (plan_coverage.h).
#pragma once
#include "portfolio/portfolio.h"

#include <string>

namespace herreg {

struct PlannedActivities {
    int count = 1;          // 1 .. kMaxQuickActivities
    double points = 0;      // each
    std::string category;   // as the register names it
    bool accredited = true;
    Date before;            // the last of them on this day
    std::string title;      // each gets "title 1", "title 2", ... when there are several
};
inline constexpr int kMaxQuickActivities = 50;

// Adds `plan.count` activities spread evenly over the days after `check_date` up to
// `plan.before` (all on `before` when it is not after the check date). Throws InputError
// naming the quick what-if's field for a count, points or date out of range.
void add_planned_activities(Portfolio& p, const PlannedActivities& plan, const Date& check_date);

// Adds `hours_per_week` more hours from `from` to `to` (inclusive) as one hours entry, and,
// when the portfolio's application has an hours plan for a re-entry (`reentry_plan`), as many
// hours a week more in that plan. Throws InputError for a range that is reversed, hours a week
// that are not between 0 and 7 x 24, or hours that would not fit the days.
void add_weekly_hours(Portfolio& p, double hours_per_week, const Date& from, const Date& to, bool reentry_plan);

}  // namespace herreg
