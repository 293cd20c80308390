// The CLI's only contact with the outside: files, stdin, today's date.
#pragma once
#include "civil_date.h"
#include "rulebook.h"

#include <optional>
#include <string>

namespace herreg::cli {

// Reads a whole file, or stdin for "-". Throws InputError("FILE", ...) when it cannot.
std::string read_input(const std::string& path);
Date today();
// The embedded rules, or every *.json in `dir` when given (for associations' own files).
Rulebook load_rulebook(const std::optional<std::string>& dir);
std::vector<RulesFile> read_rules_dir(const std::string& dir);

}  // namespace herreg::cli
