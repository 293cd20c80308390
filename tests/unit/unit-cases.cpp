// Runs every tests/cases/*.json: a named portfolio and the result expected of
// it. Each file is its own subcase, so a failure names the scenario.
#include "forms/application_check.h"
#include "assessment/assessment.h"
#include "assessment/assessment_json.h"
#include "case_match.h"
#include "portfolio/registrations.h"
#include "test_support.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace herreg;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> case_files() {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(HERREG_CASES_DIR))
        if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}


}  // namespace

TEST_CASE("data-driven rule cases") {
    const auto files = case_files();
    REQUIRE(files.size() >= 20);
    for (const auto& file : files) {
        const nlohmann::json c = nlohmann::json::parse(test::read_text_file(file.string()));
        const std::string name = file.stem().string() + ": " + c.value("name", "(unnamed)");
        SUBCASE(name.c_str()) {
            REQUIRE_MESSAGE(c.contains("portfolio"), "case has no portfolio");
            const std::string portfolio_text = c["portfolio"].dump();
            if (c.contains("expected_error")) {
                const std::string field = c["expected_error"]["field"];
                std::string got = "(no error)";
                try {
                    Portfolio p = read_portfolio(portfolio_text);
                    assess(p, test::rulebook().for_portfolio(p));
                    for (const auto& x : assess_other_registrations(p, test::rulebook()))
                        if (x.error) throw *x.error;
                } catch (const InputError& e) {
                    got = e.field();
                }
                CHECK_MESSAGE(got == field, name);
                continue;
            }
            REQUIRE_MESSAGE(c.contains("expected"), "case has neither expected nor expected_error");
            const Portfolio p = read_portfolio(portfolio_text);
            const Assessment a = assess(p, test::rulebook().for_portfolio(p));
            auto actual = assessment_to_json(a);   // as `herreg assess` writes it
            if (!p.other_registrations.empty())
                actual["other_registrations"] = other_assessments_to_json(assess_other_registrations(p, test::rulebook()));
            const auto mismatches = test::match_expected(actual, c["expected"]);
            std::string all;
            for (const auto& m : mismatches) all += "\n  " + m;
            CHECK_MESSAGE(mismatches.empty(), name << all);
            // A case with a filled-in application names what the pre-check must find:
            // ready (no problems), or exactly these problem ids.
            if (c.contains("expected_precheck")) {
                const nlohmann::json& ex = c["expected_precheck"];
                for (const char* lang : {"nl", "en"}) {
                    const ApplicationCheck check = check_application(p, a, test::rulebook().for_portfolio(p), lang);
                    std::string problems;
                    for (const auto& item : check.items)
                        if (item.status == CheckStatus::problem) problems += " " + item.id + " (" + item.text + ")";
                    if (ex.contains("ready")) CHECK_MESSAGE(check.ready() == ex["ready"].get<bool>(), name << " [" << lang << "] problems:" << problems);
                    if (ex.contains("items")) {
                        for (const auto& id : ex["items"])
                            CHECK_MESSAGE(check.item(id.get<std::string>()) != nullptr, name << ": no pre-check item " << id);
                    }
                }
            }
        }
    }
}
