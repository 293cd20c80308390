// Properties of the assessment over generated portfolios (issue 16, point 9): what must hold for
// any portfolio, not only for the cases someone thought of. Each property runs on kPortfolios
// seeds (portfolio_generator.h) and prints what the seeds covered. The same suite runs natively
// and in wasm; both write every seed's assessment to a file, and the wasm run compares its file
// with the native one line by line (HERREG_PROPERTIES_OUT, HERREG_NATIVE_PROPERTIES).
#include "assessment/assessment.h"
#include "assessment/assessment_json.h"
#include "portfolio_generator.h"
#include "assessment/summary_text.h"
#include "test_support.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>

using namespace herreg;
using namespace herreg::test;

namespace {

constexpr uint64_t kPortfolios = 1200;
constexpr double kEpsilon = 1e-6;

struct Generated {
    uint64_t seed;
    Portfolio p;
    const RuleSet* rs;
    Assessment a;
};

Generated make(uint64_t seed) {
    Portfolio p = generate_portfolio(seed, rulebook());
    const RuleSet& rs = rulebook().for_portfolio(p);
    Assessment a = assess(p, rs);
    return {seed, std::move(p), &rs, std::move(a)};
}

double achieved(const Assessment& a, const std::string& id) {
    const CriterionResult* c = a.criterion(id);
    return c ? c->achieved : 0;
}


// What a summary says regardless of wording: the criteria's marks and the dates, in order.
std::string shape_of(const std::string& text) {
    static const std::regex mark(R"(\[(ok|tekort|short|\?)\])");
    static const std::regex nl_date(R"(\b(\d{2})-(\d{2})-(\d{4})\b)");
    static const std::regex iso_date(R"(\b(\d{4})-(\d{2})-(\d{2})\b)");
    std::string out;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), mark); it != std::sregex_iterator(); ++it)
        out += (*it)[1] == "tekort" ? std::string("short ") : (*it)[1].str() + " ";
    const std::string iso = std::regex_replace(text, nl_date, "$3-$2-$1");
    for (auto it = std::sregex_iterator(iso.begin(), iso.end(), iso_date); it != std::sregex_iterator(); ++it) out += it->str() + " ";
    return out;
}

}  // namespace

TEST_CASE("generated portfolios cover every register, every outcome and work after the check date") {
    std::map<std::string, int> registers, regimes;
    int planned_hours = 0, planned_activities = 0, not_registered = 0;
    for (uint64_t seed = 1; seed <= kPortfolios; ++seed) {
        const Generated g = make(seed);
        ++registers[g.p.register_id + (g.p.specialisation ? "/" + *g.p.specialisation : "")];
        ++regimes[g.a.regime == Regime::undecided ? "(undecided)" : std::string(regime_id(g.a.regime))];
        if (g.a.projection && g.a.projection->planned_hours > 0) ++planned_hours;
        if (g.a.projection && g.a.projection->planned_activities > 0) ++planned_activities;
        if (!g.p.registration.initial) ++not_registered;
    }
    std::string counts = "registers:";
    for (const auto& [k, n] : registers) counts += " " + k + " " + std::to_string(n);
    counts += "\nregimes:";
    for (const auto& [k, n] : regimes) counts += " " + k + " " + std::to_string(n);
    MESSAGE(kPortfolios << " portfolios; " << counts << "\nwith planned hours " << planned_hours << ", planned activities "
                        << planned_activities << ", not registered " << not_registered);
    CHECK(registers.size() == rulebook().sets().size());
    for (const char* r : {"reregistration", "initial_and_periodic", "dispensation", "deferral", "reentry_1", "reentry_2",
                          "reentry_3", "specialisation_expired", "not_eligible", "no_scheme"})
        CHECK_MESSAGE(regimes[r] > 0, "no generated portfolio ends in " << r);
    CHECK(planned_hours > 0);
    CHECK(planned_activities > 0);
}

