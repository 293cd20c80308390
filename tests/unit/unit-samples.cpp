// The sample portfolios embedded from tests/cases: every one opens and assesses.
#include "assessment/assessment.h"
#include "portfolio/samples.h"
#include "test_support.h"

#include <algorithm>

using namespace herreg;
using namespace herreg::test;

TEST_CASE("every sample reads and assesses against the embedded rules") {
    const auto& all = samples();
    REQUIRE(all.size() >= 20);
    CHECK(std::is_sorted(all.begin(), all.end(), [](const Sample& a, const Sample& b) { return a.name < b.name; }));
    for (const Sample& s : all) {
        INFO(s.name);
        CHECK(s.name.rfind("error-", 0) == std::string::npos);
        CHECK_FALSE(s.title.empty());
        CHECK_NOTHROW(assess(read_portfolio(s.portfolio_json), rulebook().for_portfolio(read_portfolio(s.portfolio_json))));
    }
}

TEST_CASE("finding a sample by name") {
    const Sample* s = find_sample("kp-02-dispensation");
    REQUIRE(s != nullptr);
    CHECK(s->name == "kp-02-dispensation");
    CHECK(s->title.find("KP") != std::string::npos);
    const Portfolio p = read_portfolio(s->portfolio_json);
    CHECK(p.register_id == "kp");
    CHECK(find_sample("no-such-sample") == nullptr);
    CHECK(find_sample("error-01-unknown-register") == nullptr);
    CHECK(find_sample("") == nullptr);
}
