#include "text/labels.h"

namespace herreg {

namespace {
struct Pair {
    const char* id;
    const char* nl;
    const char* en;
};

std::string lookup(const Pair* table, size_t n, std::string_view id, std::string_view lang) {
    for (size_t i = 0; i < n; ++i)
        if (id == table[i].id) return lang == "en" ? table[i].en : table[i].nl;
    return std::string(id);
}
}  // namespace

std::string criterion_label(std::string_view id, const RuleSet& rs, std::string_view lang) {
    const bool en = lang == "en";
    if (id == "hours") return en ? "Work experience (hours)" : "Werkervaring (uren)";
    if (id == "points_total") return en ? "Points in total" : "Punten totaal";
    if (id == "points_accredited") return en ? "Accredited points" : "Geaccrediteerde punten";
    if (id.substr(0, 7) == "points_")
        if (const CategoryDef* c = rs.category(id.substr(7))) return (en ? "Points: " : "Punten: ") + c->name.in(lang);
    return std::string(id);
}

std::string deadline_label(std::string_view id, std::string_view lang) {
    static const Pair table[] = {
        {"period_end", "Einde registratieperiode", "End of registration period"},
        {"last_filing_day", "Laatste dag om in te dienen", "Last day to file"},
        {"earliest_reregistration", "Vroegste herregistratie", "Earliest re-registration"},
        {"temporary_start", "Start tijdelijke registratie", "Temporary registration starts"},
        {"temporary_end", "Einde tijdelijke registratie", "Temporary registration ends"},
        {"proof_due", "Bewijs uitvoering plan inleveren", "Proof of the plan due"},
        {"definitive_end", "Einde definitieve registratie", "Definitive registration ends"},
        {"completeness_check_by", "Controle op volledigheid uiterlijk", "Completeness check by"},
        {"assessment_by", "Beoordeling verwacht uiterlijk", "Assessment expected by"},
        {"new_period_start", "Start nieuwe periode", "New period starts"},
        {"new_period_end", "Einde nieuwe periode", "New period ends"},
        {"new_period_end_if_started_now", "Einde nieuwe periode bij directe start", "New period ends if started now"},
        {"registration_end", "Einde registratie", "Registration ends"},
    };
    return lookup(table, std::size(table), id, lang);
}

std::string circumstance_label(std::string_view id, std::string_view lang) {
    static const Pair table[] = {
        {"illness", "Ziekte", "Illness"},
        {"pregnancy", "Zwangerschap", "Pregnancy"},
        {"childcare_under_5", "Zorg voor kinderen jonger dan 5 jaar", "Care for children under 5"},
        {"informal_care", "Mantelzorg", "Informal care"},
        {"own_business", "Opzetten eigen bedrijf", "Starting an own business"},
        {"work_circumstances", "Zwaarwichtige arbeidsomstandigheden", "Serious work circumstances"},
        {"other", "Andere bijzondere omstandigheid", "Other special circumstance"},
    };
    return lookup(table, std::size(table), id, lang);
}

std::string lower_first(std::string name) {
    if (!name.empty() && name[0] >= 'A' && name[0] <= 'Z') name[0] = char(name[0] - 'A' + 'a');
    return name;
}

std::string regime_label(Regime r, std::string_view lang) {
    const std::string_view regime = regime_id(r);
    static const Pair table[] = {
        {"reregistration", "Herregistratie", "Re-registration"},
        {"initial_and_periodic", "Initiële en periodieke registratie", "Initial and periodic registration"},
        {"dispensation", "Dispensatieregeling", "Dispensation scheme"},
        {"deferral", "Herregistratie met uitstel", "Re-registration with deferral"},
        {"reentry_1", "Herintreder groep 1", "Re-entry group 1"},
        {"reentry_2", "Herintreder groep 2", "Re-entry group 2"},
        {"reentry_3", "Herintreder groep 3", "Re-entry group 3"},
        {"specialisation_expired", "Verlopen herregistratie specialisatie", "Expired specialisation"},
        {"not_eligible", "Geen regeling van toepassing", "No scheme applies"},
        {"no_scheme", "Geen regeling beschreven", "No scheme described"},
    };
    return lookup(table, std::size(table), regime, lang);
}

}  // namespace herreg
