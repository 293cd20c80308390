// Engine mechanics, one behaviour a test. The schemes per register are covered
// by the data-driven cases in tests/cases/.
#include "assessment/assessment.h"
#include "assessment/assessment_json.h"
#include "assessment/counting.h"
#include "portfolio/registrations.h"
#include "assessment/summary_text.h"
#include "test_support.h"

using namespace herreg;
using namespace herreg::test;

namespace {
const RuleSet& kp() { return *rulebook().find("kp", std::nullopt); }
const RuleSet& nvvpo() { return *rulebook().find("nvvpo", std::nullopt); }

// A KP portfolio that meets everything: 5 x 400 hours, 60+60 points, 40 accredited.
Portfolio kp_meeting() {
    Portfolio p = kp_portfolio();
    for (int y = 2022; y <= 2026; ++y) add_hours(p, y, 400);
    add_activity(p, Date{2022, 5, 1}, "bij_en_nascholing", 40, true);
    add_activity(p, Date{2023, 5, 1}, "bij_en_nascholing", 40, false);
    add_activity(p, Date{2024, 5, 1}, "overige", 80, false);
    return p;
}
}  // namespace

TEST_CASE("hours count pro rata by days inside the window") {
    const Window w{Date{2021, 12, 1}, Date{2026, 12, 1}};
    CHECK(hours_in_window({2021, Date{2021, 1, 1}, Date{2021, 12, 31}, 365}, w) == doctest::Approx(31));
    CHECK(hours_in_window({2026, Date{2026, 1, 1}, Date{2026, 12, 31}, 365}, w) == doctest::Approx(334));
    CHECK(hours_in_window({2027, Date{2027, 1, 1}, Date{2027, 12, 31}, 365}, w) == 0);
    CHECK(hours_in_window({std::nullopt, Date{2023, 1, 1}, Date{2023, 1, 1}, 8}, w) == 8);
}

TEST_CASE("work after the check date is planned: a later range's hours wait, a whole-year figure for the check date's year is the hours so far") {
    const Date check{2026, 6, 1};
    // 366 h over all of 2026, read on 1 June: worked 1 January - 1 June, all of it inside a window
    // that covers the year.
    const HoursEntry year{2026, Date{2026, 1, 1}, Date{2026, 12, 31}, 366};
    CHECK(is_year_so_far(year, check));
    CHECK(as_worked(year, check).to == check);
    CHECK_FALSE(is_year_so_far(year, Date{2027, 1, 10}));   // a past year is a whole year
    CHECK(as_worked(year, Date{2027, 1, 10}).to == Date{2026, 12, 31});

    Portfolio p = kp_portfolio();
    p.check_date = check;
    p.hours.push_back(year);
    p.hours.push_back({std::nullopt, Date{2026, 5, 22}, Date{2026, 6, 10}, 200});   // 20 days, 10 h each
    const Window w{Date{2021, 7, 1}, Date{2026, 7, 1}};
    const Tally today = count(p, kp(), w, check, check);
    CHECK(today.hours == doctest::Approx(366 + 110));   // 22 May - 1 June: 11 days of the range
    CHECK(*today.last_hours_day == check);
    const Tally planned = count(p, kp(), w, check, add_days(w.to, -1));
    CHECK(planned.hours == doctest::Approx(366 + 200));   // the range's rest is planned; the year's figure stays
    // A window that starts inside the span: the figure is spread over 1 January - check date.
    const Tally cut = count(p, kp(), Window{Date{2026, 3, 1}, Date{2031, 3, 1}}, check, check);
    const double share = 366.0 * double(days_between(Date{2026, 3, 1}, Date{2026, 6, 2})) / 152.0;
    CHECK(cut.hours == doctest::Approx(share + 110));
}