TEST_CASE("property: adding an activity never raises the points still needed") {
    int checked = 0, lowered = 0;
    for (uint64_t seed = 1; seed <= kPortfolios; ++seed) {
        Generated g = make(seed);
        Rng rng(seed * 7919);
        g.p.activities.push_back(random_activity(rng, *g.rs, *g.p.check_date, rng.in(0, 2000)));
        const Assessment after = assess(g.p, *g.rs);
        INFO("seed " << seed);
        CHECK(after.plan.points_missing <= g.a.plan.points_missing + kEpsilon);
        lowered += after.plan.points_missing < g.a.plan.points_missing - kEpsilon;
        ++checked;
    }
    MESSAGE(checked << " portfolios, " << lowered << " of them needed fewer points after the extra activity");
    CHECK(checked >= 1000);
}

TEST_CASE("property: adding hours never turns a met criterion unmet") {
    int checked = 0, met_before = 0;
    for (uint64_t seed = 1; seed <= kPortfolios; ++seed) {
        Generated g = make(seed);
        Rng rng(seed * 104729);
        g.p.hours.push_back(random_hours(rng, *g.p.check_date));
        const Assessment after = assess(g.p, *g.rs);
        for (const CriterionResult& c : g.a.criteria) {
            if (!c.met || !*c.met) continue;
            ++met_before;
            const CriterionResult* now = after.criterion(c.id);
            INFO("seed " << seed << ", " << c.id);
            REQUIRE(now != nullptr);
            CHECK(now->met.value_or(false));
        }
        ++checked;
    }
    MESSAGE(checked << " portfolios, " << met_before << " criteria met before the extra hours");
    CHECK(checked >= 1000);
}

TEST_CASE("property: moving an activity from the future into the past never lowers the points achieved") {
    int checked = 0, moved = 0;
    for (uint64_t seed = 1; seed <= kPortfolios; ++seed) {
        Generated g = make(seed);
        Rng rng(seed * 15485863);
        // The portfolio's first planned activity, or one added after the check date.
        auto planned = std::find_if(g.p.activities.begin(), g.p.activities.end(),
                                    [&](const Activity& a) { return is_planned(a, *g.p.check_date); });
        if (planned == g.p.activities.end()) {
            g.p.activities.push_back(random_activity(rng, *g.rs, *g.p.check_date, -rng.in(1, 400)));
            planned = g.p.activities.end() - 1;
        }
        const Assessment before = assess(g.p, *g.rs);
        const long span = std::max(0L, days_between(before.window.from, before.check_date));
        planned->date = add_days(before.window.from, rng.in(0, int(std::min(span, 3000L))));
        const Assessment after = assess(g.p, *g.rs);
        INFO("seed " << seed << ": moved to " << to_iso(planned->date));
        for (const CriterionResult& c : before.criteria)
            if (c.is_points()) CHECK(achieved(after, c.id) + kEpsilon >= c.achieved);
        moved += achieved(after, "points_total") > achieved(before, "points_total") + kEpsilon;
        ++checked;
    }
    MESSAGE(checked << " portfolios, " << moved << " of them gained points by the move");
    CHECK(checked >= 1000);
}

TEST_CASE("property: a shorter break never gives a higher re-entry group") {
    int checked = 0, in_reentry = 0;
    for (uint64_t seed = 1; seed <= kPortfolios; ++seed) {
        Generated g = make(seed);
        Rng rng(seed * 32452843);
        // Short of hours so that re-entry is in play; the break before and after is what differs.
        g.p.hours.clear();
        g.p.plan_not_carried_out.clear();
        g.p.registration.initial = true;
        if (!g.p.registration.period_start) g.p.registration.period_start = add_months(*g.p.check_date, -rng.in(0, 60));
        g.p.last_worked = add_months(*g.p.check_date, -rng.in(0, 90));
        const Assessment longer = assess(g.p, *g.rs);
        g.p.last_worked = add_days(*g.p.last_worked, rng.in(0, 1500));
        if (*g.p.check_date < *g.p.last_worked) g.p.last_worked = g.p.check_date;
        const Assessment shorter = assess(g.p, *g.rs);
        const int before = reentry_group(longer.regime), after = reentry_group(shorter.regime);
        if (before && after) {
            ++in_reentry;
            INFO("seed " << seed << ": " << regime_id(longer.regime) << " -> " << regime_id(shorter.regime));
            CHECK(after <= before);
        }
        ++checked;
    }
    MESSAGE(checked << " portfolios, " << in_reentry << " in re-entry before and after");
    CHECK(checked >= 1000);
    CHECK(in_reentry >= 200);
}

