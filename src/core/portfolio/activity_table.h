// The activities table of the app: sorting, and the totals shown under it (per category,
// and per capped kind per year, e.g. NVvPO's "at most 10 points a year for intervision").
#pragma once
#include "assessment/counting.h"
#include "portfolio/portfolio.h"
#include "rules/rules.h"

#include <cstddef>
#include <string>
#include <vector>

namespace herreg {

enum class ActivityColumn { date, title, provider, category, kind, points, accredited };

// Indexes into `activities` in display order; stable, so equal keys keep entry order.
// Text columns compare case-insensitively; category/kind by their id.
std::vector<std::size_t> sorted_order(const std::vector<Activity>& activities, ActivityColumn column,
                                      bool ascending);

struct CapUse {
    std::string kind;    // kind id
    int year = 0;
    double entered = 0;  // points of that kind dated in that year (inside the window)
    double cap = 0;      // the register's yearly cap
    double counted = 0;  // what the assessment counts: at most the cap, and per meeting (countable())
};

// For each capped kind and each calendar year with activities of it inside `w`, how much
// was entered and how much counts. Only kinds with a known cap_per_year appear.
std::vector<CapUse> cap_use(const Portfolio& p, const RuleSet& rules, const Window& w);

}  // namespace herreg
