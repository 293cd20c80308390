// The CLI's only contact with the outside: files, stdin, today's date.
#pragma once
#include "dates/civil_date.h"
#include "rules/rulebook.h"

#include <filesystem>
#include <optional>
#include <string>

namespace herreg::cli {

// Reads a whole file, or stdin for "-". Throws InputError("FILE", ...) when it cannot.
std::string read_input(const std::string& path);
Date today();
// Writes all of `bytes` to `path` (binary: CRLFs and PDF bytes stay as they are), or
// says why not in `why`. A failed write removes what it left behind: half a PDF or
// calendar looks fine until someone opens it.
bool write_output_file(const std::filesystem::path& path, const std::string& bytes, std::string& why);
// The embedded rules, or every *.json in `dir` when given (for associations' own files).
Rulebook load_rulebook(const std::optional<std::string>& dir);
std::vector<RulesFile> read_rules_dir(const std::string& dir);

}  // namespace herreg::cli
