#include "test_support.h"

#include <fstream>
#include <sstream>

using namespace herreg;

namespace {
std::string rules_file(const std::string& name) {
    std::ifstream in(std::string(HERREG_RULES_DIR) + "/" + name);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bool mentions(const std::vector<InputError>& problems, const std::string& needle) {
    for (const auto& p : problems)
        if (std::string(p.what()).find(needle) != std::string::npos) return true;
    return false;
}
}  // namespace

TEST_CASE("every embedded rules file loads and validates clean") {
    const auto& files = embedded_rules_files();
    CHECK(files.size() == 7);
    for (const auto& f : files) {
        CAPTURE(f.name);
        CHECK(validate_rules(f.text, f.name).empty());
    }
    const Rulebook& book = test::rulebook();
    CHECK(book.find("kp", std::nullopt));
    CHECK(book.find("kabiz", std::nullopt));
    CHECK(book.find("nvvpo", std::nullopt));
    for (const char* s : {"kinderoefentherapie", "bekkenoefentherapie", "psychosomatische_oefentherapie", "geriatrieoefentherapie"})
        CHECK(book.find("vvocm", std::string(s)));
}

TEST_CASE("KP numbers come from the sources") {
    const RuleSet& kp = *test::rulebook().find("kp", std::nullopt);
    const RuleVersion& v = kp.version_for(Date{2021, 12, 1});
    CHECK(*v.criterion("hours")->value == 1600);
    CHECK(v.criterion("hours")->source == "000");
    CHECK(*v.criterion("points_total")->value == 160);
    CHECK(*v.criterion("points_accredited")->value == 40);
    CHECK(v.points_short->regime == Regime::dispensation);
    CHECK(*v.points_short->temporary_months.value == 12);
    CHECK(*v.reentry->group(Regime::reentry_3)->hours_required.value == 900);
    CHECK(v.criteria.front().first == "hours");   // reading order, not alphabetical
    CHECK(v.criteria.back().first == "points_accredited");
}

TEST_CASE("unknown numbers stay unknown") {
    const RuleSet& kabiz = *test::rulebook().find("kabiz", std::nullopt);
    const RuleVersion& v = kabiz.versions.front();
    CHECK_FALSE(v.criterion("hours")->known());
    CHECK_FALSE(v.earliest_months.known());
    CHECK(*v.reentry->group(Regime::reentry_3)->temporary_months.value == 24);   // 002 Bijlage 1
    const RuleSet& bekken = *test::rulebook().find("vvocm", std::string("bekkenoefentherapie"));
    CHECK_FALSE(bekken.versions.front().criterion("points_total")->known());
    const RuleSet& kinder = *test::rulebook().find("vvocm", std::string("kinderoefentherapie"));
    CHECK(*kinder.versions.front().criterion("hours")->value == 800);
}

TEST_CASE("versions are chosen by the period's start") {
    std::string text = rules_file("kp.json");
    // Add an older version with other numbers; a period from 2018 must get it.
    const std::string marker = "\"versions\": [";
    const auto at = text.find(marker);
    REQUIRE(at != std::string::npos);
    text.insert(at + marker.size(), R"({"effective_from":"2015-07-01","source":"test",
      "period":{"years":{"value":5,"source":"t"}},
      "criteria":{"hours":{"value":1000,"source":"t"}}},)");
    const RuleSet rs = load_rules(text, "kp.json");
    bool before = false;
    CHECK(*rs.version_for(Date{2018, 1, 1}).criterion("hours")->value == 1000);
    CHECK(*rs.version_for(Date{2020, 7, 1}).criterion("hours")->value == 1600);
    CHECK(*rs.version_for(Date{2010, 1, 1}, &before).criterion("hours")->value == 1000);
    CHECK(before);
}

TEST_CASE("validate_rules lists every problem with its path") {
    const char* bad = R"({"format":"herreg-rules/1","register":"x","name":{"nl":"X"},
      "categories":[{"id":"a","name":{"nl":"A"}}],
      "kinds":[{"id":"k","category":"nope","name":{"nl":"K"}}],
      "versions":[{"effective_from":"2020-13-01","source":"s","period":{"years":{"value":5,"source":"s"}},
                   "criteria":{"hours":{"value":-5,"source":"s"},"points_b":{"value":1,"source":"s"},
                               "points_total":{"value":10}}}]})";
    const auto problems = validate_rules(bad, "x.json");
    CHECK(mentions(problems, "kinds[0].category: unknown category \"nope\""));
    CHECK(mentions(problems, "versions[0].effective_from: not a date"));
    const char* bad2 = R"({"format":"herreg-rules/1","register":"x","name":{"nl":"X"},
      "categories":[{"id":"a","name":{"nl":"A"}}],
      "versions":[{"source":"s","period":{"years":{"value":5,"source":"s"}},
                   "criteria":{"hours":{"value":-5,"source":"s"},"points_b":{"value":1,"source":"s"},
                               "points_total":{"value":10}}}]})";
    const auto p2 = validate_rules(bad2, "x.json");
    CHECK(p2.size() == 3);
    CHECK(mentions(p2, "versions[0].criteria.hours.value: must be at least 0"));
    CHECK(mentions(p2, "versions[0].criteria.points_b: unknown criterion"));
    CHECK(mentions(p2, "versions[0].criteria.points_total.source: missing"));
    CHECK_THROWS_AS(load_rules(bad2, "x.json"), InputError);
}

