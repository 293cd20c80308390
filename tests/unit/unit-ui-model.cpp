// The UI's pure parts, natively: every user-facing string exists in both languages, and the
// session the screens edit (draft portfolios, recomputation, autosave round trip).
#include "test_support.h"
#include "ui/session.h"
#include "ui/strings.h"

#include <cstring>
#include <stdexcept>

using namespace herreg;

TEST_CASE("ui strings: every field is filled in both languages, with the same placeholders") {
    static_assert(sizeof(ui::Strings) % sizeof(const char*) == 0, "Strings holds only const char* members");
    constexpr size_t n = sizeof(ui::Strings) / sizeof(const char*);
    const auto* nl = reinterpret_cast<const char* const*>(&ui::strings(ui::Lang::nl));
    const auto* en = reinterpret_cast<const char* const*>(&ui::strings(ui::Lang::en));
    auto placeholders = [](const char* s) {
        int count = 0;
        for (const char* p = s; (p = std::strstr(p, "{}")) != nullptr; p += 2) ++count;
        return count;
    };
    for (size_t i = 0; i < n; ++i) {
        CAPTURE(i);
        REQUIRE(nl[i] != nullptr);
        REQUIRE(en[i] != nullptr);
        CHECK(std::strlen(nl[i]) > 0);
        CHECK(std::strlen(en[i]) > 0);
        CHECK(placeholders(nl[i]) == placeholders(en[i]));
    }
    CHECK(std::string(ui::strings(ui::Lang::nl).code) == "nl");
    CHECK(std::string(ui::strings(ui::Lang::en).code) == "en");
}

TEST_CASE("ui session: a draft without register or dates is kept, not assessed, and round-trips") {
    ui::Session s(Rulebook::from_files(embedded_rules_files()));
    s.refresh(Date{2026, 11, 23});
    CHECK(s.assessment() == nullptr);
    CHECK_FALSE(s.error());   // nothing chosen yet is not an error

    s.edit().register_id = "kp";
    s.refresh(Date{2026, 11, 23});
    CHECK(s.assessment() == nullptr);
    REQUIRE(s.error());
    CHECK(s.error()->field() == "registration.period_start");

    // The autosave of this draft must load back (ReadMode::draft), and the strict reader
    // must still refuse it for the CLI.
    const std::string saved = write_portfolio(s.portfolio());
    CHECK_THROWS_AS(read_portfolio(saved), InputError);
    const Portfolio back = read_portfolio(saved, ReadMode::draft);
    CHECK(back.register_id == "kp");
    CHECK(!back.registration.period_start);
    // A reversed range typed half-way is kept in a draft (so the autosave loads back) and
    // refused by the assessment, naming the field.
    const char* reversed = R"({"format":"herreg-portfolio/1","register":"kp","check_date":"2026-11-22",
        "registration":{"period_start":"2021-12-01"},"hours":[{"from":"2023-06-30","to":"2023-01-01","hours":10}]})";
    CHECK_THROWS_AS(read_portfolio(reversed), InputError);
    const Portfolio draft = read_portfolio(reversed, ReadMode::draft);
    try {
        assess(draft, test::rulebook().for_portfolio(draft));
        FAIL("a reversed range was assessed");
    } catch (const InputError& e) {
        CHECK(e.field() == "hours[0].to");
    }
    CHECK_THROWS_AS(read_portfolio(R"({"format":"herreg-portfolio/1","register":"","hours":[{"year":"x"}]})", ReadMode::draft),
                    InputError);   // drafts are still checked for what they hold
}

TEST_CASE("ui session: recomputes once per change and fills an empty check date with today") {
    ui::Session s(Rulebook::from_files(embedded_rules_files()));
    Portfolio p = test::kp_portfolio();
    p.check_date.reset();
    s.replace(p);
    CHECK(s.take_unsaved());
    CHECK(!s.take_unsaved());
    s.refresh(Date{2026, 11, 23});
    REQUIRE(s.assessment() != nullptr);
    CHECK(s.assessment()->check_date == Date{2026, 11, 23});
    CHECK(s.check_date() == Date{2026, 11, 23});
    CHECK(!s.portfolio().check_date);   // "today" is not written into the user's data
    const Assessment* first = s.assessment();
    s.refresh(Date{2026, 11, 24});       // no change: same result object, not recomputed
    CHECK(s.assessment() == first);
    CHECK(s.assessment()->check_date == Date{2026, 11, 23});

    const unsigned long rev = s.revision();
    test::add_hours(s.edit(), 2022, 500);
    CHECK(s.revision() == rev + 1);
    s.refresh(Date{2026, 11, 23});
    CHECK(s.assessment()->criterion("hours")->achieved == doctest::Approx(500));
}

