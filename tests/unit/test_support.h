// Helpers shared by the unit tests: a minimal valid portfolio and the rules.
#pragma once
#include "assessment/assessment.h"
#include "rules/embedded_rules.h"
#include "input/input_error.h"
#include "portfolio/portfolio.h"
#include "rules/rulebook.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <string>

namespace herreg::test {

inline const Rulebook& rulebook() {
    static const Rulebook book = Rulebook::from_files(embedded_rules_files());
    return book;
}

// A portfolio with its rules and its assessment.
struct Assessed {
    Portfolio p;
    const RuleSet* rs = nullptr;
    Assessment a;
};
inline Assessed assessed(Portfolio p) {
    Assessed s;
    s.p = std::move(p);
    s.rs = &rulebook().for_portfolio(s.p);
    s.a = assess(s.p, *s.rs);
    return s;
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

// A whole file as bytes ("" when it cannot be read; the caller's checks then fail).
inline std::string read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The portfolio of tests/cases/<stem>.json.
inline Portfolio case_portfolio(const std::string& stem) {
    const std::string text = read_text_file(std::string(HERREG_CASES_DIR) + "/" + stem + ".json");
    REQUIRE_MESSAGE(!text.empty(), "no case " << stem);
    return portfolio_from_json(nlohmann::json::parse(text).at("portfolio"));
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
