// One function per CLI command; each returns the process exit code
// (0 done, 1 bad input, 2 wrong usage).
#pragma once
#include "civil_date.h"
#include "rulebook.h"

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

// One JSON Lines line to its CSV row (herreg batch, and its benchmark). Throws on bad input.
std::string batch_line(const std::string& line, const Rulebook& book, const Date& today);

}  // namespace herreg::cli
