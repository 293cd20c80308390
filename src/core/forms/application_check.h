// The pre-check: the application read the way the assessors read it (001 §1.4,
// §2.3; 002 "Beoordelingscriteria"), so that everything they would send back
// is flagged before the professional files it. Only complete applications are
// taken into processing (001 §1.1).
#pragma once
#include "forms/application.h"
#include "assessment/assessment.h"
#include "forms/form_document.h"
#include "assessment/plan_coverage.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace herreg {

// The regimes that come with an application form.

struct CheckItem {
    std::string id;        // stable: "applicant", "reasons", "activity_fields", "points_cover_total", ...
    CheckStatus status = CheckStatus::info;
    std::string text;      // in the requested language
    std::string detail;    // what to do, or the figures behind it
    std::string source;    // seed section the assessors' question comes from
    std::string field;     // where to fix it ("application.name", "activities[3].provider")
};

struct ApplicationCheck {
    std::vector<CheckItem> items;
    std::vector<PlanCoverage> coverage;
    // The plan period: the temporary registration; activities must be done and
    // proven by proof_due (001 §1.3).
    std::optional<Date> period_from, period_to, proof_due;
    std::vector<size_t> planned;   // indexes into Portfolio::activities, by date
    // Group 3: the supervisor must assess the result midway and at the end (from the assessment).
    bool supervisor_assessment_required = false;
    std::optional<double> planned_hours;          // from the hours plan (re-entry)
    std::optional<Date> hours_from, hours_to;      // the hours plan's period (its own, or the temporary one)

    int problems() const;
    bool ready() const { return problems() == 0; }
    const CheckItem* item(std::string_view id) const;
};

// Throws nothing for a half-filled application: every gap becomes a problem item.
ApplicationCheck check_application(const Portfolio& p, const Assessment& a, const RuleSet& rs, std::string_view lang);

// The competences of the self-evaluation: the profession's own list when the rules
// file gives one, else the register's (CanMEDS roles by default).
const std::vector<Named>& competences_for(const RuleSet& rs, const std::string& profession);

// The five questions of the self-evaluation (001 §2.1), index 0..4.
std::string self_evaluation_question(int index, std::string_view lang);
// The questions counted, as a reader says it: "de vijf vragen" / "the five questions".
std::string self_evaluation_questions(std::string_view lang);

}  // namespace herreg
