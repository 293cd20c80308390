// An association's own rules file: Rulebook::add_own puts it in place of the built-in set
// with the same register (or beside them), remembers where it came from, and the session
// assesses again with it; a file with problems lists them all (problems_in).
#include "assessment/assessment.h"
#include "rules/embedded_rules.h"
#include "test_support.h"
#include "ui/session.h"

#include <functional>

using namespace herreg;

namespace {

std::string embedded(const std::string& name) {
    for (const RulesFile& f : embedded_rules_files())
        if (f.name == name) return f.text;
    FAIL("no embedded " << name);
    return "";
}

// kp.json with its first version's hours requirement set to `hours`.
std::string kp_with_hours(double hours) {
    nlohmann::json j = nlohmann::json::parse(embedded("kp.json"));
    j["versions"][0]["criteria"]["hours"]["value"] = hours;
    return j.dump(1);
}

double required_hours(const Assessment& a) {
    for (const auto& c : a.criteria)
        if (c.id == "hours") return c.required.value_or(-1);
    return -1;
}

}  // namespace

TEST_CASE("an own rules file replaces the built-in register with the same id") {
    Rulebook book = Rulebook::from_files(embedded_rules_files());
    const size_t sets = book.sets().size();
    CHECK_FALSE(book.has_own());
    CHECK(book.own_file(*book.find("kp", std::nullopt)) == nullptr);
    bool replaced = false;
    const RuleSet& rs = book.add_own({"vereniging-kp.json", kp_with_hours(1234)}, &replaced);
    CHECK(replaced);
    CHECK(book.sets().size() == sets);
    CHECK(&rs == book.find("kp", std::nullopt));
    REQUIRE(book.own_file(rs) != nullptr);
    CHECK(*book.own_file(rs) == "vereniging-kp.json");
    CHECK(book.own_file(*book.find("nvvpo", std::nullopt)) == nullptr);
    CHECK(book.has_own());

    // A register herreg does not have is added beside the others.
    nlohmann::json other = nlohmann::json::parse(embedded("kp.json"));
    other["register"] = "eigen";
    const RuleSet& added = book.add_own({"eigen.json", other.dump()}, &replaced);
    CHECK_FALSE(replaced);
    CHECK(book.sets().size() == sets + 1);
    CHECK(added.register_id == "eigen");
    Portfolio p = test::kp_portfolio();
    p.register_id = "eigen";
    CHECK_NOTHROW(book.check_portfolio(p));
}

TEST_CASE("a rules file with problems: every one listed, nothing loaded") {
    nlohmann::json j = nlohmann::json::parse(embedded("kp.json"));
    j["versions"][0]["criteria"]["hours"]["value"] = "1600";
    j["versions"][0]["criteria"]["points_total"].erase("source");
    j["versions"][0]["source"] = 5;
    j["versions"][0]["schemes"]["points_short"]["temporary_months"]["value"] = -1;
    j["name"]["nl"] = 3;
    const RulesFile file{"kapot.json", j.dump(1)};
    const auto problems = Rulebook::problems_in(file);
    REQUIRE(problems.size() == 5);
    CHECK(std::string(problems[0].what()) == "name.nl: expected text, got a number");
    CHECK(std::string(problems[1].what()) == "versions[0].source: expected text, got a number");
    CHECK(std::string(problems[2].what()) == "versions[0].criteria.hours.value: expected a number, got text \"1600\"");
    CHECK(std::string(problems[3].what()) == "versions[0].criteria.points_total.source: missing");
    CHECK(std::string(problems[4].what()) == "versions[0].schemes.points_short.temporary_months.value: must be at least 0, got -1");
    CHECK(problems[2].problem(Lang::nl) == "hier hoort een getal, maar er staat tekst \"1600\"");
    Rulebook book = Rulebook::from_files(embedded_rules_files());
    CHECK_THROWS_AS(book.add_own(file), InputError);
    CHECK_FALSE(book.has_own());
    // Not JSON at all: one problem, without a path.
    const auto empty = Rulebook::problems_in({"leeg.json", ""});
    REQUIRE(empty.size() == 1);
    CHECK(empty[0].field().empty());
    CHECK(std::string(empty[0].what()) == "the file is empty");
}

TEST_CASE("the session assesses again with own rules") {
    ui::Session session(Rulebook::from_files(embedded_rules_files()));
    session.replace(test::case_portfolio("kp-01-reregistration"));
    const Date today{2026, 11, 22};
    session.refresh(today);
    REQUIRE(session.assessment());
    CHECK(required_hours(*session.assessment()) == 1600);
    CHECK(session.own_rules_file() == nullptr);
    session.take_unsaved();
    const unsigned long revision = session.revision();
    session.add_own_rules({"eigen-kp.json", kp_with_hours(2500)});
    CHECK(session.revision() > revision);
    CHECK_FALSE(session.take_unsaved());   // the member's data did not change: nothing to autosave
    CHECK(session.assessment() == nullptr);   // never one made with the old rules
    session.refresh(today);
    REQUIRE(session.assessment());
    CHECK(required_hours(*session.assessment()) == 2500);
    REQUIRE(session.own_rules_file() != nullptr);
    CHECK(*session.own_rules_file() == "eigen-kp.json");
}

namespace {
// Every member named `key` anywhere in `j` gets its value set by `set`.
void set_everywhere(nlohmann::json& j, const std::string& key, const std::function<void(nlohmann::json&)>& set) {
    if (j.is_object()) {
        for (auto& [k, v] : j.items()) {
            if (k == key) set(v);
            else set_everywhere(v, key, set);
        }
    } else if (j.is_array()) {
        for (auto& v : j) set_everywhere(v, key, set);
    }
}
}  // namespace

TEST_CASE("rules numbers that would take dates past the calendar are refused, with their path") {
    // 100,000 months validated and gave years past 32767, which wrapped in the calendar file.
    nlohmann::json j = nlohmann::json::parse(embedded("kp.json"));
    set_everywhere(j, "temporary_months", [](nlohmann::json& v) { v["value"] = 100000; });
    const std::vector<InputError> problems = validate_rules(j.dump(), "kp.json");
    REQUIRE_FALSE(problems.empty());
    bool named = false;
    for (const InputError& e : problems)
        named = named || (e.field().find("temporary_months.value") != std::string::npos &&
                          std::string(e.what()).find("1200") != std::string::npos);
    CHECK(named);
    // A hundred years of months is still a rule herreg takes.
    nlohmann::json ok = nlohmann::json::parse(embedded("kp.json"));
    set_everywhere(ok, "temporary_months", [](nlohmann::json& v) { v["value"] = 1200; });
    CHECK(validate_rules(ok.dump(), "kp.json").empty());
}

TEST_CASE("a number the rules leave open (null) that an outcome needs is said, not read") {
    nlohmann::json j = nlohmann::json::parse(embedded("kp.json"));
    set_everywhere(j, "temporary_months", [](nlohmann::json& v) { v["value"] = nullptr; });
    REQUIRE(validate_rules(j.dump(), "kp.json").empty());   // open numbers are allowed
    Rulebook book = Rulebook::from_files(embedded_rules_files());
    book.add_own({"open-kp.json", j.dump()});
    const Portfolio p = herreg::test::case_portfolio("kp-02-dispensation");   // dispensation: needs temporary_months
    CHECK(herreg::test::error_field([&] { assess(p, book.for_portfolio(p)); }) == "rules");
}
