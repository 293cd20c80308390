// The application form: its place in the portfolio file, the pre-check item by
// item (each problem must appear when its cause is there and go when it is fixed),
// and the document the PDF and the text are made from.
#include "forms/application_check.h"
#include "forms/application_form.h"
#include "forms/form_document_json.h"
#include "assessment/assessment.h"
#include "forms/form_text.h"
#include "test_support.h"


using namespace herreg;
using namespace herreg::test;

namespace {

struct Checked {
    Portfolio p;
    Assessment a;
    ApplicationCheck check;
};

Checked run(Portfolio p, const std::string& lang = "nl") {
    const RuleSet& rs = rulebook().for_portfolio(p);
    Assessment a = assess(p, rs);
    ApplicationCheck c = check_application(p, a, rs, lang);
    return {std::move(p), std::move(a), std::move(c)};
}

std::vector<std::string> problem_ids(const ApplicationCheck& c) {
    std::vector<std::string> ids;
    for (const auto& i : c.items)
        if (i.status == CheckStatus::problem) ids.push_back(i.id);
    return ids;
}

bool has_problem(const ApplicationCheck& c, const std::string& id) {
    for (const auto& i : c.items)
        if (i.id == id && i.status == CheckStatus::problem) return true;
    return false;
}

const CheckItem* problem(const ApplicationCheck& c, const std::string& id) {
    for (const auto& i : c.items)
        if (i.id == id && i.status == CheckStatus::problem) return &i;
    return nullptr;
}

}  // namespace

TEST_CASE("the application round-trips through the portfolio file and stays out of files without one") {
    Portfolio p = case_portfolio("kp-23-reentry-group-3-application");
    const std::string text = write_portfolio(p);
    const Portfolio back = read_portfolio(text);
    CHECK(write_portfolio(back) == text);
    CHECK(back.application.name == "Anna de Vries-Şahin");
    CHECK(back.application.supervision.periodically_registered == true);
    CHECK(back.application.supervision.final_assessment == Date{2028, 3, 20});
    REQUIRE(back.application.find_answers("communicatie") != nullptr);
    CHECK(back.application.find_answers("communicatie")->answers[4].find("richtlijnen") != std::string::npos);

    Portfolio plain = kp_portfolio();
    CHECK(plain.application.empty());
    CHECK(write_portfolio(plain).find("\"application\"") == std::string::npos);
    plain.application.reasons = "x";
    CHECK(write_portfolio(plain).find("\"application\"") != std::string::npos);
}

TEST_CASE("a bad application names its field") {
    auto field_of = [](const std::string& application_json) {
        const std::string doc = R"({"format": "herreg-portfolio/1", "register": "kp", "check_date": "2026-11-22",
            "registration": {"initial": false}, "application": )" + application_json + "}";
        return error_field([&] { read_portfolio(doc); });
    };
    CHECK(field_of(R"({"name": 12})") == "application.name");
    CHECK(field_of(R"({"circumstances_from": "2026-02-30"})") == "application.circumstances_from");
    CHECK(field_of(R"({"hours_plan": {"hours_per_week": -3}})") == "application.hours_plan.hours_per_week");
    CHECK(field_of(R"({"hours_plan": {"hours_per_week": 500}})") == "application.hours_plan.hours_per_week");
    CHECK(field_of(R"({"supervision": {"periodically_registered": "ja"}})") == "application.supervision.periodically_registered");
    CHECK(field_of(R"({"self_evaluation": [{"competence": "communicatie", "answers": ["a", 3]}]})") ==
          "application.self_evaluation[0].answers[1]");
    CHECK(field_of(R"({"self_evaluation": [{"competence": "communicatie", "answers": ["1","2","3","4","5","6"]}]})") ==
          "application.self_evaluation[0].answers");
    CHECK(field_of(R"({"evc": []})") == "application.evc");
    CHECK(field_of("{\"reasons\": \"" + std::string(kMaxApplicationText + 1, 'x') + "\"}") == "application.reasons");
    CHECK(field_of("[]") == "application");
    CHECK(field_of(R"({"name": "Anna", "unknown_field": 1})") == "");   // new fields from a newer herreg are no error
}