TEST_CASE("ui session: rules read later are read at the first need, once; a failed read is tried again") {
    int reads = 0;
    bool fail = true;
    ui::Session s([&] {
        ++reads;
        if (fail) throw std::runtime_error("kp.json: cut off");
        return Rulebook::from_files(embedded_rules_files());
    });
    s.refresh(Date{2026, 11, 23});   // nothing chosen: no rules needed
    CHECK(reads == 0);
    CHECK_FALSE(s.rules_read());
    CHECK(s.rules() == nullptr);
    CHECK(reads == 0);

    s.replace(test::kp_portfolio());
    s.refresh(Date{2026, 11, 23});   // an assessment needs them: the read fails, said as a fault
    CHECK(reads == 1);
    CHECK_FALSE(s.rules_read());
    CHECK(s.assessment() == nullptr);
    REQUIRE(s.error());
    CHECK(s.error()->message().id == "app.fault");
    CHECK_THROWS_WITH(s.rulebook(), "kp.json: cut off");
    CHECK(reads == 2);

    fail = false;
    CHECK(s.rulebook().find("kp", std::nullopt) != nullptr);
    CHECK(reads == 3);
    CHECK(s.rules_read());
    test::add_hours(s.edit(), 2022, 500);
    s.refresh(Date{2026, 11, 23});
    REQUIRE(s.assessment() != nullptr);
    CHECK(s.rules() != nullptr);
    CHECK(reads == 3);   // read once
}

TEST_CASE("ui session: a what-if is a copy the steps edit, and leaves the portfolio as entered alone") {
    ui::Session s(Rulebook::from_files(embedded_rules_files()));
    s.replace(test::case_portfolio("kp-02-dispensation"));   // 40 points short, illness
    s.refresh(Date{2026, 11, 23});
    REQUIRE(s.assessment() != nullptr);
    CHECK(s.assessment()->regime == Regime::dispensation);
    CHECK(!s.has_what_if());
    s.select(ui::Scenario::what_if);   // none yet: nothing to select
    CHECK(s.editing() == ui::Scenario::as_entered);

    s.start_what_if();
    CHECK(s.has_what_if());
    CHECK(s.editing() == ui::Scenario::what_if);
    CHECK(write_portfolio(s.portfolio()) == write_portfolio(s.portfolio(ui::Scenario::as_entered)));
    const size_t activities = s.portfolio().activities.size();
    // What if the member follows a 40-point accredited course before the check date?
    test::add_activity(s.edit(), Date{2026, 9, 1}, "bij_en_nascholing", 40, true);
    s.refresh(Date{2026, 11, 23});
    REQUIRE(s.assessment(ui::Scenario::what_if) != nullptr);
    CHECK(s.assessment(ui::Scenario::what_if)->regime == Regime::reregistration);
    CHECK(s.assessment(ui::Scenario::as_entered)->regime == Regime::dispensation);
    CHECK(s.portfolio(ui::Scenario::as_entered).activities.size() == activities);
    CHECK(s.portfolio().activities.size() == activities + 1);   // the active one: the what-if
    CHECK(s.take_unsaved());

    // Switching back edits the data as entered; the what-if stays.
    s.select(ui::Scenario::as_entered);
    CHECK(s.assessment()->regime == Regime::dispensation);
    CHECK(s.has_what_if());

    // Adopting makes the what-if the member's data.
    s.adopt_what_if();
    CHECK(!s.has_what_if());
    CHECK(s.editing() == ui::Scenario::as_entered);
    s.refresh(Date{2026, 11, 23});
    CHECK(s.assessment()->regime == Regime::reregistration);
    CHECK(s.portfolio().activities.size() == activities + 1);

    // New data (a file, a sample, a share link) drops a what-if: it was about the old data.
    s.start_what_if();
    s.replace(test::case_portfolio("kp-02-dispensation"));
    CHECK(!s.has_what_if());
    CHECK(s.editing() == ui::Scenario::as_entered);

    // A what-if restored from storage is assessed on the next refresh.
    s.restore_what_if(test::case_portfolio("kp-01-reregistration"));
    s.refresh(Date{2026, 11, 23});
    REQUIRE(s.assessment(ui::Scenario::what_if) != nullptr);
    CHECK(s.assessment(ui::Scenario::what_if)->regime == Regime::reregistration);
    s.drop_what_if();
    CHECK(!s.has_what_if());
    CHECK(s.assessment(ui::Scenario::what_if) == s.assessment(ui::Scenario::as_entered));   // falls back
}
