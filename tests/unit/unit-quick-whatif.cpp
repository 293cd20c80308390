// The helpdesk's quick what-ifs (quick_whatif.h): what they add to a copy of the portfolio,
// and that the comparison then shows what they bring, per criterion.
#include "assessment/assessment.h"
#include "input/input_error.h"
#include "assessment/plan_coverage.h"
#include "helpdesk/quick_whatif.h"
#include "helpdesk/scenario_compare.h"
#include "test_support.h"

using namespace herreg;
using namespace herreg::test;

namespace {

ScenarioComparison compare(const Assessed& x, const Assessed& y) {
    return compare_scenarios(x.p, x.a, *x.rs, y.p, y.a, *y.rs, "nl");
}

std::string cover(const ScenarioComparison& c, const std::string& criterion) {
    const ComparisonRow* r = c.row("planned.cover." + criterion);
    REQUIRE_MESSAGE(r != nullptr, criterion);
    return r->b;
}

Date proof_date(const Assessed& s) {
    const Deadline* d = s.a.deadline("proof_due");
    REQUIRE(d != nullptr);
    return d->date;
}

PlannedActivities courses(int n, double points, const std::string& category, bool accredited, Date before) {
    PlannedActivities plan;
    plan.count = n;
    plan.points = points;
    plan.category = category;
    plan.accredited = accredited;
    plan.before = before;
    plan.title = "Cursus";
    return plan;
}

}  // namespace

TEST_CASE("three accredited courses of 8 points before the proof date: spread out, counted, compared") {
    const Assessed a = assessed(case_portfolio("kp-02-dispensation"));
    REQUIRE(a.a.regime == Regime::dispensation);
    const Date before = add_days(proof_date(a), -10);
    Portfolio p = a.p;
    add_planned_activities(p, courses(3, 8, "bij_en_nascholing", true, before), a.a.check_date);
    REQUIRE(p.activities.size() == a.p.activities.size() + 3);
    // Evenly over the days to come, the last on the date given, each after the check date.
    const Activity& first = p.activities[p.activities.size() - 3];
    const Activity& last = p.activities.back();
    CHECK(last.date == before);
    CHECK(a.a.check_date < first.date);
    CHECK(first.title == "Cursus 1");
    CHECK(last.title == "Cursus 3");
    const long span = days_between(a.a.check_date, before);
    CHECK(days_between(a.a.check_date, first.date) == span / 3);

    const Assessed b = assessed(p);
    const PlanOutlook o = plan_outlook(b.p, b.a);
    CHECK(o.activities == 3);
    CHECK(o.points == 24);
    const ScenarioComparison c = compare(a, b);
    CHECK(cover(c, "points_total") == "ontbreekt 40, gepland 24 ✗");
    CHECK(c.row("planned.activities")->b == "3 (24 punten)");
    CHECK(c.differences > 0);

    // Two more of 8 close the gap.
    add_planned_activities(p, courses(2, 8, "bij_en_nascholing", true, before), a.a.check_date);
    CHECK(cover(compare(a, assessed(p)), "points_total") == "ontbreekt 40, gepland 40 ✓");
}

TEST_CASE("quick what-if courses that leave a gap open: another category, not accredited, after the proof date") {
    Portfolio base = case_portfolio("kp-02-dispensation");
    for (Activity& act : base.activities) {
        act.category = "overige";
        act.accredited = false;
    }
    const Assessed a = assessed(base);
    const Date before = add_days(proof_date(a), -1);
    const auto with = [&](const std::string& category, bool accredited, Date when) {
        Portfolio p = base;
        add_planned_activities(p, courses(5, 10, category, accredited, when), a.a.check_date);
        return compare(a, assessed(p));
    };
    const auto closed = [](const std::string& row_text) { return row_text.find(" ✓") != std::string::npos; };
    SUBCASE("another category") {
        const ScenarioComparison c = with("overige", true, before);
        CHECK(closed(cover(c, "points_total")));
        CHECK_FALSE(closed(cover(c, "points_bij_en_nascholing")));
    }
    SUBCASE("not accredited") {
        const ScenarioComparison c = with("bij_en_nascholing", false, before);
        CHECK(closed(cover(c, "points_bij_en_nascholing")));
        CHECK_FALSE(closed(cover(c, "points_accredited")));
    }
    SUBCASE("after the proof date") {
        const ScenarioComparison c = with("bij_en_nascholing", true, add_days(proof_date(a), 200));
        CHECK_FALSE(closed(cover(c, "points_total")));
        REQUIRE(c.row("planned.late_points") != nullptr);
        CHECK(c.row("planned.late_points")->b != "0 punten");
    }
}