TEST_CASE("forms exist for dispensation, deferral and re-entry only") {
    for (const char* r : {"dispensation", "deferral", "reentry_1", "reentry_2", "reentry_3"}) CHECK(has_application_form(*parse_regime(r)));
    for (const char* r : {"reregistration", "initial_and_periodic", "not_eligible", "no_scheme", "specialisation_expired", ""})
        CHECK_FALSE(has_application_form(*parse_regime(r)));
    CHECK_FALSE(parse_regime("reentry_4"));
    CHECK(regime_id(Regime::undecided).empty());
    CHECK(reentry_group(Regime::reentry_2) == 2);
    CHECK(reentry_regime(3) == Regime::reentry_3);
    // Without a scheme the check has nothing to say.
    Portfolio p = case_portfolio("kp-01-reregistration");
    CHECK(run(p).check.items.empty());
}

TEST_CASE("an empty dispensation application lists what the assessors would send back") {
    Portfolio p = case_portfolio("kp-02-dispensation");
    const auto c = run(p).check;
    CHECK(has_problem(c, "applicant"));
    CHECK(has_problem(c, "reasons"));
    CHECK(c.item("circumstances_period")->status == CheckStatus::info);   // asked, not required by the seeds
    CHECK(has_problem(c, "planned_activities"));
    CHECK(has_problem(c, "points_cover_points_total"));
    CHECK_FALSE(has_problem(c, "circumstances"));   // illness is ticked
    CHECK(c.item("definition")->status == CheckStatus::ok);
    CHECK(c.item("points_missing")->text.find("40") != std::string::npos);
    CHECK(problem(c, "applicant")->field == "application.name");
    // Re-entry items do not appear for dispensation.
    CHECK(c.item("supervisor") == nullptr);
    CHECK(c.item("hours_plan") == nullptr);
    CHECK(c.period_from == Date{2026, 12, 1});
    CHECK(c.proof_due == Date{2027, 10, 20});
}

TEST_CASE("pre-check: planned activities must be concrete and inside the plan period") {
    Portfolio p = case_portfolio("kp-20-dispensation-application");
    REQUIRE(run(p).check.ready());

    SUBCASE("a planned activity without provider or points") {
        Portfolio q = p;
        q.activities.back().provider = "  ";
        q.activities.back().points = 0;
        const auto c = run(q).check;
        const CheckItem* item = problem(c, "activity_fields");
        REQUIRE(item != nullptr);
        CHECK(item->text.find("aanbieder") != std::string::npos);
        CHECK(item->text.find("punten") != std::string::npos);
        CHECK(item->field == "activities[" + std::to_string(q.activities.size() - 1) + "].provider");
        // Zero points also leave the total uncovered (28 of 40).
        CHECK(has_problem(c, "points_cover_points_total"));
        CHECK(c.coverage.at(0).planned == doctest::Approx(28));
    }
    SUBCASE("a planned activity after the proof date does not count") {
        Portfolio q = p;
        q.activities.back().date = Date{2027, 10, 21};   // proof due 2027-10-20
        const auto c = run(q).check;
        REQUIRE(problem(c, "plan_dates") != nullptr);
        CHECK(problem(c, "plan_dates")->field == "activities[" + std::to_string(q.activities.size() - 1) + "].date");
        CHECK(has_problem(c, "points_cover_points_total"));
        q.activities.back().date = Date{2027, 10, 20};
        CHECK(run(q).check.ready());
    }
    SUBCASE("an activity dated on the check date is done, not planned") {
        Portfolio q = p;
        q.activities.back().date = *q.check_date;
        const auto r = run(q);
        CHECK(r.check.planned.size() == 2);
        CHECK(r.a.plan.points_missing == doctest::Approx(28));   // it counts now, so less is missing
        CHECK(r.check.ready());
    }
    SUBCASE("circumstances ending before they start") {
        Portfolio q = p;
        q.application.circumstances_to = Date{2020, 1, 1};
        CHECK(problem(run(q).check, "circumstances_period")->field == "application.circumstances_to");
    }
    SUBCASE("English texts") {
        const auto c = run(p, "en").check;
        CHECK(c.item("applicant")->text == "Name and registration number are filled in.");
    }
}

