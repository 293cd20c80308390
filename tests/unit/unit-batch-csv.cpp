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

TEST_CASE("a batch row carries the verdict, the figures and the next date still ahead") {
    const Portfolio p = case_portfolio("kp-02-dispensation");
    const Assessment a = assess(p, rulebook().for_portfolio(p));
    CHECK(batch_csv_header() == "id,register,specialisation,meets,scheme,hours_achieved,hours_required,points_missing,next_deadline,next_deadline_date\n");
    // 2024-12-01 (earliest re-registration) lies before the check date and is skipped.
    CHECK(batch_csv_row("m-1", a) == "m-1,kp,,false,dispensation,2000,1600,40,temporary_start,2026-12-01\n");
}