TEST_CASE("property: the verdict does not depend on the language") {
    int checked = 0;
    for (uint64_t seed = 1; seed <= kPortfolios; ++seed) {
        const Generated g = make(seed);
        const std::string nl = summary_text(g.a, *g.rs, "nl"), en = summary_text(g.a, *g.rs, "en");
        INFO("seed " << seed << "\n" << nl << "\n" << en);
        CHECK(shape_of(nl) == shape_of(en));
        ++checked;
    }
    MESSAGE(checked << " portfolios read in both languages");
    CHECK(checked >= 1000);
}

// Natively the suite writes every seed's portfolio and assessment; in wasm it writes its own and
// compares the two files, so the browser's answer is shown to be the command line's.
TEST_CASE("property: the wasm build and the native build agree on every generated portfolio") {
    std::string lines;
    for (uint64_t seed = 1; seed <= kPortfolios; ++seed) {
        const Generated g = make(seed);
        lines += std::to_string(seed) + "\t" + portfolio_to_json(g.p).dump() + "\t" + assessment_to_json(g.a).dump() + "\n";
    }
    {
        std::ofstream out(HERREG_PROPERTIES_OUT, std::ios::binary);
        REQUIRE(out.good());
        out << lines;
    }
#ifdef HERREG_NATIVE_PROPERTIES
    std::ifstream native(HERREG_NATIVE_PROPERTIES, std::ios::binary);
    REQUIRE_MESSAGE(native.good(), "no native results at " HERREG_NATIVE_PROPERTIES ": run the native suite first (scripts/test.sh does)");
    std::istringstream mine(lines);
    std::string theirs_line, mine_line;
    uint64_t seed = 0, differ = 0;
    while (std::getline(mine, mine_line)) {
        ++seed;
        REQUIRE_MESSAGE(std::getline(native, theirs_line), "the native file ends at seed " << seed);
        if (theirs_line != mine_line) {
            if (++differ <= 3) CHECK_MESSAGE(theirs_line == mine_line, "seed " << seed << " differs");
        }
    }
    CHECK(differ == 0);
    MESSAGE(seed << " portfolios: wasm and native wrote the same portfolio and assessment JSON for " << (seed - differ));
#else
    MESSAGE(kPortfolios << " portfolios written to " HERREG_PROPERTIES_OUT " for the wasm suite to compare");
#endif
}

TEST_CASE("property: no next step asks for something by a date that has passed") {
    static const std::regex day_first(R"(\b(\d{2})-(\d{2})-(\d{4})\b)");   // 22-11-2026, in both languages
    int checked = 0, dated = 0;
    for (uint64_t seed = 1; seed <= kPortfolios; ++seed) {
        const Generated g = make(seed);
        for (const Note& step : g.a.next_steps) {
            const std::string& en = step.text.en;
            for (auto it = std::sregex_iterator(en.begin(), en.end(), day_first); it != std::sregex_iterator(); ++it) {
                ++dated;
                INFO("seed " << seed << ": " << en);
                CHECK((*it)[3].str() + "-" + (*it)[2].str() + "-" + (*it)[1].str() >= to_iso(g.a.check_date));
            }
        }
        ++checked;
    }
    MESSAGE(checked << " portfolios, " << dated << " dates in their next steps");
    CHECK(dated > 0);
}