TEST_CASE("pre-check: the plan must cover each point criterion, accredited points too") {
    Portfolio p = case_portfolio("kp-22-reentry-group-2-application");
    REQUIRE(run(p).check.ready());
    // Make every planned point non-accredited: total and categories stay covered, accredited does not.
    Portfolio q = p;
    for (auto& act : q.activities)
        if (is_planned(act, *q.check_date)) act.accredited = false;
    const auto c = run(q).check;
    CHECK(problem_ids(c) == std::vector<std::string>{"points_cover_points_accredited"});
    bool found = false;
    for (const auto& cov : c.coverage)
        if (cov.criterion == "points_accredited") {
            found = true;
            CHECK(cov.missing == doctest::Approx(20));
            CHECK(cov.planned == 0);
        }
    CHECK(found);
    // Moving points between categories: the overige shortfall (40) is no longer met.
    Portfolio r = p;
    for (auto& act : r.activities)
        if (is_planned(act, *r.check_date) && act.category == "overige") act.category = "bij_en_nascholing";
    CHECK(has_problem(run(r).check, "points_cover_points_overige"));
}

TEST_CASE("pre-check: re-entry hours plan, self-evaluation, supervision") {
    Portfolio p = case_portfolio("kp-21-reentry-group-1-application");
    const auto ok = run(p);
    REQUIRE(ok.check.ready());
    CHECK(ok.check.planned_hours == doctest::Approx(738));   // 16 h x 323/7 weeks: 2026-12-01 up to the proof date 2027-10-20
    CHECK(ok.a.plan.hours_required == 600);

    SUBCASE("too few hours a week") {
        Portfolio q = p;
        q.application.hours_plan.hours_per_week = 12;   // 554 < 600
        const auto checked = run(q);   // kept alive: `item` points into it
        const CheckItem* item = problem(checked.check, "hours_plan");
        REQUIRE(item != nullptr);
        CHECK(item->detail.find("600") != std::string::npos);
        CHECK(item->detail.find("14 uur per week") != std::string::npos);   // ceil(600 / 46.1)
    }
    SUBCASE("an hours plan past the proof date, or with its period reversed") {
        Portfolio q = p;
        q.application.hours_plan.to = Date{2027, 10, 21};   // proof due 2027-10-20
        CHECK(problem(run(q).check, "hours_period")->field == "application.hours_plan.to");
        q.application.hours_plan.to.reset();
        q.application.hours_plan.from = Date{2027, 11, 1};  // after the default end: no negative weeks
        const auto c = run(q).check;
        REQUIRE(problem(c, "hours_plan") != nullptr);
        CHECK(problem(c, "hours_plan")->text == "De periode van je urenplan eindigt vóór hij begint.");
        CHECK_FALSE(c.planned_hours.has_value());
    }
    SUBCASE("a self-evaluation with an open question is worth a look; a competence left out is a problem") {
        Portfolio q = p;
        q.application.answers_for("samenwerking").answers[2] = "";
        auto c = run(q).check;
        CHECK(c.ready());
        CHECK(c.item("self_evaluation")->status == CheckStatus::info);
        CHECK(c.item("self_evaluation")->detail.find("Samenwerking (4/5)") != std::string::npos);
        q.application.answers_for("organisatie").answers = {};
        c = run(q).check;
        REQUIRE(problem(c, "self_evaluation") != nullptr);
        CHECK(problem(c, "self_evaluation")->detail == "Nog niet beschreven: Organisatie (0/5).");
        CHECK(problem(c, "self_evaluation")->field == "application.self_evaluation.samenwerking");
    }
    SUBCASE("the EVC route replaces the self-evaluation and the plans") {
        Portfolio q = p;
        q.application.self_evaluation.clear();
        q.application.mentoring_plan.clear();
        q.application.evc.chosen = true;
        auto c = run(q).check;
        CHECK(problem_ids(c) == std::vector<std::string>{"evc"});
        q.application.evc.institution = "Hogeschool Utrecht";
        q.application.evc.result = "Assessment afgerond.";
        q.application.evc.plan = "Stage van 20 weken.";
        CHECK(run(q).check.ready());
    }
    SUBCASE("a supervisor who is not periodically registered") {
        Portfolio q = p;
        q.application.supervision.periodically_registered = false;
        CHECK(has_problem(run(q).check, "supervisor_registered"));
        q.application.supervision.periodically_registered.reset();
        CHECK(has_problem(run(q).check, "supervisor_registered"));
    }
    SUBCASE("group 1 needs no training plan, group 2 does") {
        CHECK(ok.check.item("training_plan")->status == CheckStatus::info);
        Portfolio g2 = case_portfolio("kp-22-reentry-group-2-application");
        g2.application.training_plan.clear();
        CHECK(has_problem(run(g2).check, "training_plan"));
    }
    SUBCASE("group 1 has no supervisor assessment item") { CHECK(ok.check.item("supervisor_assessment") == nullptr); }
}

