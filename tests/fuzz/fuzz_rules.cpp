// Fuzz target: the rules loader. An association may hand herreg its own rules files
// (herreg assess --rules DIR, herreg validate-rules DIR), so any text may arrive here.
//
// The contract, read from src/core/rules/rules_json.cpp: both functions run the same reader
// (read_rules) with a problem collector. load_rules throws the first collected problem, or
// the problem that stopped the reader, as InputError; validate_rules returns all of them
// and throws nothing. So, for any text:
//   - load_rules returns a RuleSet or throws InputError, nothing else;
//   - validate_rules never throws;
//   - validate_rules is empty exactly when load_rules succeeds, and when it fails,
//     load_rules' message ends with validate_rules' first problem (load_rules puts the file
//     name in front of a collected problem, not in front of one that stopped the reader).
// A file that loads is then used the way the CLI uses it: a portfolio built for its register
// (every category, each kind, hours, a period) is assessed at several check dates, and assess
// must give an assessment or an InputError, whatever numbers the file holds.
#include "assessment/assessment.h"
#include "assessment/assessment_json.h"
#include "fuzz_support.h"
#include "rules/rules.h"
#include "assessment/summary_text.h"

#include <optional>
#include <vector>

using namespace herreg;
using namespace herreg::fuzz;

namespace {

bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// A portfolio that touches everything the rule set names.
Portfolio portfolio_for(const RuleSet& rs, bool initial, const Date& check) {
    Portfolio p;
    p.register_id = rs.register_id;
    p.specialisation = rs.specialisation;
    if (!rs.professions.empty()) p.profession = rs.professions.front().id;
    p.check_date = check;
    p.registration.initial = initial;
    if (initial) p.registration.period_start = Date{2021, 12, 1};
    p.last_worked = Date{2024, 3, 31};
    p.circumstances = {"illness"};
    for (int y = 2020; y <= 2025; ++y) p.hours.push_back({y, Date{y, 1, 1}, Date{y, 12, 31}, 300});
    int day = 1;
    for (const auto& c : rs.categories) {
        Activity a;
        a.date = Date{2023, 5, day++ % 28 + 1};
        a.title = "t";
        a.category = c.id;
        a.points = 12.5;
        a.accredited = day % 2 == 0;
        p.activities.push_back(a);
    }
    for (const auto& k : rs.kinds) {
        Activity a;
        a.date = Date{2024, 2, day++ % 28 + 1};
        a.title = "k";
        a.category = k.category;
        a.kind = k.id;
        a.points = 40;
        a.accredited = true;
        p.activities.push_back(a);
    }
    return p;
}

void assess_with(const RuleSet& rs) {
    const Date checks[] = {{2022, 1, 10}, {2026, 11, 22}, {2027, 6, 1}, {2035, 1, 1}};
    for (bool initial : {true, false}) {
        for (const Date& check : checks) {
            const Portfolio p = portfolio_for(rs, initial, check);
            Assessment a;
            if (!only_input_errors("assess (fuzzed rules)", [&] { a = assess(p, rs); })) continue;
            try {
                (void)assessment_to_json(a).dump();
                (void)summary_text(a, rs, "en");
            } catch (const std::exception& e) {
                fail(std::string("after assess with fuzzed rules, the output threw ") + typeid(e).name() + ": " + e.what());
            }
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text = as_text(data, size);

    std::vector<InputError> problems;
    try {
        problems = validate_rules(text, "fuzz.json");
    } catch (const std::exception& e) {
        fail(std::string("validate_rules threw ") + typeid(e).name() + ": " + e.what());
    }

    std::optional<RuleSet> rs;
    std::string error;
    const bool loaded = only_input_errors("load_rules", [&] {
        try {
            rs = load_rules(text, "fuzz.json");
        } catch (const InputError& e) {
            error = e.what();
            throw;
        }
    });

    if (loaded) {
        if (!problems.empty()) fail("load_rules accepted a file validate_rules finds problems in: " + std::string(problems.front().what()));
        assess_with(*rs);
        return 0;
    }
    if (problems.empty()) fail("load_rules refused a file validate_rules finds no problem in: " + error);
    if (!ends_with(error, problems.front().what()))
        fail("load_rules and validate_rules name different first problems:\n" + error + "\n" + problems.front().what());
    return 0;
}
