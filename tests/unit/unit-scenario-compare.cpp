// The helpdesk's side-by-side comparison of two scenarios (the portfolio as entered and a
// what-if) and the one-page summary made from it: which rows differ and which way, the
// union of the deadlines, both languages, and the summary's parts, notes and limits.
#include <algorithm>

#include "assessment/assessment.h"
#include "forms/form_text.h"
#include "helpdesk/helpdesk_summary.h"
#include "helpdesk/scenario_compare.h"
#include "test_support.h"

using namespace herreg;
using namespace herreg::test;

namespace {

using Scenario = Assessed;
Scenario scenario(Portfolio p) { return assessed(std::move(p)); }

ScenarioComparison compare(const Scenario& x, const Scenario& y, const std::string& lang = "nl") {
    return compare_scenarios(x.p, x.a, *x.rs, y.p, y.a, *y.rs, lang);
}

// kp-02: hours met, 40 points short, illness -> dispensation. The what-if: a 40-point
// accredited course before the check date closes every point criterion -> re-registration.
Portfolio with_course(Portfolio p) {
    add_activity(p, Date{2026, 10, 15}, "bij_en_nascholing", 40, true);
    return p;
}

// kp-05: 40 months not worked, hours and points short -> re-entry group 2. The what-if: back
// at work, 1,200 hours in 2026 (counted up to the check date) -> hours met, dispensation.
Portfolio back_at_work(Portfolio p) {
    add_hours(p, 2026, 1200);
    p.last_worked = Date{2026, 10, 31};
    return p;
}

const ComparisonRow& row(const ScenarioComparison& c, const std::string& id) {
    const ComparisonRow* r = c.row(id);
    REQUIRE_MESSAGE(r != nullptr, "no row " << id);
    return *r;
}

void check_row(const ScenarioComparison& c, const std::string& id, const std::string& a, const std::string& b, Change change) {
    const ComparisonRow& r = row(c, id);
    CHECK_MESSAGE(r.a == a, id);
    CHECK_MESSAGE(r.b == b, id);
    CHECK_MESSAGE(r.change == change, id);
}

int count_differing(const ScenarioComparison& c) {
    int n = 0;
    for (const auto& g : c.groups)
        for (const auto& r : g.rows) n += r.differs() ? 1 : 0;
    return n;
}

// The text version with runs of spaces squeezed: field labels are padded to line up.
std::string all_text(const FormDocument& doc) {
    std::string out;
    for (char ch : render_text(doc))
        if (ch != ' ' || out.empty() || out.back() != ' ') out += ch;
    return out;
}

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("a course that closes the points gap turns dispensation into re-registration, row by row") {
    const Scenario a = scenario(case_portfolio("kp-02-dispensation"));
    const Scenario b = scenario(with_course(case_portfolio("kp-02-dispensation")));
    REQUIRE(a.a.regime == Regime::dispensation);
    REQUIRE(b.a.regime == Regime::reregistration);
    const ScenarioComparison c = compare(a, b);

    REQUIRE(c.groups.size() == 4);
    CHECK(c.groups[0].id == "outcome");
    CHECK(c.groups[0].title == "Uitkomst");
    CHECK(c.groups[1].title == "Criteria");
    CHECK(c.groups[2].title == "Nog te doen");
    CHECK(c.groups[3].title == "Termijnen");
    CHECK(c.verdict_a == "Je voldoet nog niet aan de criteria. Van toepassing: Dispensatieregeling.");
    CHECK(c.verdict_b == "Je voldoet aan de criteria voor herregistratie.");

    CHECK(row(c, "verdict").label == "Voldoet aan de criteria");
    check_row(c, "verdict", "nee", "ja", Change::better);
    check_row(c, "regime", "Dispensatieregeling", "Herregistratie", Change::different);

    CHECK(row(c, "temporary_months").a == "12 maanden");
    CHECK(row(c, "temporary_months").b == "—");
    CHECK(row(c, "temporary_months").change == Change::different);
    CHECK(row(c, "definitive_years").a == "4 jaar");

    // The criterion the course closes, one it adds to, and two it leaves alone.
    const ComparisonRow& total = row(c, "criterion.points_total");
    CHECK(total.label == "Punten totaal");
    CHECK(total.a == "120 van 160 ✗");
    CHECK(total.b == "160 van 160 ✓");
    CHECK(total.change == Change::better);
    CHECK(row(c, "criterion.points_bij_en_nascholing").change == Change::better);   // 70 -> 110, met in both
    CHECK(row(c, "criterion.hours").a == "2.000 van 1.600 ✓");
    CHECK(row(c, "criterion.hours").change == Change::same);
    CHECK(row(c, "criterion.points_overige").change == Change::same);

    CHECK(row(c, "plan.points_missing").a == "40");
    CHECK(row(c, "plan.points_missing").b == "0");
    CHECK(row(c, "plan.points_missing").change == Change::better);
    CHECK(row(c, "plan.hours_missing").change == Change::same);
    CHECK(row(c, "plan.months").a == "10 maanden (tot 20-10-2027)");   // to the proof due date, not the end
    CHECK(row(c, "plan.months").b == "—");
    CHECK(row(c, "plan.points_per_month").change == Change::better);   // nothing left to gain: no pace needed
    CHECK(c.row("plan.hours_required") == nullptr);                      // neither has a plan of hours

    // Deadlines: the union, earliest first; each side's own rows show "—" on the other.
    const ComparisonGroup* d = c.group("deadlines");
    REQUIRE(d != nullptr);
    std::vector<std::string> ids;
    for (const auto& r : d->rows) ids.push_back(r.id);
    const std::vector<std::string> expected = {
        "deadline.earliest_reregistration", "deadline.temporary_start", "deadline.period_end", "deadline.completeness_check_by",
        "deadline.assessment_by", "deadline.last_filing_day", "deadline.proof_due", "deadline.temporary_end",
        "deadline.new_period_end_if_started_now", "deadline.definitive_end", "deadline.new_period_end"};
    CHECK(ids == expected);
    CHECK(row(c, "deadline.period_end").change == Change::same);
    CHECK(row(c, "deadline.last_filing_day").a == "01-02-2027");
    CHECK(row(c, "deadline.proof_due").a == "20-10-2027");
    CHECK(row(c, "deadline.proof_due").b == "—");
    CHECK(row(c, "deadline.proof_due").change == Change::different);
    CHECK(row(c, "deadline.new_period_end").a == "—");
    CHECK(row(c, "deadline.new_period_end").b == "01-12-2031");
    CHECK(row(c, "deadline.completeness_check_by").change == Change::same);

    // 4 outcome, 3 criteria, 3 plan, 7 deadlines.
    CHECK(c.differences == 17);
    CHECK(c.differences == count_differing(c));
}

// What the plan brings (plan_coverage.h): planned activities are dated after the check date
// and count towards the plan up to the proof date, per criterion.
namespace {
Date proof_due(const Scenario& s) {
    const Deadline* d = s.a.deadline("proof_due");
    REQUIRE_MESSAGE(d != nullptr, "no proof date");
    return d->date;
}
Portfolio planning(Portfolio p, int n, const std::string& category, double points, bool accredited, bool late = false) {
    const Scenario s = scenario(p);
    const Date when = late ? add_days(proof_due(s), 10) : add_days(proof_due(s), -30);
    for (int i = 0; i < n; ++i) add_activity(p, add_days(when, -i), category, points, accredited);
    return p;
}
}  // namespace

TEST_CASE("three accredited courses planned before the proof date: the comparison shows what they bring") {
    const Scenario a = scenario(case_portfolio("kp-02-dispensation"));
    const Scenario b = scenario(planning(case_portfolio("kp-02-dispensation"), 3, "bij_en_nascholing", 8, true));
    REQUIRE(a.a.regime == Regime::dispensation);
    REQUIRE(b.a.regime == Regime::dispensation);   // planned work does not change today's verdict
    const ScenarioComparison c = compare(a, b);
    REQUIRE(c.group("planned") != nullptr);
    CHECK(c.differences > 0);
    check_row(c, "planned.cover.points_total", "ontbreekt 40, gepland 0 ✗", "ontbreekt 40, gepland 24 ✗", Change::better);
    check_row(c, "planned.activities", "0 (0 punten)", "3 (24 punten)", Change::better);
    CHECK(row(c, "planned.done").b == to_dutch(add_days(proof_due(b), -30)));
    // Groups in order, the plan's before the deadlines.
    REQUIRE(c.groups.size() == 5);
    CHECK(c.groups[3].title == "Wat je plan brengt");
    CHECK(c.groups[4].id == "deadlines");
}

TEST_CASE("the plan's gap stays open for points in another category, not accredited, or after the proof date") {
    // kp-02 with its courses moved to "overige" and none accredited: short in total, in
    // bij- en nascholing and in accredited points.
    Portfolio base = case_portfolio("kp-02-dispensation");
    for (Activity& act : base.activities) {
        act.category = "overige";
        act.accredited = false;
    }
    const Scenario a = scenario(base);
    for (const char* id : {"points_total", "points_bij_en_nascholing", "points_accredited"}) {
        const CriterionResult* c = a.a.criterion(id);
        REQUIRE_MESSAGE(c != nullptr, id);
        REQUIRE_MESSAGE((c->met && !*c->met), id << " is not short");
    }
    const auto missing = [&](const char* id) { return a.a.criterion(id)->required.value() - a.a.criterion(id)->achieved; };
    REQUIRE(missing("points_total") <= 50);
    REQUIRE(missing("points_bij_en_nascholing") <= 50);
    REQUIRE(missing("points_accredited") <= 50);
    const auto gap_closed = [](const ScenarioComparison& c, const std::string& id) {
        return row(c, "planned.cover." + id).b.find(" ✓") != std::string::npos;
    };
    SUBCASE("after the proof date: nothing counts, the points are listed as too late") {
        const ScenarioComparison c = compare(a, scenario(planning(base, 5, "bij_en_nascholing", 10, true, true)));
        CHECK_FALSE(gap_closed(c, "points_total"));
        CHECK_FALSE(gap_closed(c, "points_bij_en_nascholing"));
        CHECK_FALSE(gap_closed(c, "points_accredited"));
        const ComparisonRow& late = row(c, "planned.late_points");
        CHECK(late.b == "50 punten");
        CHECK(late.change == Change::worse);
        CHECK(c.row("planned.activities") == nullptr);
    }
    SUBCASE("not accredited: the total and the category are covered, the accredited points are not") {
        const ScenarioComparison c = compare(a, scenario(planning(base, 5, "bij_en_nascholing", 10, false)));
        CHECK(gap_closed(c, "points_total"));
        CHECK(gap_closed(c, "points_bij_en_nascholing"));
        CHECK_FALSE(gap_closed(c, "points_accredited"));
        CHECK(row(c, "planned.cover.points_accredited").change == Change::same);
        CHECK(row(c, "planned.cover.points_total").change == Change::better);
    }
    SUBCASE("another category: the total and the accredited points are covered, bij- en nascholing is not") {
        const ScenarioComparison c = compare(a, scenario(planning(base, 5, "overige", 10, true)));
        CHECK(gap_closed(c, "points_total"));
        CHECK(gap_closed(c, "points_accredited"));
        CHECK_FALSE(gap_closed(c, "points_bij_en_nascholing"));
        CHECK(row(c, "planned.cover.points_bij_en_nascholing").b.find("gepland 0 ✗") != std::string::npos);
    }
}

TEST_CASE("ten hours a week more in a re-entry plan: the comparison shows the hours they make") {
    Portfolio p = case_portfolio("kp-22-reentry-group-2-application");
    const Scenario a = scenario(p);
    REQUIRE(a.a.plan.hours_required);
    REQUIRE(p.application.hours_plan.hours_per_week);
    p.application.hours_plan.hours_per_week = *p.application.hours_plan.hours_per_week + 10;
    const Scenario b = scenario(p);
    const ScenarioComparison c = compare(a, b);
    CHECK(c.differences >= 2);
    const ComparisonRow& week = row(c, "planned.hours_per_week");
    CHECK(week.change == Change::better);
    const ComparisonRow& hours = row(c, "planned.hours");
    CHECK(hours.change == Change::better);
    CHECK(hours.a.find(" van ") != std::string::npos);
}

TEST_CASE("more hours in 2026 turn re-entry group 2 into dispensation") {
    const Scenario a = scenario(case_portfolio("kp-05-reentry-group-2"));
    const Scenario b = scenario(back_at_work(case_portfolio("kp-05-reentry-group-2")));
    REQUIRE(a.a.regime == Regime::reentry_2);
    REQUIRE(b.a.regime == Regime::dispensation);
    const ScenarioComparison c = compare(a, b);

    CHECK(row(c, "verdict").change == Change::same);   // short of points in both
    CHECK(row(c, "regime").a == "Herintreder groep 2");
    CHECK(row(c, "regime").b == "Dispensatieregeling");
    CHECK(row(c, "regime").change == Change::different);
    CHECK(row(c, "definitive_years").a == "4 of 5 jaar");
    CHECK(row(c, "definitive_years").b == "4 jaar");
    CHECK(row(c, "temporary_months").change == Change::same);
    CHECK(row(c, "criterion.hours").a == "600 van 1.600 ✗");
    CHECK(row(c, "criterion.hours").change == Change::better);
    CHECK(row(c, "criterion.points_total").change == Change::same);
    CHECK(row(c, "plan.hours_missing").a == "1.000");
    CHECK(row(c, "plan.hours_missing").b == "0");
    CHECK(row(c, "plan.hours_missing").change == Change::better);
    // Re-entry asks for hours worked during the temporary registration; dispensation does not.
    CHECK(row(c, "plan.hours_required").a == "600");
    CHECK(row(c, "plan.hours_required").b == "—");
    CHECK(row(c, "plan.hours_required").change == Change::better);
    CHECK(row(c, "plan.points_missing").change == Change::same);
    CHECK(row(c, "deadline.definitive_end").change == Change::different);
    CHECK(row(c, "deadline.proof_due").change == Change::same);
    CHECK(c.differences == 6);

    // The other way round the same rows differ, in the other direction.
    const ScenarioComparison back = compare(b, a);
    CHECK(back.differences == 6);
    CHECK(row(back, "criterion.hours").change == Change::worse);
    CHECK(row(back, "plan.hours_required").change == Change::worse);
    CHECK(row(back, "regime").change == Change::different);
}

TEST_CASE("a later last day to file gives more time to act; the same scenario twice differs nowhere") {
    const Scenario a = scenario(case_portfolio("kp-02-dispensation"));
    const ScenarioComparison same = compare(a, a);
    CHECK(same.differences == 0);
    for (const auto& g : same.groups)
        for (const auto& r : g.rows) {
            CHECK_MESSAGE(r.change == Change::same, r.id);
            CHECK(r.a == r.b);
        }

    // A later period start moves every date; only the dates to act by have a direction.
    Portfolio later = case_portfolio("kp-02-dispensation");
    later.registration.period_start = Date{2022, 1, 1};
    const Scenario b = scenario(later);
    const ScenarioComparison c = compare(a, b);
    CHECK(row(c, "deadline.last_filing_day").change == Change::better);
    CHECK(row(c, "deadline.proof_due").change == Change::better);
    CHECK(row(c, "deadline.period_end").change == Change::different);
    CHECK(row(c, "deadline.temporary_end").change == Change::different);
    CHECK(compare(b, a).row("deadline.last_filing_day")->change == Change::worse);
}

TEST_CASE("the comparison in English") {
    const Scenario a = scenario(case_portfolio("kp-02-dispensation"));
    const Scenario b = scenario(with_course(case_portfolio("kp-02-dispensation")));
    const ScenarioComparison c = compare(a, b, "en");
    CHECK(c.lang == "en");
    CHECK(c.groups[0].title == "Outcome");
    CHECK(c.groups[2].title == "Still to do");
    CHECK(c.groups[3].title == "Deadlines");
    CHECK(c.verdict_b == "You meet the criteria for re-registration.");
    CHECK(row(c, "verdict").label == "Meets the criteria");
    CHECK(row(c, "verdict").a == "no");
    CHECK(row(c, "verdict").b == "yes");
    CHECK(row(c, "regime").label == "Scheme");
    CHECK(row(c, "regime").a == "Dispensation scheme");
    CHECK(row(c, "regime").b == "Re-registration");
    CHECK(row(c, "temporary_months").a == "12 months");
    CHECK(row(c, "criterion.hours").a == "2,000 of 1,600 ✓");
    CHECK(row(c, "criterion.points_bij_en_nascholing").label == "Points: Courses and continuing education");
    CHECK(row(c, "plan.months").a == "10 months (until 20-10-2027)");
    CHECK(row(c, "plan.points_per_month").a == "4");   // 40 points in 10 months
    CHECK(row(c, "deadline.proof_due").label == "Proof of the plan due");
    CHECK(row(c, "deadline.proof_due").a == "20-10-2027");
    CHECK(c.differences == 17);
    CHECK(change_label(Change::worse, "en") == "worse");
    CHECK(change_label(Change::worse, "nl") == "slechter");
    CHECK(std::string(change_id(Change::different)) == "different");
}

TEST_CASE("unknown thresholds: no verdict, no direction") {
    const Scenario a = scenario(case_portfolio("vvocm-04-bekken-unknown"));
    const Scenario known = scenario(case_portfolio("vvocm-01-kinder-reregistration"));
    const ScenarioComparison c = compare(a, a);
    CHECK(row(c, "verdict").a == "onbekend");
    CHECK(c.differences == 0);
    // Another register altogether: rows of either side, the scheme named on both.
    const ScenarioComparison x = compare(a, known);
    CHECK(row(x, "verdict").change == Change::different);   // unknown -> yes: not a direction
    CHECK(row(x, "verdict").b == "ja");
}

TEST_CASE("the helpdesk summary: both verdicts, the comparison, the key dates and the notes") {
    const Scenario a = scenario(case_portfolio("kp-02-dispensation"));
    const Scenario b = scenario(with_course(case_portfolio("kp-02-dispensation")));
    ConversationNotes notes;
    notes.member = "Anna de Vries";
    notes.advisor = "Piet Jansen";
    notes.agreements = "Anna boekt de cursus valpreventie.\nHelpdesk belt in januari terug.";
    notes.date = Date{2026, 11, 23};
    const FormDocument doc = helpdesk_summary(a.p, a.a, *a.rs, &b.p, &b.a, b.rs, notes, "nl");

    CHECK(doc.title == "Samenvatting helpdeskgesprek");
    CHECK(doc.file_stem == "samenvatting-2026-11-23");
    CHECK(doc.created == Date{2026, 11, 23});
    CHECK(contains(doc.subtitle, "Anna de Vries"));
    CHECK(contains(doc.subtitle, "Kwaliteitsregister Paramedici"));
    CHECK(contains(doc.subtitle, "Oefentherapie"));

    const std::string text = all_text(doc);
    CHECK(contains(text, "Peildatum: 22-11-2026"));
    CHECK(contains(text, "Je voldoet nog niet aan de criteria. Van toepassing: Dispensatieregeling."));
    CHECK(contains(text, "Je voldoet aan de criteria voor herregistratie."));
    CHECK(contains(text, "B gaat uit van: extra activiteit ‘Activiteit’ (40 punten, 15-10-2026)"));
    CHECK(contains(text, "Vergelijking"));
    CHECK(contains(text, "Belangrijke data (B · wat als)"));
    CHECK(contains(text, "Afspraken en vervolgstappen"));
    CHECK(contains(text, "Anna boekt de cursus valpreventie.\nHelpdesk belt in januari terug."));
    CHECK(contains(text, "Besproken met: Anna de Vries op 23-11-2026 · helpdesk: Piet Jansen"));

    // The tables: every outcome row and criterion, other rows only where they differ.
    const DocTable* comparison = nullptr;
    const DocTable* dates = nullptr;
    for (const auto& s : doc.sections)
        for (const auto& blk : s.blocks) {
            if (blk.kind != DocBlock::Kind::table) continue;
            if (blk.title == "Vergelijking") comparison = &blk.table;
            if (blk.title == "Belangrijke data (B · wat als)") dates = &blk.table;
        }
    REQUIRE(comparison != nullptr);
    REQUIRE(dates != nullptr);
    auto labels = [](const DocTable& t) {
        std::vector<std::string> out;
        for (const auto& r : t.rows) out.push_back(r.front());
        return out;
    };
    const std::vector<std::string> expected = {"Voldoet aan de criteria", "Regeling", "Tijdelijke registratie",
                                               "Daarna definitieve registratie", "Werkervaring (uren)", "Punten totaal",
                                               "Punten: Bij- en nascholing", "Punten: Overige activiteiten", "Geaccrediteerde punten",
                                               "Nog te halen punten", "Beschikbare tijd", "Tempo (punten per maand)"};
    CHECK(labels(*comparison) == expected);   // "Tekort aan uren" is 0 in both: left out
    CHECK(comparison->header == std::vector<std::string>{"", "A · zoals ingevoerd", "B · wat als", "Verschil"});
    CHECK(comparison->rows[0] == std::vector<std::string>{"Voldoet aan de criteria", "nee", "ja", "beter"});
    CHECK(comparison->rows[4] == std::vector<std::string>{"Werkervaring (uren)", "2.000 van 1.600 ✓", "2.000 van 1.600 ✓", ""});
    // B's dates from its check date on, without the procedure's own dates.
    const std::vector<std::string> expected_dates = {"Einde registratieperiode", "Laatste dag om in te dienen",
                                                     "Einde nieuwe periode bij directe start", "Einde nieuwe periode"};
    CHECK(labels(*dates) == expected_dates);
}

TEST_CASE("the helpdesk summary of one scenario, in English, with A's dates") {
    const Scenario a = scenario(case_portfolio("kp-02-dispensation"));
    ConversationNotes notes;   // nothing typed
    const FormDocument doc = helpdesk_summary(a.p, a.a, *a.rs, nullptr, nullptr, nullptr, notes, "en");
    CHECK(doc.title == "Helpdesk conversation summary");
    CHECK(doc.file_stem == "summary-2026-11-22");   // no date given: the check date
    const std::string text = all_text(doc);
    CHECK(contains(text, "Outcome: You do not meet the criteria yet. What applies: Dispensation scheme."));
    CHECK(contains(text, "Overview"));
    CHECK(contains(text, "Key dates"));
    CHECK_FALSE(contains(text, "Key dates ("));
    CHECK_FALSE(contains(text, "B · what if"));
    CHECK_FALSE(contains(text, "B assumes"));
    CHECK(contains(text, "Proof of the plan due 20-10-2027"));
    CHECK(contains(text, "Date\n"));   // the key dates' column header
    CHECK(contains(text, "Points still needed"));
    CHECK_FALSE(contains(text, "Hours short"));   // nothing short: not in the overview
    CHECK(contains(text, "(no agreements noted)"));
    CHECK(contains(text, "Discussed with: ____________________ on 22-11-2026 · helpdesk: ____________________"));

    // With a what-if but A chosen: A's dates, titled so.
    const Scenario b = scenario(with_course(case_portfolio("kp-02-dispensation")));
    notes.chose_what_if = false;
    const std::string chose_a = all_text(helpdesk_summary(a.p, a.a, *a.rs, &b.p, &b.a, b.rs, notes, "en"));
    CHECK(contains(chose_a, "Key dates (A · as entered)"));
    CHECK(contains(chose_a, "Proof of the plan due"));
    CHECK(contains(chose_a, "B assumes: extra activity ‘Activiteit’ (40 points, 15-10-2026)"));
}

TEST_CASE("what the what-if assumes, in words") {
    const Portfolio a = case_portfolio("kp-02-dispensation");
    Portfolio b = a;
    CHECK(what_if_assumptions(a, b, rulebook().for_portfolio(b), "nl").empty());
    add_hours(b, 2026, 600);
    b.circumstances = {"illness", "informal_care"};
    b.last_worked = Date{2026, 11, 1};
    add_activity(b, Date{2027, 2, 1}, "overige", 10, false);
    b.activities.back().title = "Intervisie";
    b.check_date = Date{2026, 12, 1};   // shown beside A's, not as an assumption
    const auto nl = what_if_assumptions(a, b, rulebook().for_portfolio(b), "nl");
    const std::vector<std::string> expected = {"laatst gewerkt 01-11-2026", "omstandigheden: Ziekte, Mantelzorg",
                                               "+600 uur werkervaring in 2026", "extra activiteit ‘Intervisie’ (10 punten, 01-02-2027, gepland)"};
    CHECK(nl == expected);
    b.activities.erase(b.activities.begin(), b.activities.begin() + 2);   // two of A's gone
    b.hours.front().hours -= 100;
    const auto en = what_if_assumptions(a, b, rulebook().for_portfolio(b), "en");
    REQUIRE(en.size() == 5);
    CHECK(en[2] == "+500 hours of work (2022–2026)");
    CHECK(en[4] == "2 fewer activities (70 points)");
}

TEST_CASE("the summary says whether a scheme's plan was left undone before, and the meetings of an activity") {
    // kp-02: dispensation, the question not asked. The summary says so; a what-if that
    // answers it says its answer.
    const Scenario a = scenario(case_portfolio("kp-02-dispensation"));
    ConversationNotes notes;
    CHECK(contains(all_text(helpdesk_summary(a.p, a.a, *a.rs, nullptr, nullptr, nullptr, notes, "nl")),
                   "Plan eerder niet uitgevoerd: Dispensatieregeling: niet gevraagd"));
    CHECK(contains(all_text(helpdesk_summary(a.p, a.a, *a.rs, nullptr, nullptr, nullptr, notes, "en")),
                   "Plan not carried out before: Dispensation scheme: not asked"));
    Portfolio answered = a.p;
    answered.plan_not_carried_out["dispensation"] = false;
    const Scenario b = scenario(answered);
    CHECK(what_if_assumptions(a.p, b.p, *b.rs, "nl") == std::vector<std::string>{"plan eerder niet uitgevoerd: dispensatieregeling nee"});
    CHECK(what_if_assumptions(b.p, a.p, *a.rs, "en") == std::vector<std::string>{"plan not carried out before: dispensation scheme not asked"});
    const std::string both = all_text(helpdesk_summary(a.p, a.a, *a.rs, &b.p, &b.a, b.rs, notes, "nl"));
    CHECK(contains(both, "Plan eerder niet uitgevoerd: A: Dispensatieregeling: niet gevraagd · B: Dispensatieregeling: nee"));
    CHECK(contains(both, "B gaat uit van: plan eerder niet uitgevoerd: dispensatieregeling nee"));

    // Re-registration with nothing answered: no scheme in question, no line.
    const Scenario met = scenario(with_course(case_portfolio("kp-02-dispensation")));
    CHECK_FALSE(contains(all_text(helpdesk_summary(met.p, met.a, *met.rs, nullptr, nullptr, nullptr, notes, "nl")), "Plan eerder niet uitgevoerd"));

    // Meetings and their length are part of an activity: a what-if with other meetings differs.
    Portfolio with_meetings = a.p;
    add_activity(with_meetings, Date{2027, 2, 1}, "overige", 3, false);
    with_meetings.activities.back().title = "Intervisie";
    with_meetings.activities.back().meetings = 3;
    with_meetings.activities.back().meeting_hours = 1.5;
    CHECK(what_if_assumptions(a.p, with_meetings, *a.rs, "nl") ==
          std::vector<std::string>{"extra activiteit ‘Intervisie’ (3 punten, 3 bijeenkomsten van 1,5 uur, 01-02-2027, gepland)"});
    Portfolio other_meetings = with_meetings;
    other_meetings.activities.back().meetings = 2;
    const auto changed = what_if_assumptions(with_meetings, other_meetings, *a.rs, "en");
    REQUIRE(changed.size() == 2);
    CHECK(changed[0] == "extra activity ‘Intervisie’ (3 points, 2 meetings of 1.5 hours, 01-02-2027, planned)");
    CHECK(changed[1] == "without activity ‘Intervisie’ (3 points, 3 meetings of 1.5 hours, 01-02-2027, planned)");
    Portfolio one_hour = with_meetings;
    one_hour.activities.back().meetings.reset();
    one_hour.activities.back().meeting_hours = 1;
    CHECK(what_if_assumptions(a.p, one_hour, *a.rs, "en") ==
          std::vector<std::string>{"extra activity ‘Intervisie’ (3 points, 1 meeting of 1 hour, 01-02-2027, planned)"});
}

TEST_CASE("the agreements are printed whole, however long; names are cut") {
    CHECK(agreements_text("Cursus boeken.\n\n  Terugbellen.  \n") == "Cursus boeken.\nTerugbellen.");
    CHECK(agreements_text("").empty());
    std::string lines;
    for (int i = 1; i <= 60; ++i) lines += "Regel " + std::to_string(i) + " van de afspraken: één cursus.\n";
    CHECK(agreements_text(lines) == lines.substr(0, lines.size() - 1));

    // The summary prints them whole, and the case number beside who was helped.
    const Scenario a = scenario(case_portfolio("kp-02-dispensation"));
    ConversationNotes notes;
    notes.agreements = lines;
    notes.member = std::string(200, 'x');
    notes.case_number = "HD-0412";
    const std::string text = render_text(helpdesk_summary(a.p, a.a, *a.rs, nullptr, nullptr, nullptr, notes, "nl"));
    CHECK(contains(text, "Regel 1 van de afspraken"));
    CHECK(contains(text, "Regel 60 van de afspraken: één cursus."));
    CHECK(contains(text, "dossier HD-0412"));
    CHECK(contains(text, std::string(kMaxConversationName, 'x') + "…"));
    CHECK_FALSE(contains(text, std::string(kMaxConversationName + 1, 'x')));
}
