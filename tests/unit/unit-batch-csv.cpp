// The batch CSV: quoting, formula injection, and a row's figures from an assessment.
#include "batch_csv.h"
#include "test_support.h"

using namespace herreg;
using namespace herreg::test;

TEST_CASE("CSV fields are quoted when needed and defused when a spreadsheet would run them") {
    CHECK(csv_field("plain") == "plain");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("two\nlines") == "\"two\nlines\"");
    CHECK(csv_field("=SUM(A1)") == "'=SUM(A1)");
    CHECK(csv_field("+31 6") == "'+31 6");
    CHECK(csv_field("-1+1") == "'-1+1");
    CHECK(csv_field("-1") == "-1");   // a negative number stays a number (unit-output-escaping.cpp)
    CHECK(csv_field("@cmd") == "'@cmd");
    CHECK(csv_field("=a,b") == "\"'=a,b\"");
    CHECK(csv_field("") == "");
}

TEST_CASE("a batch row carries the verdict, the figures and the next thing to do by a date") {
    const Portfolio p = case_portfolio("kp-02-dispensation");
    const RuleSet& rs = rulebook().for_portfolio(p);
    const Assessment a = assess(p, rs);
    const BatchFormat plain;
    CHECK(batch_csv_header(plain) ==
          "id,register,specialisation,meets,scheme,hours_achieved,hours_required,points_missing,next_deadline,"
          "next_deadline_date,days_left,action,reason,error,duplicate_of");
    // The temporary registration's start (after the check date) is a date the app computes, not
    // a deadline: the next one is the last day to file the application.
    const Deadline* next = next_action_deadline(a);
    REQUIRE(next != nullptr);
    CHECK(next->id == "last_filing_day");
    const BatchRow row = batch_csv_row("m-1", {}, a, rs, plain);
    const std::string days = std::to_string(days_between(a.check_date, next->date));
    CHECK(row.text == "m-1,kp,,false,dispensation,2000,1600,40,last_filing_day," + to_iso(next->date) + "," + days +
                          ",\"File the application: Dispensation scheme, by " + to_dutch(next->date) + " (Last day to file)\",,");
    CHECK(row.days_left == days_between(a.check_date, next->date));

    BatchFormat dutch;
    dutch.dutch = dutch.excel = true;
    dutch.keep = {"naam"};
    CHECK(batch_csv_header(dutch).rfind("id;naam;register;specialisatie;voldoet;regeling;", 0) == 0);
    const BatchRow nl = batch_csv_row("m-1", {"Anna"}, a, rs, dutch);
    CHECK(nl.text.rfind("m-1;Anna;kp;;nee;Dispensatieregeling;2000;1600;40;Laatste dag om in te dienen;", 0) == 0);

    const BatchRow bad = batch_csv_error_row("m-2", {"Bob"}, "check_date: not a date", dutch);
    CHECK(bad.error);
    CHECK(bad.text == "m-2;Bob;;;;;;;;;;;;;check_date: not a date");
}
