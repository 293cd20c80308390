#include "batch_csv.h"

#include <cstdio>

namespace herreg {

namespace {

// "-12" or "-0.5": a negative number is a constant, not a formula, and stays a number in
// the spreadsheet; anything more after the minus ("-1+1", "-A1") is defused as a formula.
bool negative_number(std::string_view s) {
    if (s.size() < 2 || s[0] != '-') return false;
    size_t i = 1, digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
    if (digits == 0) return false;
    if (i < s.size() && s[i] == '.') {
        size_t decimals = 0;
        for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) ++decimals;
        if (decimals == 0) return false;
    }
    return i == s.size();
}

}  // namespace

std::string csv_field(std::string_view v) {
    std::string s(v);
    // A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK,
    // DDE "cmd|..."); a leading ' makes it text. Tab and CR count too: some programs skip
    // them before looking for the '='.
    const bool formula_start = !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
                                              s[0] == '\t' || s[0] == '\r');
    if (formula_start && !negative_number(s)) s.insert(0, 1, '\'');
    // Quoted when it holds the separator, a quote or a line break; ';' too, the separator
    // Dutch spreadsheets assume, so the file reads the same in either.
    if (s.find_first_of(",;\"\r\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) {
        if (c == '"') q += '"';
        q += c;
    }
    return q + "\"";
}

namespace {
// Plain numbers for machines: no thousands separator, at most two decimals.
std::string number(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", x);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}
}  // namespace

std::string batch_csv_header() {
    return "id,register,specialisation,meets,scheme,hours_achieved,hours_required,points_missing,next_deadline,next_deadline_date\n";
}

std::string batch_csv_row(std::string_view id, const Assessment& a) {
    const CriterionResult* hours = a.criterion("hours");
    // The next date that still lies ahead (deadlines are sorted by date).
    const Deadline* next = nullptr;
    for (const auto& d : a.deadlines)
        if (!(d.date < a.check_date)) {
            next = &d;
            break;
        }
    std::string row = csv_field(id);
    row += ',' + csv_field(a.register_id);
    row += ',' + csv_field(a.specialisation.value_or(""));
    row += ',' + std::string(!a.meets ? "" : *a.meets ? "true" : "false");
    row += ',' + csv_field(std::string(regime_id(a.regime)));
    row += ',' + (hours ? number(hours->achieved) : std::string());
    row += ',' + (hours && hours->required ? number(*hours->required) : std::string());
    row += ',' + number(a.plan.points_missing);
    row += ',' + (next ? csv_field(next->id) : std::string());
    row += ',' + (next ? to_iso(next->date) : std::string());
    return row + "\n";
}

}  // namespace herreg
