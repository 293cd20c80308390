// Counting what falls inside a window: hours pro rata by days, points per
// category with per-kind yearly caps. Pure arithmetic, no rules decisions.
#pragma once
#include "dates/civil_date.h"
#include "portfolio/portfolio.h"
#include "rules/rules.h"

#include <map>
#include <string>
#include <vector>

namespace herreg {

// Half-open [from, to): `to` is the first day no longer counted.
struct Window {
    Date from, to;
    bool contains(const Date& d) const { return from <= d && d < to; }
};

// The part of an hours entry inside the window, pro rata by days.
double hours_in_window(const HoursEntry& e, const Window& w);

struct Tally {
    double hours = 0;
    double points_total = 0;
    double points_accredited = 0;
    double points_non_accredited = 0;
    std::map<std::string, double> points_by_category;
    std::map<std::string, double> non_accredited_by_category;
    double points_capped_away = 0;   // points that did not count because a yearly cap was reached
    double points_over_meeting_rate = 0;   // more points entered than the meetings an entry covers allow
    double points_meetings_too_short = 0;  // entries whose meetings were shorter than their kind's minimum
    int meetings_length_unknown = 0;       // entries of a kind with a minimum length that do not give it
    // Earliest and latest day with hours > 0 inside the window (for the spread check).
    std::optional<Date> first_hours_day, last_hours_day;
};

// An activity dated after the check date is planned, not done: it counts only in the projection.
inline bool is_planned(const Activity& a, const Date& check_date) { return check_date < a.date; }

// True for a figure entered for the whole calendar year of the check date: it is read as the
// hours worked so far that year (as_worked).
bool is_year_so_far(const HoursEntry& e, const Date& check_date);

// What an hours entry stands for on `check_date`. A whole-year figure for the year of the check
// date is what was worked so far: it covers 1 January up to the check date, not the months still
// to come (domain.md, "Work not yet done"; 000 "ervaring hebt opgedaan", 001 §1.2 "is
// opgedaan"). Any other entry is taken as entered.
HoursEntry as_worked(const HoursEntry& e, const Date& check_date);

// What one activity may count before its kind's yearly cap: its points, at most the kind's
// points per meeting for each meeting it covers, and nothing when its meetings were shorter than
// the kind's minimum (004: "1 punt per bijeenkomst", "bijeenkomst van minimaal 2 uur"). A missing
// meeting length is counted and reported, so the reader can check it.
struct Countable {
    double points = 0;
    double over_meeting_rate = 0;
    double too_short = 0;
    bool length_unknown = false;
};
Countable countable(const Activity& a, const KindDef* kind);

// Counts hours and points inside `w` as of `check_date`. Hours on days after `up_to` and
// activities dated after it are left out (planned, not done); pass the window's last day to
// include them (the projection).
Tally count(const Portfolio& p, const RuleSet& rs, const Window& w, const Date& check_date, const Date& up_to);

}  // namespace herreg
