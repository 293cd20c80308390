// The application form as a document: the parts the register's form asks for
// (001 §1.2 and Bijlage 1 for dispensation, §2.1 for re-entry; 002 for KABIZ),
// filled in from the portfolio, the assessment and what the professional typed,
// followed by the pre-check. Rendered as PDF (src/pdf) and as text (form_text.h).
#pragma once
#include "forms/application_check.h"
#include "assessment/assessment.h"
#include "forms/form_document.h"

#include <string>
#include <string_view>

namespace herreg {

FormDocument application_document(const Portfolio& p, const Assessment& a, const RuleSet& rs, const ApplicationCheck& check,
                                   std::string_view lang);

// "aanvraag-dispensatie-2026-11-22" / "application-dispensation-2026-11-22": the scheme
// and the check date, so a second download on another day does not overwrite the first.
std::string application_file_stem(const Assessment& a, std::string_view lang);

}  // namespace herreg
