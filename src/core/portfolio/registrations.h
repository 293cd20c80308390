// The registrations one portfolio holds (format 2): the one it names, and its
// other_registrations, such as the base registration beside a specialisation (003). Each is
// assessed against its own rules and period; they share the professional's hours and
// activities, except an entry marked `for` some of them.
#pragma once
#include "assessment/assessment.h"
#include "input/input_error.h"
#include "portfolio/portfolio.h"
#include "rules/rulebook.h"

// Declarations only: the screens that include this need not parse all of nlohmann/json.
#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace herreg {


// Registration i of p (0: the one p names, 1..: other_registrations[i - 1]) as a portfolio of
// its own: its register, period and answers, p's check date, and the hours and activities that
// count for it. `hours_from` and `activities_from` give each kept entry's index in p.
struct RegistrationView {
    Portfolio portfolio;
    std::vector<size_t> hours_from, activities_from;
};
RegistrationView registration_view(const Portfolio& p, size_t i);

// An error (or a field) about the view's hours[k] or activities[k] names the entry as p numbers it.
InputError in_portfolio(const InputError& e, const RegistrationView& v);
std::string portfolio_field(const std::string& field, const RegistrationView& v);

// The activity's category (and kind, if any) are the register's.
bool fits_register(const Activity& a, const RuleSet& rs);

// registration_view, and with other registrations in p, without the shared activities `rs` has
// no category or kind for (their indices in p go to `left_out`): what registration i counts.
RegistrationView counted_view(const Portfolio& p, size_t i, const RuleSet& rs, std::vector<size_t>* left_out = nullptr);

// Registration i of p assessed on `rs`: the entries meant for it, and (with other
// registrations) without the shared activities `rs` has no category or kind for, listed in
// `left_out` and said in a warning. Errors name the field as p has it. assess() is this for i = 0.
Assessment assess_registration(const Portfolio& p, size_t i, const RuleSet& rs, std::vector<size_t>* left_out = nullptr);

struct OtherAssessment {
    std::string key;                   // registration_key
    const RuleSet* rules = nullptr;    // from the rulebook it was assessed with
    Assessment assessment;
    // What kept it from being assessed (its field under other_registrations[i], or an entry):
    // then `assessment` is empty. One registration's problem does not hide the others.
    std::optional<InputError> error;
    // Shared activities (not marked `for`) of a category or kind this register does not have:
    // they do not count here. Indices in p.activities.
    std::vector<size_t> activities_left_out;
};

// Every other registration of p assessed on p's check date, each with its error if it has one.
std::vector<OtherAssessment> assess_other_registrations(const Portfolio& p, const Rulebook& book);

// The assess output's `other_registrations`: each other registration's assessment object with
// its `registration` key and `activities_left_out` (README "Assessment output").
nlohmann::ordered_json other_assessments_to_json(const std::vector<OtherAssessment>& others);

}  // namespace herreg