TEST_CASE("pre-check: group 3 needs the supervisor's interim and final assessment") {
    Portfolio p = case_portfolio("kp-23-reentry-group-3-application");
    REQUIRE(run(p).check.ready());
    Portfolio q = p;
    q.application.supervision.final_assessment.reset();
    CHECK(problem(run(q).check, "supervisor_assessment")->field == "application.supervision.final_assessment");
    q = p;
    q.application.supervision.interim_assessment = Date{2028, 3, 21};   // after the final one
    CHECK(has_problem(run(q).check, "supervisor_assessment"));
    q = p;
    q.application.supervision.final_assessment = Date{2028, 4, 11};   // proof due 2028-04-10
    CHECK(has_problem(run(q).check, "supervisor_assessment"));
}

TEST_CASE("pre-check: KABIZ deferral asks for circumstances and uses its own plan period") {
    Portfolio p = case_portfolio("kabiz-09-deferral-application");
    const auto ok = run(p);
    REQUIRE(ok.check.ready());
    CHECK(ok.check.proof_due == Date{2028, 4, 20});
    // Only the total is known for KABIZ: one coverage line.
    REQUIRE(ok.check.coverage.size() == 1);
    CHECK(ok.check.coverage[0].criterion == "points_total");
}

TEST_CASE("a profession's own competence list replaces the register's") {
    const RuleSet& kp = rulebook().for_portfolio(kp_portfolio());
    CHECK(competences_for(kp, "oefentherapie").size() == 7);
    RuleSet custom = kp;
    custom.profession_competences["logopedie"] = {Named{"stem", {"Stem", "Voice"}}};
    CHECK(competences_for(custom, "logopedie").size() == 1);
    CHECK(competences_for(custom, "oefentherapie").size() == 7);
    CHECK(self_evaluation_question(0, "nl").rfind("Wat kan ik?", 0) == 0);
    CHECK(self_evaluation_question(4, "en").rfind("Am I up to date", 0) == 0);
    CHECK(self_evaluation_question(5, "nl").empty());
    // Counted from the list, for texts that name how many there are.
    CHECK(self_evaluation_questions("nl") == "de vijf vragen");
    CHECK(self_evaluation_questions("en") == "the five questions");
}