TEST_CASE("a portfolio meeting every KP criterion gets re-registration") {
    const Assessment a = assess(kp_meeting(), kp());
    CHECK(a.meets == true);
    CHECK(a.regime == Regime::reregistration);
    CHECK(a.criterion("hours")->achieved == doctest::Approx(2000));   // 2022..2026; 2026's 400 h are those worked up to the check date
    CHECK(a.criterion("points_total")->achieved == 160);
    CHECK(a.criterion("points_total")->non_accredited == 120);
    CHECK(a.plan.points_missing == 0);
    CHECK(a.deadline("last_filing_day")->date == Date{2027, 2, 1});
    CHECK(a.deadline("earliest_reregistration")->date == Date{2024, 12, 1});
    CHECK(a.deadline("new_period_end")->date == Date{2031, 12, 1});
    CHECK(a.filing == Filing::Open);
}

TEST_CASE("points missing is the largest of total, category sum and accredited gaps") {
    Portfolio p = kp_portfolio();
    for (int y = 2022; y <= 2026; ++y) add_hours(p, y, 400);
    // 150 points: bij 10 (short 30), overige 140, accredited 0 (short 40), total short 10.
    add_activity(p, Date{2022, 5, 1}, "bij_en_nascholing", 10, false);
    add_activity(p, Date{2022, 6, 1}, "overige", 140, false);
    Assessment a = assess(p, kp());
    CHECK(a.plan.points_missing == 40);
    // Now the category gaps add up beyond the rest: bij 0 (40), overige 0 (40) -> 80.
    p.activities.clear();
    add_activity(p, Date{2022, 5, 1}, "overige", 10, true);
    p.activities[0].category = "bij_en_nascholing";
    p.activities[0].points = 0;
    a = assess(p, kp());
    CHECK(a.plan.points_missing == 160);
}

TEST_CASE("portfolio thresholds override the rules file") {
    Portfolio p = kp_meeting();
    p.thresholds["hours"] = 2080;
    Assessment a = assess(p, kp());
    CHECK(a.criterion("hours")->required == 2080);
    CHECK(a.criterion("hours")->source == "portfolio thresholds");
    CHECK(a.criterion("hours")->met == false);
    p.thresholds["bogus"] = 3;
    CHECK(error_field([&] { assess(p, kp()); }) == "thresholds.bogus");
}

TEST_CASE("unknown thresholds give meets null and no decided scheme") {
    Portfolio p = kp_meeting();
    p.register_id = "kabiz";
    p.profession = "anders";   // KABIZ's one profession
    const Assessment a = assess(p, *rulebook().find("kabiz", std::nullopt));
    CHECK_FALSE(a.meets);
    CHECK(a.regime == Regime::undecided);
    CHECK_FALSE(a.criterion("hours")->met);
    CHECK(assessment_to_json(a)["regime"].is_null());
    CHECK(assessment_to_json(a)["meets"].is_null());
}

TEST_CASE("NVvPO caps: four points per kind per calendar year, in date order") {
    Portfolio p;
    p.register_id = "nvvpo";
    p.check_date = Date{2026, 11, 22};
    p.registration.period_start = Date{2021, 12, 1};
    for (int m = 1; m <= 6; ++m) add_activity(p, Date{2023, m, 10}, "dba", 1, false, "poh_overleg");
    add_activity(p, Date{2024, 1, 10}, "dba", 1, false, "poh_overleg");
    add_activity(p, Date{2023, 2, 10}, "dba", 1, false, "werkgroep_astma_copd");   // its own cap
    const Assessment a = assess(p, nvvpo());
    CHECK(a.criterion("points_dba")->achieved == 6);   // 4 (2023) + 1 (2024) + 1 astma
    CHECK(a.tally.points_capped_away == 2);
    bool warned = false;
    for (const auto& w : a.warnings) warned = warned || w.id == "points_capped";
    CHECK(warned);
}

TEST_CASE("a kind must match its category and the register") {
    Portfolio p;
    p.register_id = "nvvpo";
    p.check_date = Date{2026, 11, 22};
    p.registration.period_start = Date{2021, 12, 1};
    add_activity(p, Date{2023, 1, 10}, "bij_en_nascholing", 1, false, "poh_overleg");
    CHECK(error_field([&] { assess(p, nvvpo()); }) == "activities[0].category");
    p.activities[0].kind = "yoga";
    CHECK(error_field([&] { assess(p, nvvpo()); }) == "activities[0].kind");
    Portfolio q = kp_portfolio();
    add_activity(q, Date{2023, 1, 10}, "dba", 1, false);
    CHECK(error_field([&] { assess(q, kp()); }) == "activities[0].category");
}

