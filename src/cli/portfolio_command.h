// What the commands that read one portfolio share (assess, calendar, form): their
// options, loading and assessing the portfolio, and writing the result.
#pragma once
#include "assessment/assessment.h"
#include "commands.h"
#include "rules/rulebook.h"

#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>

namespace herreg::cli {

struct PortfolioArgs {
    std::string lang = "nl";
    std::optional<std::string> rules_dir, out_path, file;
    std::vector<std::string> switches;   // the extra switches given ("--text")
    bool has(const char* s) const;
};

// Reads --lang nl|en, --rules DIR, --out PATH (when `with_out`), the listed extra switches and
// one FILE|-. On a usage error it prints `usage` and returns empty: the command exits 2.
std::optional<PortfolioArgs> parse_portfolio_args(const Args& args, const char* command, const char* usage,
                                                  std::initializer_list<const char*> switches, bool with_out);

// The rules, the portfolio (check_date defaults to today) and its assessment.
// Throws InputError (or another std::exception) for bad input.
struct Assessed {
    Rulebook book;
    Portfolio portfolio;
    const RuleSet* rules = nullptr;   // points into book
    Assessment assessment;
};
void load_and_assess(const PortfolioArgs& args, Assessed& out);

// Writes a finished output to `target` or, when `target` is empty, to stdout. Returns the exit
// code: 0, or 1 after one line on stderr saying what could not be written.
int deliver(const char* command, const std::optional<std::filesystem::path>& target, const std::string& bytes);

// `out` as given, or `name` inside it when it names a folder.
std::filesystem::path output_path(const std::string& out, const std::string& name);

}  // namespace herreg::cli
