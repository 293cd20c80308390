// Human names for the ids the assessment uses (criteria, deadlines, schemes),
// in Dutch and English. Shared by the CLI's text summary and the UI.
#pragma once
#include "rules/rules.h"

#include <string>
#include <string_view>

namespace herreg {

std::string criterion_label(std::string_view id, const RuleSet& rs, std::string_view lang);
std::string deadline_label(std::string_view id, std::string_view lang);
std::string circumstance_label(std::string_view id, std::string_view lang);
std::string regime_label(Regime regime, std::string_view lang);

// A name used inside a sentence: "Dispensatieregeling" -> "dispensatieregeling" (ASCII first letter only).
std::string lower_first(std::string name);

}  // namespace herreg
