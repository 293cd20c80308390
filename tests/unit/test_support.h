// Helpers shared by the unit tests: a minimal valid portfolio and the rules.
#pragma once
#include "embedded_rules.h"
#include "input_error.h"
#include "portfolio.h"
#include "rulebook.h"

#include <doctest/doctest.h>

#include <string>

namespace herreg::test {

inline const Rulebook& rulebook() {
    static const Rulebook book = Rulebook::from_files(embedded_rules_files());
    return book;
}

// A KP portfolio with the period 2021-12-01 .. 2026-12-01 and nothing in it yet.
inline Portfolio kp_portfolio() {
    Portfolio p;
    p.register_id = "kp";
    p.profession = "oefentherapie";
    p.check_date = Date{2026, 11, 22};
    p.registration.period_start = Date{2021, 12, 1};
    return p;
}

inline void add_hours(Portfolio& p, int year, double hours) {
    p.hours.push_back({year, Date{year, 1, 1}, Date{year, 12, 31}, hours});
}

inline void add_activity(Portfolio& p, Date d, const std::string& category, double points, bool accredited,
                         std::optional<std::string> kind = std::nullopt) {
    Activity a;
    a.date = d;
    a.title = "Activiteit";
    a.provider = "Aanbieder";
    a.category = category;
    a.points = points;
    a.accredited = accredited;
    a.kind = std::move(kind);
    p.activities.push_back(a);
}

// The field an InputError names, or "" when `f` throws nothing.
template <class F>
std::string error_field(F&& f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.field();
    }
    return "";
}

}  // namespace herreg::test
