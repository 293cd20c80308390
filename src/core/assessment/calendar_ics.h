// The assessment's deadlines as an iCalendar file (RFC 5545), so a professional
// can put "last day to file" and "proof due" in their own agenda. Pure strings:
// the CLI writes the result to a file, the app offers it as a download.
#pragma once
#include "assessment/assessment.h"
#include "rules/rules.h"

#include <string>
#include <string_view>

namespace herreg {

// A VCALENDAR with one all-day VEVENT per deadline, CRLF line ends, folded at
// 75 octets. Deterministic: DTSTAMP is the check date, UIDs are derived from the
// deadline, so the same assessment gives the same bytes and re-importing a
// calendar updates its events instead of duplicating them.
// With no deadlines it is a calendar without events (see calendar_ics.cpp).
std::string deadlines_ics(const Assessment& a, const RuleSet& rs, std::string_view lang);

// Whether a deadline gets a reminder (VALARM) two weeks ahead: only dates the
// user must act on; see calendar_ics.cpp for the list and why.
bool deadline_needs_alarm(std::string_view deadline_id);

// RFC 5545 §3.3.11 TEXT escaping: \ ; , and newlines (CRLF, CR, LF: each one \n), so
// text can never start a property or component of its own; other control characters
// are dropped and bytes that are not UTF-8 become U+FFFD.
std::string ics_escape_text(std::string_view text);
// RFC 5545 §3.1 folding of one content line (given without its line end):
// physical lines of at most 75 octets, each ending in CRLF, continuations
// starting with one space; a UTF-8 sequence is never split.
std::string ics_fold_line(std::string_view line);

// "termijnen-kp-2026-11-22.ics" / "deadlines-kp-2026-11-22.ics";
// with a specialisation "termijnen-vvocm-kinderoefentherapie-2026-11-22.ics".
std::string calendar_file_name(const Assessment& a, std::string_view lang);

}  // namespace herreg
