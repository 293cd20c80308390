// The core names bad input in English ("activities[3].date: not a date: \"2026-02-30\"");
// the app says it in the user's language. This turns the core's problem text (the part after
// the field) into Dutch, pattern by pattern, keeping the values it quotes; a text it does not
// know stays as it is, so a new message in the core is never lost, only untranslated.
// No ImGui here: the unit tests check every pattern.
#pragma once
#include <string>
#include <string_view>

#include "input_error.h"
#include "ui/strings.h"

namespace herreg::ui {

// `problem` without its field ("must be at least 0, got -5"); in `lang`.
std::string problem_text(std::string_view problem, Lang lang);

// A whole "field: problem" line (validate_rules' and InputError::what()'s form) with the
// problem in `lang`; `field` is the part before the first ": " that is a JSON path.
std::string field_problem_text(std::string_view line, std::string_view field, Lang lang);

// An error's problem (without its field) in `lang`: from the message catalogue when the core
// made it from a Message, else by the patterns above.
std::string problem_text(const InputError& e, Lang lang);

}  // namespace herreg::ui
