#include "portfolio/activity_table.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace herreg {

namespace {

// -1, 0, 1: ASCII letters compared without case (names here are Dutch and English, where
// that is what people expect; accented letters keep their byte order).
int compare_text(const std::string& a, const std::string& b) {
    const size_t n = std::min(a.size(), b.size());
    for (size_t i = 0; i < n; ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = char(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = char(y - 'A' + 'a');
        if (x != y) return static_cast<unsigned char>(x) < static_cast<unsigned char>(y) ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

template <class T>
int compare_value(const T& a, const T& b) {
    return a < b ? -1 : (b < a ? 1 : 0);
}

int compare(const Activity& a, const Activity& b, ActivityColumn column) {
    switch (column) {
    case ActivityColumn::date: return compare_value(a.date, b.date);
    case ActivityColumn::title: return compare_text(a.title, b.title);
    case ActivityColumn::provider: return compare_text(a.provider, b.provider);
    case ActivityColumn::category: return compare_value(a.category, b.category);
    case ActivityColumn::kind: return compare_value(a.kind, b.kind);   // none before any kind
    case ActivityColumn::points: return compare_value(a.points, b.points);
    case ActivityColumn::accredited: return compare_value(a.accredited, b.accredited);
    }
    return 0;
}

}  // namespace

std::vector<std::size_t> sorted_order(const std::vector<Activity>& activities, ActivityColumn column,
                                      bool ascending) {
    std::vector<std::size_t> order(activities.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    // Descending flips the comparison, not the result, so equal keys still keep entry order.
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        const int c = compare(activities[x], activities[y], column);
        return ascending ? c < 0 : c > 0;
    });
    return order;
}

std::vector<CapUse> cap_use(const Portfolio& p, const RuleSet& rules, const Window& w) {
    std::vector<CapUse> out;
    for (const KindDef& k : rules.kinds) {
        if (!k.cap_per_year.known()) continue;
        // As count() does: the cap is per calendar year of the activity's date, and the
        // points counted in a year are the first ones up to the cap, so min(entered, cap).
        // Per meeting and meeting length first (countable), as count() does.
        std::map<int, std::pair<double, double>> entered;   // year -> (entered, countable)
        for (const Activity& a : p.activities)
            if (a.kind && *a.kind == k.id && w.contains(a.date)) {
                entered[a.date.y].first += a.points;
                entered[a.date.y].second += countable(a, &k).points;
            }
        const double cap = *k.cap_per_year.value;
        for (const auto& [year, sums] : entered)
            out.push_back({k.id, year, sums.first, cap, std::min(sums.second, cap)});
    }
    return out;
}

}  // namespace herreg
