// plan_outlook: the planned activities and hours, counted the way the pre-check counts them.
#include "assessment/plan_coverage.h"

#include "assessment/counting.h"

#include <cmath>
#include <map>

namespace herreg {

bool PlanCoverage::covered() const { return planned + 1e-9 >= missing; }

PlanOutlook plan_outlook(const Portfolio& p, const Assessment& a) {
    PlanOutlook out;
    if (const Deadline* d = a.deadline("proof_due")) out.counts_until = d->date;
    double accredited = 0;
    std::map<std::string, double> by_category;
    for (const Activity& act : p.activities) {
        if (!is_planned(act, a.check_date)) continue;
        if (out.counts_until && *out.counts_until < act.date) {
            out.late_points += act.points;
            continue;
        }
        ++out.activities;
        out.points += act.points;
        by_category[act.category] += act.points;
        if (act.accredited) accredited += act.points;
        if (!out.done || *out.done < act.date) out.done = act.date;
    }
    if (a.plan.points_missing > 0) {
        for (const CriterionResult& c : a.criteria) {
            if (!c.is_points() || !c.required || !c.met || *c.met) continue;
            PlanCoverage cov;
            cov.criterion = c.id;
            cov.missing = std::round((*c.required - c.achieved) * 100.0) / 100.0;
            if (c.id == "points_total") cov.planned = out.points;
            else if (c.id == "points_accredited") cov.planned = accredited;
            else cov.planned = by_category[c.id.substr(7)];   // points_<category>
            out.coverage.push_back(cov);
        }
    }
    out.hours_required = a.plan.hours_required;
    if (a.plan.hours_required) {
        const HoursPlan& hp = p.application.hours_plan;
        // The hours are part of the plan and count up to the proof date (001 §1.3, §2.2).
        const Deadline* start = a.deadline("temporary_start");
        const Deadline* end = a.deadline("temporary_end");
        out.hours_from = hp.from ? hp.from : start ? std::optional<Date>(start->date) : std::nullopt;
        out.hours_to = hp.to ? hp.to : out.counts_until ? out.counts_until : end ? std::optional<Date>(end->date) : std::nullopt;
        if (hp.hours_per_week && *hp.hours_per_week > 0) {
            out.hours_per_week = hp.hours_per_week;
            if (out.hours_from && out.hours_to && *out.hours_from < *out.hours_to)
                out.planned_hours = std::round(*hp.hours_per_week * double(days_between(*out.hours_from, *out.hours_to)) / 7.0);
        }
    }
    return out;
}

}  // namespace herreg
