// A readable summary of an assessment (the CLI's --text, the app's "copy summary").
#pragma once
#include "assessment/assessment.h"

#include <string>
#include <string_view>

namespace herreg {

// One plain sentence: "Je voldoet aan de criteria voor herregistratie." etc.
std::string verdict_sentence(const Assessment& a, std::string_view lang);
// What a date means on the check date, for a reader: "(verstreken)" for one that has passed,
// "(nog 12 dagen)" for the period's end and the last filing day still to come, else empty.
std::string deadline_note(const Deadline& d, const Date& check_date, std::string_view lang);

std::string summary_text(const Assessment& a, const RuleSet& rs, std::string_view lang);

}  // namespace herreg
