// The app's words for the core's errors (InputError::problem): each reader's error carries its
// message from the catalogue, so it is said in Dutch with the values and the field kept, and
// the English line the CLI prints stays as it was.
#include "assessment/assessment.h"
#include "rules/rules.h"
#include "test_support.h"

#include <optional>

using namespace herreg;

namespace {

template <class F>
std::optional<InputError> error_of(F&& f) {
    try {
        f();
    } catch (const InputError& e) {
        return e;
    }
    return std::nullopt;
}

// A KP portfolio file with `extra` members added.
std::string kp_file(const std::string& extra) {
    return R"({"format":"herreg-portfolio/1","register":"kp","registration":{"initial":false})" + extra + "}";
}

std::string dutch(const std::optional<InputError>& e) { return e ? e->problem(Lang::nl) : "(no error)"; }

}  // namespace

TEST_CASE("a portfolio's errors in Dutch, values kept, the English line unchanged") {
    const auto negative = error_of([] { read_portfolio(kp_file(R"(,"hours":[{"year":2022,"hours":-5}])")); });
    REQUIRE(negative);
    CHECK(negative->field() == "hours[0].hours");
    CHECK(dutch(negative) == "moet minstens 0 zijn, maar is -5");
    CHECK(negative->problem(Lang::en) == "must be at least 0, got -5");
    CHECK(std::string(negative->what()) == "hours[0].hours: must be at least 0, got -5");

    // The kind of value inside the message is worded in the reader's language too.
    const auto text = error_of([] { read_portfolio(kp_file(R"(,"hours":[{"year":2022,"hours":"420"}])")); });
    REQUIRE(text);
    CHECK(dutch(text) == "hier hoort een getal, maar er staat tekst \"420\"");
    CHECK(std::string(text->what()) == "hours[0].hours: expected a number, got text \"420\"");
    CHECK(dutch(error_of([] { read_portfolio("[1,2]"); })) == "hier hoort een object, maar er staat een lijst");

    CHECK(dutch(error_of([] { read_portfolio(kp_file(R"(,"check_date":"2025-02-30")")); })) == "geen bestaande datum: \"2025-02-30\"");
    CHECK(dutch(error_of([] { read_portfolio(R"({"register":"kp"})"); })) == "ontbreekt");
    CHECK(dutch(error_of([] { read_portfolio(kp_file(R"(,"circumstances":["tired"])")); }))
              .rfind("onbekende omstandigheid \"tired\" (bekend: illness, ", 0) == 0);
}

TEST_CASE("why a document is not JSON, in Dutch inside the Dutch sentence") {
    const auto nan = error_of([] { read_portfolio(kp_file(R"(,"hours":[{"year":2022,"hours":NaN}])")); });
    REQUIRE(nan);
    CHECK(dutch(nan).rfind("geen geldige JSON op regel 1, kolom ", 0) == 0);
    CHECK(dutch(nan).find("(NaN en Infinity zijn in JSON geen getallen)") != std::string::npos);
    CHECK(std::string(nan->what()).find("(NaN and Infinity are not numbers in JSON)") != std::string::npos);
    // A reason herreg has no words of its own for: the parser's English for the CLI, a Dutch
    // sentence for the app.
    const auto other = error_of([] { read_portfolio(R"({"a" 1})"); });
    REQUIRE(other);
    CHECK(std::string(other->what()).find("error while parsing") != std::string::npos);
    CHECK(dutch(other).find("(iets wat JSON op deze plek niet verwacht)") != std::string::npos);
    CHECK(dutch(error_of([] { read_portfolio("   "); })) == "het bestand is leeg");
}

TEST_CASE("the rules' errors in Dutch: unknown names, rules files, and an error under a file's name") {
    Portfolio p = test::kp_portfolio();
    p.register_id = "knmg";
    CHECK(dutch(error_of([&] { test::rulebook().for_portfolio(p); })).rfind("onbekend register \"knmg\" (bekend: ", 0) == 0);

    const char* bad = R"({"format":"herreg-rules/1","register":"x","name":{"nl":"X"},
      "categories":[{"id":"a","name":{"nl":"A"}}],
      "versions":[{"source":"s","period":{"years":{"value":5,"source":"s"}},
                   "criteria":{"points_total":{"value":10}}}]})";
    const auto problems = validate_rules(bad, "x.json");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field() == "versions[0].criteria.points_total.source");
    CHECK(problems[0].problem(Lang::nl) == "ontbreekt");
    // load_rules puts the whole line under the file's name; both parts stay in the reader's language.
    const auto loaded = error_of([&] { load_rules(bad, "x.json"); });
    REQUIRE(loaded);
    CHECK(loaded->field() == "x.json");
    CHECK(dutch(loaded) == "versions[0].criteria.points_total.source: ontbreekt");
    CHECK(std::string(loaded->what()) == "x.json: versions[0].criteria.points_total.source: missing");
}

TEST_CASE("assess() checks a draft in the same words") {
    Portfolio p = test::kp_portfolio();
    p.registration.period_end = Date{2020, 1, 1};
    const auto e = error_of([&] { assess(p, *test::rulebook().find("kp", std::nullopt)); });
    REQUIRE(e);
    CHECK(e->field() == "registration.period_end");
    CHECK(dutch(e) == "moet na period_start liggen (2021-12-01)");
}
