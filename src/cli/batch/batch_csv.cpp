#include "batch_csv.h"

#include "text/labels.h"

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

// Plain numbers: no thousands separator, at most two decimals; a decimal comma for Excel.
std::string number(double x, const BatchFormat& f) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", x);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    if (f.excel)
        for (char& c : s)
            if (c == '.') c = ',';
    return s;
}

std::string tr(const BatchFormat& f, const char* nl, const char* en) { return f.dutch ? nl : en; }

// The fields of a row, joined; the kept values right after the id.
std::string join(const std::vector<std::string>& fields, const BatchFormat& f) {
    std::string out;
    for (size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out += f.separator();
        out += fields[i];
    }
    return out;
}

// What the member is to do, in words, by when.
std::string action(const Assessment& a, const Deadline* next, const BatchFormat& f) {
    const std::string lang = f.dutch ? "nl" : "en";
    std::string what;
    switch (a.regime) {
        case Regime::undecided:
            what = tr(f, "Ontbrekende normen navragen bij het register of invullen", "Find out or fill in the missing thresholds");
            break;
        case Regime::reregistration:
            what = tr(f, "Herregistratie aanvragen", "Apply for re-registration");
            break;
        case Regime::dispensation: case Regime::deferral: case Regime::reentry_1: case Regime::reentry_2: case Regime::reentry_3:
            what = tr(f, "Aanvraag indienen: ", "File the application: ") + regime_label(a.regime, lang);
            break;
        case Regime::not_eligible: case Regime::no_scheme:
            what = tr(f, "Contact opnemen: geen regeling van toepassing", "Get in touch: no scheme applies");
            break;
        default:
            what = tr(f, "Uitkomst bekijken: ", "See the outcome: ") + regime_label(a.regime, lang);
            break;
    }
    if (next) what += tr(f, ", uiterlijk ", ", by ") + to_dutch(next->date) + " (" + deadline_label(next->id, lang) + ")";
    return what;
}

// Why the verdict is open: the thresholds nobody knows yet.
std::string reason(const Assessment& a, const RuleSet& rs, const BatchFormat& f) {
    if (a.meets) return {};
    std::string names;
    for (const auto& c : a.criteria)
        if (!c.required) names += (names.empty() ? "" : ", ") + criterion_label(c.id, rs, f.dutch ? "nl" : "en");
    return names.empty() ? std::string() : tr(f, "Norm onbekend: ", "Threshold unknown: ") + names;
}

}  // namespace

std::string batch_csv_header(const BatchFormat& f) {
    std::vector<std::string> h{"id"};
    for (const auto& k : f.keep) h.push_back(csv_field(k));
    const std::vector<std::string> rest =
        f.dutch ? std::vector<std::string>{"register", "specialisatie", "voldoet", "regeling", "uren_behaald", "uren_nodig",
                                           "punten_tekort", "volgende_termijn", "datum_volgende_termijn", "dagen_over", "actie",
                                           "reden", "fout", "dubbel_met_regel"}
                : std::vector<std::string>{"register", "specialisation", "meets", "scheme", "hours_achieved", "hours_required",
                                           "points_missing", "next_deadline", "next_deadline_date", "days_left", "action",
                                           "reason", "error", "duplicate_of"};
    h.insert(h.end(), rest.begin(), rest.end());
    return join(h, f);
}

const Deadline* next_action_deadline(const Assessment& a) {
    const Deadline* next = nullptr;
    for (const auto& d : a.deadlines)
        if ((d.id == "last_filing_day" || d.id == "proof_due") && !(d.date < a.check_date) && (!next || d.date < next->date)) next = &d;
    return next;
}

BatchRow batch_csv_row(std::string_view id, const std::vector<std::string>& kept, const Assessment& a, const RuleSet& rs,
                       const BatchFormat& f) {
    const CriterionResult* hours = a.criterion("hours");
    const Deadline* next = next_action_deadline(a);
    BatchRow row;
    if (next) row.days_left = days_between(a.check_date, next->date);
    std::vector<std::string> v{csv_field(id)};
    for (const auto& k : kept) v.push_back(csv_field(k));
    v.push_back(csv_field(a.register_id));
    v.push_back(csv_field(a.specialisation.value_or("")));
    v.push_back(!a.meets ? "" : f.dutch ? (*a.meets ? "ja" : "nee") : (*a.meets ? "true" : "false"));
    v.push_back(csv_field(f.dutch ? regime_label(a.regime, "nl") : std::string(regime_id(a.regime))));
    v.push_back(hours ? number(hours->achieved, f) : std::string());
    v.push_back(hours && hours->required ? number(*hours->required, f) : std::string());
    v.push_back(number(a.plan.points_missing, f));
    v.push_back(next ? csv_field(f.dutch ? deadline_label(next->id, "nl") : next->id) : std::string());
    v.push_back(next ? to_iso(next->date) : std::string());
    v.push_back(row.days_left ? std::to_string(*row.days_left) : std::string());
    v.push_back(csv_field(action(a, next, f)));
    v.push_back(csv_field(reason(a, rs, f)));
    v.push_back(std::string());   // error
    row.text = join(v, f);
    return row;
}

BatchRow batch_csv_error_row(std::string_view id, const std::vector<std::string>& kept, std::string_view error,
                             const BatchFormat& f) {
    std::vector<std::string> v{csv_field(id)};
    for (const auto& k : kept) v.push_back(csv_field(k));
    v.resize(v.size() + 12);   // register .. reason: nothing to say
    v.push_back(csv_field(error));
    BatchRow row;
    row.text = join(v, f);
    row.error = true;
    return row;
}

}  // namespace herreg