TEST_CASE("ten hours a week more from a date: an hours entry, and in a re-entry plan its hours a week") {
    const Assessed a = assessed(case_portfolio("kp-22-reentry-group-2-application"));
    const PlanOutlook before = plan_outlook(a.p, a.a);
    REQUIRE(before.hours_per_week);
    REQUIRE(before.hours_from);
    REQUIRE(before.hours_to);
    Portfolio p = a.p;
    add_weekly_hours(p, 10, *before.hours_from, *before.hours_to, true);
    REQUIRE(p.hours.size() == a.p.hours.size() + 1);
    const HoursEntry& e = p.hours.back();
    CHECK(e.from == *before.hours_from);
    CHECK(e.to == *before.hours_to);
    const long days = days_between(*before.hours_from, *before.hours_to) + 1;
    CHECK(e.hours == doctest::Approx(std::round(10.0 * days / 7.0)));
    CHECK(*p.application.hours_plan.hours_per_week == doctest::Approx(*before.hours_per_week + 10));

    const ScenarioComparison c = compare(a, assessed(p));
    REQUIRE(c.row("planned.hours_per_week") != nullptr);
    CHECK(c.row("planned.hours_per_week")->change == Change::better);
    CHECK(c.row("planned.hours")->change == Change::better);

    SUBCASE("without a re-entry plan only the hours entry is added") {
        Portfolio q = a.p;
        add_weekly_hours(q, 10, *before.hours_from, *before.hours_to, false);
        CHECK(q.application.hours_plan.hours_per_week == a.p.application.hours_plan.hours_per_week);
        CHECK(q.hours.size() == a.p.hours.size() + 1);
    }
}

TEST_CASE("quick what-ifs refuse what cannot be, naming their field, and change nothing") {
    const Portfolio base = case_portfolio("kp-02-dispensation");
    const Date today{2026, 12, 5};
    const auto field_of = [&](auto&& change) {
        Portfolio p = base;
        try {
            change(p);
        } catch (const InputError& e) {
            CHECK(p.activities.size() == base.activities.size());
            CHECK(p.hours.size() == base.hours.size());
            return e.field();
        }
        return std::string("(accepted)");
    };
    CHECK(field_of([&](Portfolio& p) { add_planned_activities(p, courses(0, 8, "overige", true, today), today); }) == "quick.count");
    CHECK(field_of([&](Portfolio& p) { add_planned_activities(p, courses(51, 8, "overige", true, today), today); }) == "quick.count");
    CHECK(field_of([&](Portfolio& p) { add_planned_activities(p, courses(1, -1, "overige", true, today), today); }) == "quick.points");
    CHECK(field_of([&](Portfolio& p) { add_planned_activities(p, courses(1, 8, "", true, today), today); }) == "quick.category");
    CHECK(field_of([&](Portfolio& p) { add_weekly_hours(p, 169, today, add_days(today, 7), false); }) == "quick.hours_per_week");
    CHECK(field_of([&](Portfolio& p) { add_weekly_hours(p, 10, today, add_days(today, -1), false); }) == "quick.to");
    // A date not after the check date: all on that day (the helpdesk asked "what if it was done").
    Portfolio p = base;
    add_planned_activities(p, courses(2, 5, "overige", true, Date{2026, 1, 10}), today);
    CHECK(p.activities.back().date == Date{2026, 1, 10});
}
