// The assessment: where a portfolio stands against its register's rules, which
// scheme applies, what is missing and by when, each conclusion with its reasons
// and the source sections behind them.
#pragma once
#include "dates/civil_date.h"
#include "assessment/counting.h"
#include "portfolio/portfolio.h"
#include "rules/rules.h"

#include <optional>
#include <string>
#include <vector>

namespace herreg {

struct Reason {
    std::string id;   // stable machine id ("dispensation_applies"), for tests and the UI
    Text text;
    std::string source;
};

// CriterionResult::source when the requirement came from the portfolio's own thresholds.
inline constexpr const char* kPortfolioThresholdsSource = "portfolio thresholds";

struct CriterionResult {
    std::string id;                  // hours, points_total, points_<category>, points_accredited
    std::optional<double> required;  // empty: unknown threshold
    double achieved = 0;
    std::optional<bool> met;         // empty when required is unknown
    std::string source;              // of the threshold ("000", "portfolio thresholds")
    double non_accredited = 0;       // how much of `achieved` rests on non-accredited activities
    bool is_points() const { return id != "hours"; }
};

struct Deadline {
    std::string id;   // period_end, last_filing_day, proof_due, ...
    Date date;
    std::string source;
};

struct Plan {
    std::optional<double> hours_required;   // hours to work during a temporary registration
    double points_missing = 0;              // least extra points that close every point criterion
    double hours_missing = 0;               // against the 5-year hours criterion
    std::optional<int> months;              // time available: temporary period, or what is left of the current one
    std::optional<Date> until;              // the end of that time (temporary_end or period_end)
    std::optional<double> points_per_month;
};

struct Projection {   // today's figures plus planned work: activities and hours after the check date
    std::vector<CriterionResult> criteria;
    std::optional<bool> meets;
    double planned_points = 0;
    int planned_activities = 0;
    double planned_hours = 0;   // hours on days after the check date, inside the window
};

// Where the person stands in the filing calendar on check_date.
enum class Filing { NotRegistered, TooEarly, Open, LateWindow, Lapsed };

struct Assessment {
    std::string register_id;
    std::optional<std::string> specialisation;
    Date check_date;
    Window window;
    Filing filing = Filing::Open;
    std::optional<bool> meets;
    std::vector<CriterionResult> criteria;
    Regime regime = Regime::undecided;
    Text regime_name;
    std::optional<int> temporary_months;
    std::optional<int> definitive_years;
    std::optional<int> definitive_years_min;   // when a source gives a range ("four or five years")
    Plan plan;
    std::vector<Deadline> deadlines;
    std::vector<Reason> reasons, warnings;
    std::vector<Note> next_steps;   // e.g. the 12 steps of an expired specialisation (003 §4)
    std::optional<Date> last_worked;
    std::optional<int> months_not_worked;   // empty: no work in the window at all
    Tally tally;
    std::optional<Projection> projection;

    const CriterionResult* criterion(std::string_view id) const;
    const Deadline* deadline(std::string_view id) const;
};

// Throws InputError naming the field when the portfolio does not fit the rules
// (missing check_date, unknown category or kind, unknown threshold id, ...).
Assessment assess(const Portfolio& p, const RuleSet& rules);
// One registration with every entry of p counted (assess() picks the entries first when p holds
// more than one registration; registrations.h).
Assessment assess_single(const Portfolio& p, const RuleSet& rules);

}  // namespace herreg
