#include "batch_csv.h"

#include <cstdio>

namespace herreg {

std::string csv_field(std::string_view v) {
    std::string s(v);
    if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r')) s.insert(0, 1, '\'');
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
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
    row += ',' + csv_field(a.regime);
    row += ',' + (hours ? number(hours->achieved) : std::string());
    row += ',' + (hours && hours->required ? number(*hours->required) : std::string());
    row += ',' + number(a.plan.points_missing);
    row += ',' + (next ? csv_field(next->id) : std::string());
    row += ',' + (next ? to_iso(next->date) : std::string());
    return row + "\n";
}

}  // namespace herreg
