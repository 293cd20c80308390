// Fuzz target: the CSV imports (rows pasted or read from a spreadsheet file in the app).
//
// import_hours_csv and import_activities_csv report every bad row as a CsvProblem and never
// throw. What they do accept goes straight into the portfolio (src/ui/step_hours.cpp,
// step_activities.cpp), so it must be what the rest of herreg can take:
//   - hours: finite, not negative, at most 24 a day, a range that does not run backwards;
//   - activities: points in [0, kMaxPointsPerActivity], a category of the register and a
//     kind of that category;
//   - the portfolio with the imported rows is assessed without any error (the import has
//     already checked what assess checks) and, when the text is UTF-8 as the browser always
//     hands it over, is saved and reads back the same (the autosave: ReadMode::draft).
// Activities are read against KP (no kinds) and NVvPO (capped kinds), the two shapes of rules.
#include "assessment/assessment.h"
#include "input/csv_import.h"
#include "fuzz_support.h"
#include "portfolio/portfolio.h"

#include <cmath>

using namespace herreg;
using namespace herreg::fuzz;

namespace {

Portfolio portfolio_for(const RuleSet& rs) {
    Portfolio p;
    p.register_id = rs.register_id;
    p.specialisation = rs.specialisation;
    p.check_date = Date{2026, 11, 22};
    p.registration.period_start = Date{2021, 12, 1};
    return p;
}

void check_hours(const std::vector<HoursEntry>& entries) {
    for (const HoursEntry& h : entries) {
        if (!std::isfinite(h.hours) || h.hours < 0) fail("imported hours not a finite number >= 0");
        if (h.to < h.from) fail("imported hours range runs backwards: " + to_iso(h.from) + " .. " + to_iso(h.to));
        const double days = double(days_between(h.from, h.to) + 1);
        if (h.hours > days * kMaxHoursPerDay + 1e-9) fail("imported hours over 24 a day");
        if (h.year && !(h.from == Date{*h.year, 1, 1} && h.to == Date{*h.year, 12, 31})) fail("a year entry that is not the calendar year");
    }
}

void check_activities(const std::vector<Activity>& list, const RuleSet& rs) {
    for (const Activity& a : list) {
        if (!std::isfinite(a.points) || a.points < 0 || a.points > kMaxPointsPerActivity) fail("imported points out of range");
        if (!rs.category(a.category)) fail("imported category unknown to " + rs.register_id + ": " + a.category);
        if (a.kind) {
            const KindDef* k = rs.kind(*a.kind);
            if (!k || k->category != a.category) fail("imported kind not of its category: " + *a.kind);
        }
    }
}

void into_portfolio(std::string_view text, const HoursImport& hours, const RuleSet& rs) {
    ActivitiesImport acts;
    try {
        acts = import_activities_csv(text, rs);
    } catch (const std::exception& e) {
        fail(std::string("import_activities_csv threw ") + typeid(e).name() + ": " + e.what());
    }
    check_activities(acts.activities, rs);

    Portfolio p = portfolio_for(rs);
    p.hours = hours.entries;
    p.activities = acts.activities;
    try {
        (void)assess(p, rs);
    } catch (const std::exception& e) {
        fail(std::string("assess refused imported rows: ") + e.what());
    }
    if (!valid_utf8(text)) return;
    std::string saved;
    try {
        saved = write_portfolio(p);
        if (write_portfolio(read_portfolio(saved, ReadMode::draft)) != saved) fail("imported rows read back different:\n" + saved);
    } catch (const std::exception& e) {
        fail(std::string("a portfolio with imported rows does not save and read back: ") + e.what() + "\n" + saved);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text = as_text(data, size);

    HoursImport hours;
    try {
        hours = import_hours_csv(text);
    } catch (const std::exception& e) {
        fail(std::string("import_hours_csv threw ") + typeid(e).name() + ": " + e.what());
    }
    check_hours(hours.entries);

    const Rulebook& book = embedded_rulebook();
    into_portfolio(text, hours, *book.find("kp", std::nullopt));
    into_portfolio(text, hours, *book.find("nvvpo", std::nullopt));
    return 0;
}
