// What the member's plan brings against what is missing: the planned activities per point
// criterion, and the planned hours of a re-entry plan. Planned work is what lies after the
// check date; an assessor accepts it as part of the plan only when it is done and proven by
// the proof date (001 §1.3), so points planned later, in another category or not accredited
// leave their gap open. The pre-check (application_check.h), the result page and the
// comparison of two scenarios (scenario_compare.h) all read it from here.
#pragma once
#include "forms/application.h"
#include "assessment/assessment.h"

#include <optional>
#include <string>
#include <vector>

namespace herreg {

// Per point criterion short today: what is missing and what the plan brings in.
struct PlanCoverage {
    std::string criterion;   // points_total, points_<category>, points_accredited
    double missing = 0;
    double planned = 0;
    bool covered() const;
};

struct PlanOutlook {
    std::vector<PlanCoverage> coverage;   // each point criterion short today (none when nothing is)
    std::optional<Date> counts_until;     // planned activities count up to this day (the proof date)
    int activities = 0;                   // planned activities that count
    double points = 0;                    // ... their points
    std::optional<Date> done;             // the last of them
    double late_points = 0;               // planned points after counts_until: they do not count
    std::optional<double> hours_required; // a re-entry plan's hours to work (Plan::hours_required)
    std::optional<double> hours_per_week; // the hours plan (application.hours_plan)
    std::optional<Date> hours_from, hours_to;   // its period: its own, or the temporary registration to the proof date
    std::optional<double> planned_hours;  // hours_per_week over that period, when it is a period
    bool empty() const { return activities == 0 && late_points == 0 && !hours_per_week; }
    bool hours_covered() const { return planned_hours && hours_required && *planned_hours + 1e-9 >= *hours_required; }
};

PlanOutlook plan_outlook(const Portfolio& p, const Assessment& a);

}  // namespace herreg