TEST_CASE("a period of 0 or of centuries is refused with its path") {
    // A typing error in a third party's rules file (500 for 5) would move every window
    // centuries back and still give an answer; it is refused instead.
    const auto with_years = [](const char* years) {
        return std::string(R"({"format":"herreg-rules/1","register":"x","name":{"nl":"X"},
          "categories":[{"id":"a","name":{"nl":"A"}}],
          "versions":[{"source":"s","period":{"years":{"value":)") + years + R"(,"source":"s"}},
                       "criteria":{"hours":{"value":1,"source":"s"}}}]})";
    };
    CHECK(validate_rules(with_years("5"), "x.json").empty());
    CHECK(validate_rules(with_years("50"), "x.json").empty());
    for (const char* years : {"0", "0.5", "51", "500", "5000"}) {
        CAPTURE(years);
        const auto problems = validate_rules(with_years(years), "x.json");
        REQUIRE(problems.size() == 1);
        CHECK(mentions(problems, "versions[0].period.years.value: must be between 1 and 50 years"));
        CHECK_THROWS_AS(load_rules(with_years(years), "x.json"), InputError);
    }
}

TEST_CASE("the rulebook names what it knows when a register is unknown") {
    Portfolio p = test::kp_portfolio();
    p.register_id = "knmg";
    CHECK(test::error_field([&] { test::rulebook().for_portfolio(p); }) == "register");
    p.register_id = "vvocm";
    CHECK(test::error_field([&] { test::rulebook().for_portfolio(p); }) == "specialisation");
    p.specialisation = "handtherapie";
    CHECK(test::error_field([&] { test::rulebook().for_portfolio(p); }) == "specialisation");
}

// Issue 21 #3: long lists are read with look-up tables (a walk per entry made 2.3 MB take 12 s;
// `herreg bench` prints the growth). What the tables must keep: a duplicate at the far end of a
// long list is still found, with its path, and every category and kind is found by its id.
TEST_CASE("long category and kind lists: duplicates found, every id looked up") {
    const int n = 3000;
    std::string cats, kinds;
    for (int i = 0; i < n; ++i) {
        const std::string id = std::to_string(i);
        cats += R"({"id":"c)" + id + R"(","name":{"nl":"C"}},)";
        kinds += R"({"id":"k)" + id + R"(","category":"c)" + std::to_string(n - 1 - i) + R"(","name":{"nl":"K"}},)";
    }
    const auto file = [&](const std::string& extra_cat, const std::string& extra_kind) {
        return R"({"format":"herreg-rules/1","register":"x","name":{"nl":"X"},"categories":[)" + cats + extra_cat +
               R"(],"kinds":[)" + kinds + extra_kind +
               R"(],"versions":[{"source":"s","period":{"years":{"value":5,"source":"s"}},"criteria":{"hours":{"value":5,"source":"s"}}}]})";
    };
    const RuleSet rs = load_rules(file(R"({"id":"last","name":{"nl":"L"}})", R"({"id":"klast","category":"last","name":{"nl":"K"}})"), "x.json");
    REQUIRE(rs.categories.size() == size_t(n) + 1);
    REQUIRE(rs.kinds.size() == size_t(n) + 1);
    for (int i = 0; i < n; i += 7) {
        const KindDef* k = rs.kind("k" + std::to_string(i));
        REQUIRE(k);
        CHECK(k->category == "c" + std::to_string(n - 1 - i));
        REQUIRE(rs.category(k->category));
        CHECK(rs.category(k->category)->id == k->category);
    }
    CHECK(rs.kind("klast")->category == "last");
    CHECK_FALSE(rs.kind("k" + std::to_string(n)));
    CHECK_FALSE(rs.category("c"));
    CHECK_NOTHROW(rs.require_criterion("points_last", "x"));

    const auto problems = validate_rules(file(R"({"id":"c5","name":{"nl":"L"}})", R"({"id":"k2999","category":"c1","name":{"nl":"K"}})"), "x.json");
    CHECK(problems.size() == 2);
    CHECK(mentions(problems, "categories[" + std::to_string(n) + "].id"));
    CHECK(mentions(problems, "kinds[" + std::to_string(n) + "].id"));

    // A RuleSet put together by hand has no tables: the look-ups walk the lists.
    RuleSet by_hand;
    by_hand.categories.push_back(CategoryDef{Named{"a", {}}});
    CHECK(by_hand.category("a"));
    CHECK_FALSE(by_hand.category("b"));
}
