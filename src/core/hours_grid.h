// Hours per calendar year of the counting window: the grid the app shows in its hours step.
// Entries made per year (HoursEntry::year) are edited through the grid; entries with a
// free date range stay as they are and are listed separately by the UI.
#pragma once
#include "counting.h"
#include "portfolio.h"

#include <optional>
#include <vector>

namespace herreg {

struct YearRow {
    int year = 0;
    Date from, to;            // the part of the year inside the window, inclusive
    bool partial = false;     // the window covers only part of this year
    double entered = 0;       // the hours of this year's per-year entry (0 when none)
    double counted = 0;       // of all entries (per-year and ranges), what falls in this year's part of the window
};

// One row per calendar year the window touches, oldest first.
std::vector<YearRow> hours_by_year(const Portfolio& p, const Window& w);

// Sets the per-year entry of `year` to `hours` (adds it, or removes it when hours is 0).
// Other entries, including ranges in that year, are left alone.
void set_year_hours(Portfolio& p, int year, double hours);

}  // namespace herreg
