#include "assessment/summary_text.h"

#include "text/labels.h"
#include "text/number_format.h"

#include <algorithm>

namespace herreg {

std::string verdict_sentence(const Assessment& a, std::string_view lang) {
    const bool en = lang == "en";
    const std::string name = a.regime_name.in(lang);
    const std::string missing = format_number(a.plan.points_missing, lang);
    if (a.regime == Regime::undecided)
        return en ? "herreg cannot decide yet: some thresholds are unknown." : "herreg kan nog niet beslissen: sommige normen zijn onbekend.";
    if (a.regime == Regime::reregistration) {
        if (a.filing == Filing::TooEarly)
            return en ? "You meet the criteria; re-registration opens later (see the dates)." : "Je voldoet aan de criteria; herregistratie kan pas later (zie de data).";
        return en ? "You meet the criteria for re-registration." : "Je voldoet aan de criteria voor herregistratie.";
    }
    if (a.regime == Regime::initial_and_periodic)
        return en ? "You meet the criteria and can register initially and periodically at once."
                  : "Je voldoet aan de criteria en kunt je initieel en periodiek tegelijk registreren.";
    if (a.regime == Regime::not_eligible) {
        const bool no_circumstances = std::any_of(a.reasons.begin(), a.reasons.end(), [](const Reason& r) { return r.id == "no_circumstances"; });
        if (no_circumstances)
            return en ? "You do not meet the criteria and no scheme applies: you are " + missing + " points short and gave no special circumstances."
                      : "Je voldoet niet aan de criteria en er is geen regeling van toepassing: je komt " + missing + " punten tekort en gaf geen bijzondere omstandigheden op.";
        // Another precondition closed the scheme (an initial registration, a plan not carried out): the reasons say which.
        return en ? "You do not meet the criteria and no scheme applies; the reasons below say why."
                  : "Je voldoet niet aan de criteria en er is geen regeling van toepassing; hieronder staat waarom.";
    }
    if (a.regime == Regime::no_scheme)
        return en ? "You do not meet the criteria, and the sources describe no scheme for this register."
                  : "Je voldoet niet aan de criteria en de bronnen beschrijven voor dit register geen regeling.";
    if (a.regime == Regime::specialisation_expired)
        return en ? "Your specialisation registration has expired: the procedure '" + name + "' applies."
                  : "Je specialisatieregistratie is verlopen: de procedure '" + name + "' is van toepassing.";
    return en ? "You do not meet the criteria yet. What applies: " + name + "." : "Je voldoet nog niet aan de criteria. Van toepassing: " + name + ".";
}

std::string deadline_note(const Deadline& d, const Date& check_date, std::string_view lang) {
    const bool en = lang == "en";
    if (d.date < check_date) return en ? "(passed)" : "(verstreken)";
    if (d.id != "period_end" && d.id != "last_filing_day") return "";
    const long days = days_between(check_date, d.date);
    if (days == 0) return en ? "(today)" : "(vandaag)";
    if (days == 1) return en ? "(tomorrow)" : "(morgen)";
    return en ? "(" + std::to_string(days) + " days left)" : "(nog " + std::to_string(days) + " dagen)";
}

std::string summary_text(const Assessment& a, const RuleSet& rs, std::string_view lang) {
    const bool en = lang == "en";
    auto date = [](const Date& d) { return to_dutch(d); };   // day first in both languages, as typed
    auto num = [&](double x) { return format_number(x, lang); };
    std::string s;
    s += rs.name.in(lang) + "\n";
    s += (en ? "Check date: " : "Peildatum: ") + date(a.check_date) + "\n";
    s += (en ? "Counted from " : "Geteld van ") + date(a.window.from) + (en ? " to " : " tot en met ") + date(add_days(a.window.to, -1)) + "\n\n";
    s += verdict_sentence(a, lang) + "\n\n";
    s += "Criteria\n";   // the same word in both languages
    for (const auto& c : a.criteria) {
        // In words, as the page says it (a pasted e-mail or a screen reader gets no "[ok]").
        const std::string mark = !c.met ? (en ? "not known yet" : "nog niet te zeggen")
                                        : (*c.met ? (en ? "met" : "voldaan") : (en ? "short" : "tekort"));
        s += "  " + criterion_label(c.id, rs, lang) + ": " + num(c.achieved) + " / " +
             (c.required ? num(*c.required) : (en ? "unknown" : "onbekend")) + " (" + mark + ")\n";
    }
    if (a.plan.points_missing > 0) s += (en ? "Points still needed: " : "Nog nodig aan punten: ") + num(a.plan.points_missing) + "\n";
    if (a.plan.hours_missing > 0) s += (en ? "Hours short: " : "Tekort aan uren: ") + num(a.plan.hours_missing) + "\n";
    if (a.plan.hours_required) s += (en ? "Hours to work in the plan: " : "Uren te werken in het plan: ") + num(*a.plan.hours_required) + "\n";
    if (a.plan.points_per_month && a.plan.until)
        s += (en ? "Pace: about " : "Tempo: ongeveer ") + num(*a.plan.points_per_month) + (en ? " points a month until " : " punten per maand tot ") +
             date(*a.plan.until) + "\n";
    if (!a.deadlines.empty()) {
        s += en ? "\nDates\n" : "\nData\n";
        for (const auto& d : a.deadlines) {
            const std::string note = deadline_note(d, a.check_date, lang);
            s += "  " + date(d.date) + "  " + deadline_label(d.id, lang) + (note.empty() ? "" : " " + note) + "\n";
        }
    }
    if (!a.reasons.empty()) {
        s += en ? "\nWhy\n" : "\nWaarom\n";
        for (const auto& r : a.reasons) s += "  - " + r.text.in(lang) + (r.source.empty() ? "" : " (" + r.source + ")") + "\n";
    }
    if (!a.warnings.empty()) {
        s += en ? "\nMind\n" : "\nLet op\n";
        for (const auto& r : a.warnings) s += "  ! " + r.text.in(lang) + (r.source.empty() ? "" : " (" + r.source + ")") + "\n";
    }
    if (!a.next_steps.empty()) {
        s += en ? "\nNext steps\n" : "\nVolgende stappen\n";
        int i = 1;
        for (const auto& st : a.next_steps) s += "  " + std::to_string(i++) + ". " + st.text.in(lang) + "\n";
    }
    return s;
}

}  // namespace herreg