TEST_CASE("activities outside the window and future ones do not count today") {
    Portfolio p = kp_meeting();
    add_activity(p, Date{2021, 11, 30}, "overige", 50, true);   // the day before the period
    add_activity(p, Date{2026, 12, 1}, "overige", 50, true);    // the day the period ends
    add_activity(p, Date{2026, 11, 25}, "overige", 7, true);    // after check_date: planned
    const Assessment a = assess(p, kp());
    CHECK(a.criterion("points_total")->achieved == 160);
    REQUIRE(a.projection);
    CHECK(a.projection->planned_activities == 1);
    CHECK(a.projection->planned_points == 7);
    CHECK(a.projection->criteria[1].achieved == 167);
}

TEST_CASE("a missing check date is named") {
    Portfolio p = kp_meeting();
    p.check_date.reset();
    CHECK(error_field([&] { assess(p, kp()); }) == "check_date");
    p.check_date = Date{2020, 1, 1};
    CHECK(error_field([&] { assess(p, kp()); }) == "check_date");
}

TEST_CASE("met exactly on non-accredited points warns about the missing margin") {
    Portfolio p = kp_meeting();   // bij 80, overige 80 (non-accredited), total 160 exactly
    const Assessment a = assess(p, kp());
    bool warned = false;
    for (const auto& w : a.warnings) warned = warned || w.id == "no_margin_points_total";
    CHECK(warned);
}

TEST_CASE("likely duplicates: each group of alike entries named once, with how many") {
    Portfolio p = kp_meeting();
    for (int i = 0; i < 3; ++i) add_activity(p, Date{2025, 3, 12}, "overige", 5, true);   // three alike
    p.activities.back().provider = "Een ander";   // still alike: date, title and kind
    add_activity(p, Date{2025, 4, 1}, "overige", 5, true);
    add_activity(p, Date{2025, 4, 1}, "overige", 5, true);   // a pair
    add_activity(p, Date{2025, 5, 1}, "overige", 5, true);   // alone: not a duplicate
    auto duplicates = [](const Assessment& a) -> const Reason* {
        for (const auto& w : a.warnings)
            if (w.id == "possible_duplicates") return &w;
        return nullptr;
    };
    const Assessment a = assess(p, kp());
    const Reason* w = duplicates(a);
    REQUIRE(w != nullptr);
    CHECK(w->text.nl ==
          "Mogelijk dubbel ingevoerd (zelfde datum, titel en soort): 3× ‘Activiteit’ op 12-03-2025, ‘Activiteit’ op 01-04-2025. "
          "Is het dezelfde activiteit, laat er dan één staan; nu tellen ze allemaal mee.");
    CHECK(w->text.en ==
          "Possibly entered more than once (same date, title and kind): 3× ‘Activiteit’ on 12-03-2025, ‘Activiteit’ on 01-04-2025. "
          "If it is the same activity, keep one; all of them count now.");

    // Only pairs: "one of both"; more than three groups: the rest counted, not listed.
    Portfolio q = kp_meeting();
    for (int m = 1; m <= 5; ++m)
        for (int i = 0; i < 2; ++i) add_activity(q, Date{2025, m, 2}, "overige", 1, true);
    const Assessment b = assess(q, kp());
    const Reason* v = duplicates(b);
    REQUIRE(v != nullptr);
    CHECK(v->text.nl ==
          "Mogelijk dubbel ingevoerd (zelfde datum, titel en soort): ‘Activiteit’ op 02-01-2025, ‘Activiteit’ op 02-02-2025, "
          "‘Activiteit’ op 02-03-2025 en nog 2. Is het dezelfde activiteit, verwijder dan een van beide; beide tellen nu mee.");
    CHECK(v->text.en.find(" and 2 more. If it is the same activity, remove one; both count now.") != std::string::npos);

    const Assessment none = assess(kp_meeting(), kp());
    CHECK(duplicates(none) == nullptr);
}

