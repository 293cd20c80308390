// Two scenarios of one member side by side, for the helpdesk: the portfolio as entered and a
// "what if" (more hours in 2026, a course planned, a later check date). The comparison says,
// row by row, what each scenario concludes (verdict, scheme, every criterion, points and hours
// still missing, every deadline) and which rows differ, so the UI can highlight them and the
// one-page summary (helpdesk_summary.h) can print them. Words in Dutch or English.
#pragma once
#include "assessment/assessment.h"
#include "assessment/plan_coverage.h"
#include "portfolio/portfolio.h"
#include "rules/rules.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace herreg {

// Which way a differing row moved from A to B, from the member's point of view: better
// (B meets what A did not, less missing, a later deadline to act on), worse, or neither
// (a different scheme, a date that moved without being better or worse).
enum class Change { same, better, worse, different };

// "same", "better", "worse", "different": for JSON and tests.
const char* change_id(Change c);
// "gelijk" / "beter" / "slechter" / "anders" (en: same, better, worse, different).
std::string change_label(Change c, std::string_view lang);

// The value shown for a row a scenario does not have.
inline constexpr const char* kAbsentValue = "—";

struct ComparisonRow {
    std::string id;      // stable: verdict, regime, temporary_months, definitive_years,
                         // criterion.<id>, plan.points_missing, plan.hours_missing,
                         // plan.hours_required, plan.months, plan.points_per_month,
                         // planned.cover.<criterion>, planned.activities, planned.late_points,
                         // planned.done, planned.hours_per_week, planned.hours, deadline.<id>
    std::string label;   // "Werkervaring (uren)", "Uiterste inleverdatum"
    std::string a, b;    // the value in each scenario as shown ("1.840 van 2.080 ✗", "—" when absent)
    Change change = Change::same;   // same exactly when a == b
    bool differs() const { return change != Change::same; }
};

struct ComparisonGroup {
    std::string id;      // outcome, criteria, todo, planned (when either scenario plans
                         // something), deadlines, in this order
    std::string title;   // "Uitkomst", "Criteria", "Nog te doen", "Wat je plan brengt", "Termijnen"
    std::vector<ComparisonRow> rows;
};

struct ScenarioComparison {
    std::string lang;
    std::string verdict_a, verdict_b;   // verdict_sentence of each
    std::vector<ComparisonGroup> groups;
    int differences = 0;                // rows that differ, over all groups
    const ComparisonRow* row(std::string_view id) const;
    const ComparisonGroup* group(std::string_view id) const;
};

// Both assessments must exist, each of its portfolio (for what it plans); the rule sets may differ (the what-if may have another register
// or a later period start). Rows present in only one scenario are shown with "—" on the other side.
//
// Rows: the outcome group always has verdict and regime, and temporary_months / definitive_years
// when either scenario has them; every criterion of either scenario; plan.points_missing and
// plan.hours_missing always, the other plan rows when either scenario has them; what the plan
// brings (plan_outlook): per point criterion short in either scenario what is missing and
// planned, the planned activities that count, points planned too late to count, the day the
// plan is done, the hours a week and the hours they make, each when either scenario has it;
// every deadline of either scenario, earliest first (by the earlier of its two dates).
//
// Directions: meets and criteria met false -> true is better; fewer points or hours missing or
// to work (none when a scenario has no plan of hours), a lower pace (none needed when nothing
// is missing) and more time available are better; a smaller gap the plan leaves open (what is
// missing less what is planned), more planned points that count, fewer planned too late, more
// hours a week and more planned hours are better; a criterion with the same met state is
// better when less short or, short by the same, when more is achieved; a later last_filing_day
// or proof_due gives more time to act and is better. A scheme, the temporary and definitive
// terms, any other moved deadline and whatever else one side lacks are `different`.
ScenarioComparison compare_scenarios(const Portfolio& portfolio_a, const Assessment& a, const RuleSet& rules_a,
                                     const Portfolio& portfolio_b, const Assessment& b, const RuleSet& rules_b,
                                     std::string_view lang);

}  // namespace herreg