// The app hands the document to the PDF writer's Worker as JSON: what arrives must be the same
// document (the PDF is then the CLI's, byte for byte; the browser tests compare the bytes).
TEST_CASE("a form document read back from its JSON is the same document") {
    for (const char* name : {"kp-22-reentry-group-2-application", "kp-05-reentry-group-2"}) {
        Portfolio p = case_portfolio(name);
        for (const char* lang : {"nl", "en"}) {
            const auto r = run(p, lang);
            const FormDocument doc = application_document(r.p, r.a, rulebook().for_portfolio(p), r.check, lang);
            const std::string json = form_document_to_json(doc);
            const FormDocument back = form_document_from_json(json);
            CHECK(form_document_to_json(back) == json);
            CHECK(render_text(back) == render_text(doc));
            CHECK(back.created == doc.created);
            CHECK(back.file_stem == doc.file_stem);
        }
    }
    // Every kind of block and check, and widths that are not round numbers.
    FormDocument d;
    d.lang = "en";
    d.created = *parse_date("2026-12-05");
    DocBlock table{.kind = DocBlock::Kind::table};
    table.table = {{"a", "b"}, {0.1, 2.0 / 3.0}, {false, true}, {{"x", "1"}, {"y", "2"}}, {"total", "3"}};
    DocBlock checks{.kind = DocBlock::Kind::checks, .title = "Checks"};
    checks.checks = {{CheckStatus::ok, "fine", ""}, {CheckStatus::problem, "wrong", "do this"}, {CheckStatus::info, "i", "d"}};
    DocBlock fields{.kind = DocBlock::Kind::fields};
    fields.fields = {{"Name", "Anna \"A\" de Vries\nline two"}};
    d.sections = {{"1", {table, checks, fields, DocBlock{.kind = DocBlock::Kind::note, .text = "n"},
                         DocBlock{.kind = DocBlock::Kind::answer, .title = "Q?", .text = "A."}}}};
    const FormDocument back = form_document_from_json(form_document_to_json(d));
    CHECK(back.sections.at(0).blocks.at(0).table.widths == d.sections[0].blocks[0].table.widths);
    CHECK(back.sections.at(0).blocks.at(0).table.numeric == d.sections[0].blocks[0].table.numeric);
    CHECK(back.sections.at(0).blocks.at(1).checks.at(1).status == CheckStatus::problem);
    CHECK(back.sections.at(0).blocks.at(2).fields.at(0).value == "Anna \"A\" de Vries\nline two");
    CHECK(back.sections.at(0).blocks.at(4).kind == DocBlock::Kind::answer);
    CHECK(form_document_to_json(back) == form_document_to_json(d));

    // Not such a document: an error naming the field, never a crash or half a document.
    const std::string good = form_document_to_json(d);
    auto broken = [&](const std::string& from, const std::string& to) {
        std::string text = good;
        const size_t at = text.find(from);
        REQUIRE(at != std::string::npos);
        text.replace(at, from.size(), to);
        return error_field([&] { form_document_from_json(text); });
    };
    CHECK(broken("\"kind\":\"table\"", "\"kind\":\"chart\"") == "sections[0].blocks[0].kind");
    CHECK(broken("\"ok\",\"fine\"", "\"fine\",\"fine\"") == "sections[0].blocks[1].checks[0][0]");
    CHECK(broken("\"created\":\"2026-12-05\"", "\"created\":\"2026-02-30\"") == "created");
    CHECK(broken("\"widths\":[0.1", "\"widths\":[\"0.1\"") == "sections[0].blocks[0].table.widths[0]");
    CHECK(broken("\"numeric\":[false", "\"numeric\":[0") == "sections[0].blocks[0].table.numeric[0]");
    CHECK(broken("[\"Name\",", "[12,") == "sections[0].blocks[2].fields[0][0]");
    CHECK(broken("\"title\":\"1\"", "\"title\":1") == "sections[0].title");
    CHECK(error_field([] { form_document_from_json("[]"); }) == "document");
    CHECK(error_field([] { form_document_from_json("{\"lang\":\"nl\"}"); }) == "title");
    CHECK(error_field([] { form_document_from_json(""); }) != "");
}