TEST_CASE("the text summary reads in Dutch and English") {
    const Assessment a = assess(kp_meeting(), kp());
    const std::string nl = summary_text(a, kp(), "nl");
    const std::string en = summary_text(a, kp(), "en");
    CHECK(nl.find("Je voldoet aan de criteria voor herregistratie.") != std::string::npos);
    CHECK(nl.find("Werkervaring (uren): 2.000 / 1.600") != std::string::npos);
    CHECK(nl.find("01-02-2027  Laatste dag om in te dienen") != std::string::npos);
    CHECK(en.find("You meet the criteria for re-registration.") != std::string::npos);
    CHECK(en.find("2,000 / 1,600") != std::string::npos);
}

// Format 2: each registration counts what is meant for it.
TEST_CASE("registrations: each is assessed on its own window with the entries meant for it") {
    Portfolio p = test::case_portfolio("vvocm-08-specialisation-and-base");
    const auto others = assess_other_registrations(p, test::rulebook());
    REQUIRE(others.size() == 1);
    const double base_points = others[0].assessment.criterion("points_total")->achieved;
    CHECK(base_points == doctest::Approx(50));   // the 30-point course is the specialisation's only
    // Unmarked, the course counts for the base registration too.
    p.activities[0].for_registrations.clear();
    CHECK(assess_other_registrations(p, test::rulebook())[0].assessment.criterion("points_total")->achieved ==
          doctest::Approx(base_points + 30));
    // Marked for the base registration only, it leaves the specialisation.
    p.activities[0].for_registrations = {"kp"};
    const Assessment spec = assess(p, test::rulebook().for_portfolio(p));
    CHECK(spec.criterion("points_total")->achieved == doctest::Approx(50));
    // An error in an entry meant for one registration names the entry as the portfolio numbers it.
    p.activities[2].category = "dba";
    p.activities[2].for_registrations = {"kp"};
    const auto failed = assess_other_registrations(p, test::rulebook());
    REQUIRE(failed[0].error);
    CHECK(failed[0].error->field() == "activities[2].category");
    // A shared one of a category a register lacks is left out there, and said, whichever
    // registration the portfolio names first.
    p.activities[2].for_registrations.clear();
    const Assessment spec2 = assess(p, test::rulebook().for_portfolio(p));
    CHECK(std::any_of(spec2.warnings.begin(), spec2.warnings.end(), [](const Reason& r) { return r.id == "activities_left_out"; }));
    // Alone in a portfolio, it is an error, as in format 1.
    Portfolio single = p;
    single.other_registrations.clear();
    CHECK(test::error_field([&] { assess(single, test::rulebook().for_portfolio(single)); }) == "activities[2].category");
    // A check date before an other registration's period names that period's start.
    Portfolio early = test::case_portfolio("vvocm-08-specialisation-and-base");
    early.other_registrations[0].registration.period_start = Date{2027, 1, 1};
    const auto e2 = assess_other_registrations(early, test::rulebook());
    REQUIRE(e2[0].error);
    CHECK(e2[0].error->field() == "other_registrations[0].registration.period_start");
    Portfolio kabiz = test::case_portfolio("vvocm-08-specialisation-and-base");
    kabiz.other_registrations[0].register_id = "nvvpo";
    kabiz.other_registrations[0].profession = "";
    kabiz.activities.push_back(kabiz.activities[1]);
    kabiz.activities.back().category = "dba";
    kabiz.activities.back().for_registrations = {"nvvpo"};
    kabiz.activities.push_back(kabiz.activities[1]);   // shared, "overige": NVvPO has no such category
    const auto x = assess_other_registrations(kabiz, test::rulebook());
    REQUIRE(x.size() == 1);
    CHECK(x[0].key == "nvvpo");
    CHECK(!x[0].activities_left_out.empty());
    CHECK(std::any_of(x[0].assessment.warnings.begin(), x[0].assessment.warnings.end(),
                      [](const Reason& r) { return r.id == "activities_left_out"; }));
}
