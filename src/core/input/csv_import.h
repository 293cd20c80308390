// Rows pasted or imported from a spreadsheet (CSV): hours per year or per range, and
// development activities. Forgiving about the format people actually have (Dutch decimal
// comma, ';' or ',' or tab separated, an optional header row, dates as 31-01-2024 or
// 2024-01-31) and strict about the content: a row that cannot be read is reported with
// its line number and field, never guessed at, and never stops the other rows.
#pragma once
#include "portfolio/portfolio.h"
#include "rules/rules.h"

#include <string>
#include <string_view>
#include <vector>

namespace herreg {

struct CsvProblem {
    int line = 0;          // 1-based line in the pasted text
    std::string field;     // "year", "hours", "from", "to", "date", "points", "category", ...
    Text message;          // what is wrong, for the user (nl/en)
};

struct HoursImport {
    std::vector<HoursEntry> entries;
    std::vector<CsvProblem> problems;
};

// Rows: "year;hours" (2024;1200) or "from;to;hours" (01-01-2024;30-06-2024;600).
// `room`: how many more the portfolio can take (kMaxListEntries less what it holds); rows past
// it are not added and the first of them says why.
HoursImport import_hours_csv(std::string_view text, size_t room = kMaxListEntries);

struct ActivitiesImport {
    std::vector<Activity> activities;
    std::vector<CsvProblem> problems;
};

// Rows: "date;title;provider;category;points;accredited[;kind]". category and kind are
// matched against the register's ids and names (nl/en, case-insensitive); accredited reads
// ja/nee, yes/no, j/n, y/n, 1/0, true/false, x/empty.
ActivitiesImport import_activities_csv(std::string_view text, const RuleSet& rules, size_t room = kMaxListEntries);

}  // namespace herreg
