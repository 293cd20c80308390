// One CSV row per assessed portfolio, for an office that checks many members at once
// (`herreg batch`). Spreadsheet-safe: fields are quoted when needed (, ; " or a line
// break), and a field that a spreadsheet would run as a formula (=, +, -, @, tab or CR
// first) is defused with a leading quote; a plain negative number ("-12.5") stays a number.
// The figures herreg writes itself (hours, points) are numbers and never pass through it.
//
// Columns: id, the input's own keys asked for (--keep), register, specialisation, meets,
// scheme, hours_achieved, hours_required, points_missing, next_deadline, next_deadline_date,
// days_left, action, reason, error, duplicate_of (the last is the runner's: it sees all lines).
// Plain (the default): English headers and codes, ',' and decimal points, for machines.
// Dutch (--lang nl): Dutch headers and words. Excel (--excel): ';' and decimal commas, as a
// Dutch spreadsheet reads a CSV file (the runner puts a byte order mark first).
#pragma once
#include "assessment/assessment.h"
#include "rules/rules.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace herreg {

std::string csv_field(std::string_view value);

struct BatchFormat {
    bool dutch = false;               // --lang nl
    bool excel = false;               // --excel
    std::vector<std::string> keep;    // --keep: top-level keys of each input line, after the id
    char separator() const { return excel ? ';' : ','; }
};

// The header line, without its line end.
std::string batch_csv_header(const BatchFormat& f);

// A row without its last field (duplicate_of) and line end; `kept` holds the --keep values.
struct BatchRow {
    std::string text;
    std::optional<long> days_left;    // to next_deadline: what --sort urgency sorts by
    bool error = false;
};

// The next thing the member must do by a date: the first of the days to act by (the last day
// to file, the proof of a plan) that is not past on the check date. The dates the app computes
// (a temporary registration's start, a new period's start) are no deadline to the member.
const Deadline* next_action_deadline(const Assessment& a);

BatchRow batch_csv_row(std::string_view id, const std::vector<std::string>& kept, const Assessment& a, const RuleSet& rs,
                       const BatchFormat& f);
// A line that could not be assessed: its id when it was readable, and what is wrong.
BatchRow batch_csv_error_row(std::string_view id, const std::vector<std::string>& kept, std::string_view error,
                             const BatchFormat& f);

}  // namespace herreg
