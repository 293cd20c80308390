// The one-page printout of a helpdesk conversation: who was helped, what the portfolio as
// entered (A) and the what-if (B) conclude, the comparison, the dates that matter on the
// path chosen, and what was agreed. Rendered as PDF (src/pdf) and as text (form_text.h) like
// the application form. The summary fits one A4 page, except for long agreements: they are
// printed whole and continue on a second page.
#pragma once
#include "assessment/assessment.h"
#include "forms/form_document.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace herreg {

// Names (member, advisor) longer than this are cut: a name, not a paragraph.
inline constexpr std::size_t kMaxConversationName = 50;

struct ConversationNotes {
    std::string member;                  // who the helpdesk spoke with ("Anna de Vries")
    std::string advisor;                 // the helpdesk employee
    std::string case_number;             // the association's reference, when it has one
    std::string agreements;              // "Afspraken / vervolgstappen", free text ('\n' for lines)
    std::optional<Date> date;            // the day of the conversation; empty: A's check date
    bool chose_what_if = true;           // the dates printed are B's (when there is a B), else A's
};

// The agreements as they will be printed: whole (the portfolio caps them at kMaxNotesText),
// each line trimmed, blank lines dropped as the PDF drops them.
std::string agreements_text(std::string_view text);

// What the what-if assumes beyond the portfolio as entered, one phrase each, for the reader
// of the printout who was not on the phone: "+600 hours of work in 2026", "extra activity
// ‘Course X’ (20 points, 3 meetings of 2 hours, 2027-02-01, planned)", "circumstances: Illness", "plan not
// carried out before: dispensation scheme yes". The check date is not among them:
// the summary shows both. Empty when the inputs are otherwise the same.
std::vector<std::string> what_if_assumptions(const Portfolio& a, const Portfolio& b, const RuleSet& rules_b, std::string_view lang);

// B optional (both pointers or neither): without a what-if, a one-scenario summary.
// File stem "samenvatting-<date>" / "summary-<date>" (the conversation's date, ISO).
FormDocument helpdesk_summary(const Portfolio& a_port, const Assessment& a, const RuleSet& ra,
                              const Portfolio* b_port, const Assessment* b, const RuleSet* rb,
                              const ConversationNotes& notes, std::string_view lang);

}  // namespace herreg