TEST_CASE("the application document holds the names, figures, plan and pre-check") {
    Portfolio p = case_portfolio("kp-22-reentry-group-2-application");
    const auto r = run(p);
    const RuleSet& rs = rulebook().for_portfolio(p);
    const FormDocument doc = application_document(r.p, r.a, rs, r.check, "nl");
    CHECK(doc.file_stem == "aanvraag-herintreding-groep-2-2026-11-22");
    CHECK(doc.created == Date{2026, 11, 22});
    std::vector<std::string> titles;
    for (const auto& s : doc.sections) titles.push_back(s.title);
    CHECK(titles == std::vector<std::string>{"1. Aanvrager en registratie", "2. Bijzondere omstandigheden", "3. Overzicht werkervaring en punten",
                                             "4. Plan van aanpak", "5. Zelfevaluatie", "6. Supervisie en begeleiding", "7. Controle vóór indienen",
                                             "8. Ondertekening"});
    const std::string text = render_text(doc);
    for (const char* s : {"Anna de Vries-Şahin", "KP-1234567", "Herintredingscursus oefentherapie", "Hogeschool van Amsterdam",
                          "Drs. P. Jansen", "Wat kan ik?", "Mantelzorg", "[ok] ", "738 uur", "1.600",
                          "Per competentie van het beroepsprofiel de vijf vragen uit de regeling. (001 §2.1)"})
        CHECK_MESSAGE(text.find(s) != std::string::npos, s);
    CHECK(text.find("[!!]") == std::string::npos);

    // Without the application, the same document says what is missing and shows the gaps.
    Portfolio empty = case_portfolio("kp-05-reentry-group-2");
    const auto e = run(empty, "en");
    const std::string etext = render_text(application_document(e.p, e.a, rs, e.check, "en"));
    CHECK(etext.find("(not filled in)") != std::string::npos);
    CHECK(etext.find("[!!] Fill in your name and your registration number.\n") != std::string::npos);
    CHECK(etext.find("No activities planned yet.") != std::string::npos);
}

TEST_CASE("file names follow the scheme and the language") {
    Assessment a;
    a.check_date = Date{2026, 11, 22};
    a.regime = Regime::dispensation;
    CHECK(application_file_stem(a, "nl") == "aanvraag-dispensatie-2026-11-22");
    CHECK(application_file_stem(a, "en") == "application-dispensation-2026-11-22");
    a.regime = Regime::deferral;
    CHECK(application_file_stem(a, "nl") == "aanvraag-herregistratie-met-uitstel-2026-11-22");
    a.regime = Regime::reentry_3;
    CHECK(application_file_stem(a, "en") == "application-reentry-group-3-2026-11-22");
}

TEST_CASE("rules files may give a profession its own competences, and only for their own professions") {
    std::string kp_text;
    for (const auto& f : embedded_rules_files())
        if (f.name == "kp.json") kp_text = f.text;
    REQUIRE_FALSE(kp_text.empty());
    nlohmann::json doc = nlohmann::json::parse(kp_text);
    doc["competences"]["by_profession"] = {{"logopedie", {{{"id", "stem"}, {"name", {{"nl", "Stem en spraak"}, {"en", "Voice and speech"}}}}}}};
    const RuleSet rs = load_rules(doc.dump(), "kp.json");
    REQUIRE(competences_for(rs, "logopedie").size() == 1);
    CHECK(competences_for(rs, "logopedie")[0].name.in("en") == "Voice and speech");
    CHECK(competences_for(rs, "dietetiek").size() == 7);

    doc["competences"]["by_profession"] = {{"tandheelkunde", {{{"id", "x"}, {"name", {{"nl", "X"}, {"en", "X"}}}}}}};
    auto problems = validate_rules(doc.dump(), "kp.json");
    REQUIRE(problems.size() == 1);
    CHECK(std::string(problems[0].what()) == "competences.by_profession.tandheelkunde: not a profession of this register");
    CHECK(error_field([&] { load_rules(doc.dump(), "kp.json"); }) == "kp.json");   // the app refuses the file
    doc["competences"]["by_profession"] = {{"logopedie", nlohmann::json::array()}};
    problems = validate_rules(doc.dump(), "kp.json");
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].field() == "competences.by_profession.logopedie");
}

