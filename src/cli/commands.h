// One function per CLI command; each returns the process exit code
// (0 done, 1 bad input, 2 wrong usage).
#pragma once
#include <string>
#include <vector>

namespace herreg::cli {

using Args = std::vector<std::string>;

int command_assess(const Args& args);
int command_calendar(const Args& args);
int command_form(const Args& args);
int command_validate_rules(const Args& args);
int command_bench(const Args& args);

}  // namespace herreg::cli
