// The assessment as the CLI's JSON (contract: README "Assessment output").
#pragma once
#include "assessment/assessment.h"

#include <nlohmann/json.hpp>

namespace herreg {

nlohmann::ordered_json assessment_to_json(const Assessment& a);
const char* filing_id(Filing f);   // not_registered, too_early, open, late_window, lapsed

}  // namespace herreg
