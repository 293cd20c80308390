#include "portfolio/hours_grid.h"

#include <algorithm>

namespace herreg {

std::vector<YearRow> hours_by_year(const Portfolio& p, const Window& w, const Date& check_date) {
    std::vector<YearRow> rows;
    if (!(w.from < w.to)) return rows;
    const Date last = add_days(w.to, -1);   // the window is half-open; rows show inclusive days
    for (int y = w.from.y; y <= last.y; ++y) {
        YearRow row;
        row.year = y;
        row.from = std::max(Date{y, 1, 1}, w.from);
        row.to = std::min(Date{y, 12, 31}, last);
        row.partial = row.from != Date{y, 1, 1} || row.to != Date{y, 12, 31};
        // The same pro rata count as the assessment's, per year: the rows add up to its hours.
        const Window part{row.from, add_days(row.to, 1)};
        const Window done{part.from, std::min(part.to, add_days(check_date, 1))};
        const Window later{std::max(part.from, add_days(check_date, 1)), part.to};
        const std::string own = registration_key(p.register_id, p.specialisation);
        for (const auto& e : p.hours) {
            // Hours marked for other registrations only (format 2) do not count here; the grid
            // edits the shared figure, so only that is shown as entered.
            if (!e.for_registrations.empty() &&
                std::find(e.for_registrations.begin(), e.for_registrations.end(), own) == e.for_registrations.end())
                continue;
            if (e.year == y && e.for_registrations.empty()) row.entered += e.hours;   // a file may hold a year twice; show what counts
            const HoursEntry worked = as_worked(e, check_date);
            row.counted += hours_in_window(worked, done);
            row.planned += hours_in_window(worked, later);
        }
        rows.push_back(row);
    }
    return rows;
}

void set_year_hours(Portfolio& p, int year, double hours) {
    auto& hs = p.hours;
    // The shared figure of the year: an entry marked for some registrations (format 2) is left as it is.
    const auto of_year = [year](const HoursEntry& e) { return e.year == year && e.for_registrations.empty(); };
    auto it = std::find_if(hs.begin(), hs.end(), of_year);
    // Not a positive number (0, or a negative one the grid should not have let through):
    // no per-year entry, rather than one the portfolio reader would reject.
    if (!(hours > 0)) {
        hs.erase(std::remove_if(hs.begin(), hs.end(), of_year), hs.end());
        return;
    }
    // As portfolio_json reads {"year": N}: the entry spans the whole calendar year.
    const HoursEntry entry{year, Date{year, 1, 1}, Date{year, 12, 31}, hours, {}};
    if (it != hs.end()) {
        *it = entry;
        // One entry per year: a second one for the same year would be counted twice.
        hs.erase(std::remove_if(std::next(it), hs.end(), of_year), hs.end());
        return;
    }
    // Keep per-year entries in year order: before the first later year, else at the end.
    const auto later = std::find_if(hs.begin(), hs.end(), [year](const HoursEntry& e) { return e.year && *e.year > year; });
    hs.insert(later, entry);
}

}  // namespace herreg