TEST_CASE("over-long texts: refused in files, kept in the app's drafts") {
    Portfolio p = case_portfolio("kp-20-dispensation-application");
    p.activities.back().title = std::string(kMaxActivityText + 1, 'x');
    p.application.name = std::string(201, 'n');
    const std::string text = write_portfolio(p);
    CHECK(error_field([&] { read_portfolio(text); }) == "activities[" + std::to_string(p.activities.size() - 1) + "].title");
    const Portfolio draft = read_portfolio(text, ReadMode::draft);
    CHECK(draft.activities.back().title.size() == kMaxActivityText + 1);
    CHECK(draft.application.name.size() == 201);
    p.activities.back().title = "ok";
    CHECK(error_field([&] { read_portfolio(write_portfolio(p)); }) == "application.name");
}

TEST_CASE("the text version drops control characters and bidi overrides from user text") {
    Portfolio p = case_portfolio("kp-20-dispensation-application");
    p.application.reasons = "ziek\x1b[2J\x07 \xE2\x80\xAEtset\tklaar";
    const auto r = run(p);
    const std::string text = render_text(application_document(r.p, r.a, rulebook().for_portfolio(p), r.check, "nl"));
    CHECK(text.find("ziek[2J tset klaar") != std::string::npos);
    CHECK(text.find('\x1b') == std::string::npos);
    CHECK(text.find("\xE2\x80\xAE") == std::string::npos);

    FormDocument bare;
    DocSection sec{"S", {}};
    DocBlock t;
    t.kind = DocBlock::Kind::table;   // no header, rows wider than it: nothing may be lost
    t.table.rows = {{"a", "b", "c"}};
    sec.blocks.push_back(t);
    bare.sections.push_back(sec);
    CHECK(render_text(bare).find("a b c") != std::string::npos);
}

TEST_CASE("pre-check: the assessment's warnings about the definition become items") {
    Portfolio p = case_portfolio("kp-20-dispensation-application");
    p.check_date = Date{2024, 11, 1};   // re-registration opens 2024-12-01 (36 months)
    for (auto& h : p.hours) h.hours = 900;   // hours met, so still dispensation
    const auto r = run(p);
    REQUIRE(r.a.regime == Regime::dispensation);
    REQUIRE(problem(r.check, "definition_too_early") != nullptr);
    CHECK_FALSE(r.check.ready());
    Portfolio g1 = case_portfolio("kp-21-reentry-group-1-application");
    g1.last_worked = Date{2026, 2, 1};   // a break under 2 years
    const auto r1 = run(g1);
    REQUIRE(r1.check.item("definition_short_break") != nullptr);
    CHECK(r1.check.item("definition_short_break")->status == CheckStatus::info);
}

// Format 2: the form is the named registration's; what is marked for another registration is
// not in it, and the pre-check's "go to" names entries as the portfolio numbers them.
TEST_CASE("a portfolio of two registrations: the form and its pre-check hold only the named one's entries") {
    Portfolio p = case_portfolio("kp-22-reentry-group-2-application");
    OtherRegistration spec;
    spec.register_id = "vvocm";
    spec.specialisation = "kinderoefentherapie";
    spec.profession = "oefentherapie";
    spec.registration.period_start = Date{2022, 6, 1};
    p.other_registrations.push_back(spec);
    Activity other = p.activities.front();
    other.title = "Alleen voor de specialisatie";
    other.provider = "";   // a problem the pre-check would name, were the entry counted here
    other.for_registrations = {"vvocm/kinderoefentherapie"};
    p.activities.insert(p.activities.begin(), other);
    const auto r = run(p);
    const std::string text = render_text(application_document(r.p, r.a, rulebook().for_portfolio(p), r.check, "nl"));
    CHECK(text.find("Alleen voor de specialisatie") == std::string::npos);
    for (const auto& item : r.check.items) CHECK_MESSAGE(item.field.rfind("activities[0]", 0) != 0, item.id << " " << item.field);
}
