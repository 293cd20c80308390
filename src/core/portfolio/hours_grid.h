// Hours per calendar year of the counting window: the grid the app shows in its hours step.
// Entries made per year (HoursEntry::year) are edited through the grid; entries with a
// free date range stay as they are and are listed separately by the UI.
#pragma once
#include "assessment/counting.h"
#include "portfolio/portfolio.h"

#include <optional>
#include <vector>

namespace herreg {

struct YearRow {
    int year = 0;
    Date from, to;            // the part of the year inside the window, inclusive
    bool partial = false;     // the window covers only part of this year
    double entered = 0;       // the hours of this year's per-year entry (0 when none)
    double counted = 0;       // of all entries (per-year and ranges), what was worked in this year's part of the window
    double planned = 0;       // what falls on days after the check date (not counted yet)
};

// One row per calendar year the window touches, oldest first, counted as the assessment
// counts on `check_date` (counting.h: as_worked, nothing after the check date): the rows'
// `counted` add up to its hours.
std::vector<YearRow> hours_by_year(const Portfolio& p, const Window& w, const Date& check_date);

// Sets the per-year entry of `year` to `hours` (adds it, or removes it when hours is 0).
// Other entries, including ranges in that year, are left alone.
void set_year_hours(Portfolio& p, int year, double hours);

}  // namespace herreg
