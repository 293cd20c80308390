// One function per CLI command; each returns the process exit code
// (0 done, 1 bad input, 2 wrong usage).
#pragma once
#include "batch_csv.h"
#include "dates/civil_date.h"
#include "rules/rulebook.h"

#include <string>
#include <vector>

namespace herreg::cli {

using Args = std::vector<std::string>;

int command_assess(const Args& args);
int command_calendar(const Args& args);
int command_form(const Args& args);
int command_validate_rules(const Args& args);
int command_bench(const Args& args);
int command_batch(const Args& args);
int command_compare(const Args& args);
int command_share(const Args& args);

// One JSON Lines line to its CSV rows, one per registration (herreg batch, and its
// benchmark). A bad line gives one row saying what is wrong, and `problem` the same in English
// for the console; its id when it was readable.
struct BatchLine {
    std::string id;
    std::vector<BatchRow> rows;
    std::string problem;   // empty for a good line
};
BatchLine batch_line(const std::string& line, const Rulebook& book, const Date& today, const BatchFormat& format);

}  // namespace herreg::cli
