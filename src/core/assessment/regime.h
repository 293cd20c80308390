// The outcomes of an assessment. Inside the core an outcome is this enum; its id ("dispensation",
// "reentry_2") is what the JSON, the CSV and the tests say, written and read only at that boundary.
#pragma once

#include <optional>
#include <string_view>

namespace herreg {

enum class Regime {
    undecided,   // thresholds unknown: no scheme can be decided yet (JSON null)
    reregistration,
    initial_and_periodic,
    dispensation,
    deferral,
    reentry_1,
    reentry_2,
    reentry_3,
    specialisation_expired,
    not_eligible,
    no_scheme,
};

// "reregistration", "reentry_2", ...; "" for undecided.
std::string_view regime_id(Regime r);
std::optional<Regime> parse_regime(std::string_view id);   // "" gives undecided

inline bool is_reentry(Regime r) { return r == Regime::reentry_1 || r == Regime::reentry_2 || r == Regime::reentry_3; }
inline int reentry_group(Regime r) { return is_reentry(r) ? int(r) - int(Regime::reentry_1) + 1 : 0; }
inline Regime reentry_regime(int group) { return Regime(int(Regime::reentry_1) + group - 1); }
// The schemes applied for with a form (dispensation, deferral, re-entry).
inline bool has_application_form(Regime r) { return r == Regime::dispensation || r == Regime::deferral || is_reentry(r); }
// A points-short scheme (dispensation, deferral): the one a portfolio's plan_not_carried_out names by its id.
inline bool is_points_short(Regime r) { return r == Regime::dispensation || r == Regime::deferral; }

}  // namespace herreg
