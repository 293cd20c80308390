// Importing hours and activities from pasted spreadsheet rows: the formats people have
// (Dutch decimal comma, ';' / ',' / tab, headers, Excel quoting, BOM, CRLF) and a problem
// with line and field for every row that cannot be read.
#include "assessment/assessment.h"
#include "input/csv_import.h"
#include "test_support.h"

using namespace herreg;
using namespace herreg::test;

namespace {
const RuleSet& kp() { return *rulebook().find("kp", std::nullopt); }
const RuleSet& nvvpo() { return *rulebook().find("nvvpo", std::nullopt); }

bool has_problem(const std::vector<CsvProblem>& ps, int line, const std::string& field) {
    for (const auto& p : ps)
        if (p.line == line && p.field == field) return true;
    return false;
}
}  // namespace

TEST_CASE("hours per year: Dutch numbers, header skipped, separators") {
    const HoursImport r = import_hours_csv("Jaar;Uren\n2022;1.200\n2023;412,5\n");
    CHECK(r.problems.empty());
    REQUIRE(r.entries.size() == 2);
    CHECK(r.entries[0].year == 2022);
    CHECK(r.entries[0].from == Date{2022, 1, 1});
    CHECK(r.entries[0].to == Date{2022, 12, 31});
    CHECK(r.entries[0].hours == 1200);
    CHECK(r.entries[1].hours == 412.5);

    // A comma file, a tab file (spreadsheet clipboard) and English decimals.
    const HoursImport comma = import_hours_csv("2022,800\n2023,12.5\n");
    CHECK(comma.problems.empty());
    REQUIRE(comma.entries.size() == 2);
    CHECK(comma.entries[1].hours == 12.5);
    const HoursImport tab = import_hours_csv("2022\t1.600\n2023\t7,5");
    CHECK(tab.problems.empty());
    REQUIRE(tab.entries.size() == 2);
    CHECK(tab.entries[0].hours == 1600);
    CHECK(tab.entries[1].hours == 7.5);
}

TEST_CASE("hours per range in Dutch and ISO dates") {
    const HoursImport r = import_hours_csv("01-01-2024;30-06-2024;600\n2024-07-01;2024-12-31;500,5\n1/2/2025;28.2.2025;10");
    CHECK(r.problems.empty());
    REQUIRE(r.entries.size() == 3);
    CHECK_FALSE(r.entries[0].year);
    CHECK(r.entries[0].from == Date{2024, 1, 1});
    CHECK(r.entries[0].to == Date{2024, 6, 30});
    CHECK(r.entries[0].hours == 600);
    CHECK(r.entries[1].hours == 500.5);
    CHECK(r.entries[2].from == Date{2025, 2, 1});   // day first, as Dutch people write it
}

TEST_CASE("CRLF line ends, a BOM, empty lines and empty trailing cells") {
    const HoursImport r = import_hours_csv("\xEF\xBB\xBFJaar;Uren;;\r\n\r\n2022;100;;\r\n;;;\r\n2023;200\r\n");
    CHECK(r.problems.empty());
    REQUIRE(r.entries.size() == 2);
    CHECK(r.entries[1].year == 2023);
    CHECK(r.entries[1].hours == 200);
    // Without the header the BOM must not spoil the first year.
    CHECK(import_hours_csv("\xEF\xBB\xBF" "2022;100").entries.size() == 1);
}

TEST_CASE("bad hours rows give problems with line and field, and the good rows still come in") {
    const HoursImport r = import_hours_csv(
        "van;tot;uren\n"          // 1 header
        "2022;-5\n"               // 2 negative
        "30-06-2024;01-01-2024;10\n"   // 3 reversed
        "31-02-2024;31-03-2024;8\n"    // 4 no such day
        "2023;veel\n"             // 5 not a number
        "2023;9000\n"             // 6 more than 24 a day (365 days: 8760)
        "01-01-2024;02-01-2024;49\n"   // 7 two days, at most 48
        "1850;10\n"               // 8 year out of range
        "2024;100;5;6\n"          // 9 four columns
        "\n"
        "2025;400\n"              // 11 fine
        "2026;\n");              // 12 no hours
    REQUIRE(r.entries.size() == 1);
    CHECK(r.entries[0].year == 2025);
    CHECK(has_problem(r.problems, 2, "hours"));
    CHECK(has_problem(r.problems, 3, "to"));
    CHECK(has_problem(r.problems, 4, "from"));
    CHECK(has_problem(r.problems, 5, "hours"));
    CHECK(has_problem(r.problems, 6, "hours"));
    CHECK(has_problem(r.problems, 7, "hours"));
    CHECK(has_problem(r.problems, 8, "year"));
    CHECK(has_problem(r.problems, 9, ""));
    CHECK(has_problem(r.problems, 12, "hours"));
    CHECK(r.problems.size() == 9);
    for (const auto& p : r.problems) {
        CHECK_FALSE(p.message.nl.empty());
        CHECK_FALSE(p.message.en.empty());
    }
    CHECK(r.problems[0].message.nl == "Het aantal uren kan niet negatief zijn (-5).");
    CHECK(r.problems[1].message.nl == "De periode eindigt (01-01-2024) voordat hij begint (30-06-2024).");
    CHECK(r.problems[1].message.en == "The range ends (2024-01-01) before it starts (2024-06-30).");
    // Exactly 24 hours a day is still allowed.
    CHECK(import_hours_csv("01-01-2024;02-01-2024;48").problems.empty());
}

TEST_CASE("a wrong date in the first row is a problem, not a header") {
    const HoursImport r = import_hours_csv("31-02-2024;31-03-2024;8\n2022;100");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].line == 1);
    CHECK(r.problems[0].field == "from");
    CHECK(r.problems[0].message.nl.find("\"31-02-2024\" is geen datum") == 0);
    CHECK(r.entries.size() == 1);
}

TEST_CASE("activities: names or ids for categories, Dutch points, yes/no, header") {
    const ActivitiesImport r = import_activities_csv(
        "Datum;Titel;Aanbieder;Categorie;Punten;Geaccrediteerd\n"
        "15-03-2023;Cursus COPD;NPi;Bij- en nascholing;12,5;ja\n"
        "2023-04-01;Intervisie;Zelf;overige activiteiten;4;nee\n"
        "01-05-2023;Congres;KNGF;BIJ EN NASCHOLING;8;\n"
        "01-06-2023;Webinar;X;Other activities;1.5;Yes\n"
        "01-07-2023;Lezen;X;overige;1;WAAR\n",
        kp());
    CHECK(r.problems.empty());
    REQUIRE(r.activities.size() == 5);
    const Activity& a = r.activities[0];
    CHECK(a.date == Date{2023, 3, 15});
    CHECK(a.title == "Cursus COPD");
    CHECK(a.provider == "NPi");
    CHECK(a.category == "bij_en_nascholing");
    CHECK(a.points == 12.5);
    CHECK(a.accredited);
    CHECK_FALSE(a.kind);
    CHECK(r.activities[1].category == "overige");
    CHECK_FALSE(r.activities[1].accredited);
    CHECK(r.activities[2].category == "bij_en_nascholing");
    CHECK_FALSE(r.activities[2].accredited);   // empty: no
    CHECK(r.activities[3].category == "overige");
    CHECK(r.activities[3].points == 1.5);      // English decimal where Dutch cannot read it
    CHECK(r.activities[3].accredited);
    CHECK(r.activities[4].accredited);         // Dutch Excel writes TRUE as WAAR
}

TEST_CASE("quoted cells: separators and quotes inside, as Excel writes them") {
    const ActivitiesImport r = import_activities_csv(
        "2023-03-15;\"Cursus; deel 2\";\"Bureau \"\"De Zorg\"\"\";overige;\"12,5\";x\n"
        "2023-03-16,\"Course, part 3\",Provider,overige,\"1,5\",n\n",
        kp());
    CHECK(r.problems.empty());
    REQUIRE(r.activities.size() == 2);
    CHECK(r.activities[0].title == "Cursus; deel 2");
    CHECK(r.activities[0].provider == "Bureau \"De Zorg\"");
    CHECK(r.activities[0].points == 12.5);
    CHECK(r.activities[0].accredited);
    // A comma file: the ';' inside the quotes does not make it a ';' file, and a quoted
    // "1,5" in a comma file is a Dutch decimal.
    CHECK(r.activities[1].title == "Course, part 3");
    CHECK(r.activities[1].points == 1.5);
    CHECK(import_activities_csv("2023-03-15,\"Cursus; deel 2\",X,overige,2,ja", kp()).activities.at(0).title ==
          "Cursus; deel 2");
}

TEST_CASE("a quoted cell may span lines; line numbers stay those of the text") {
    const ActivitiesImport r = import_activities_csv(
        "2023-03-15;\"Cursus\nmet twee regels\";X;overige;2;ja\n"
        "2023-03-16;Y;X;onbekend;2;ja\n",
        kp());
    REQUIRE(r.activities.size() == 1);
    CHECK(r.activities[0].title == "Cursus\nmet twee regels");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].line == 3);
    CHECK(r.problems[0].field == "category");
}

TEST_CASE("an unclosed quote is reported and the next lines are still read") {
    const ActivitiesImport r = import_activities_csv(
        "2023-03-15;\"Cursus;X;overige;2;ja\n"
        "2023-03-16;Y;X;overige;2;ja\n",
        kp());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].line == 1);
    REQUIRE(r.activities.size() == 1);
    CHECK(r.activities[0].date == Date{2023, 3, 16});
}

TEST_CASE("an unknown category names the field and lists the register's categories") {
    const ActivitiesImport r = import_activities_csv("Datum;Titel\n2023-03-15;T;P;Scholing;4;ja\n", kp());
    CHECK(r.activities.empty());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].line == 2);
    CHECK(r.problems[0].field == "category");
    CHECK(r.problems[0].message.nl ==
          "Onbekende categorie \"Scholing\". Kies uit: Bij- en nascholing, Overige activiteiten.");
    CHECK(r.problems[0].message.en ==
          "Unknown category \"Scholing\". Choose from: Courses and continuing education, Other activities.");
}

TEST_CASE("every bad cell of an activity row is reported") {
    const ActivitiesImport r = import_activities_csv(
        "2023-02-30;T;P;overige;-1;misschien\n"
        "2023-03-01;T;P;overige;5000;ja\n"
        "2023-03-01;T;P;overige;twee;ja\n"
        "2023-03-01;T;P\n"
        "2023-03-01;T;P;overige;\n",
        kp());
    CHECK(r.activities.empty());
    CHECK(has_problem(r.problems, 1, "date"));
    CHECK(has_problem(r.problems, 1, "points"));
    CHECK(has_problem(r.problems, 1, "accredited"));
    CHECK(has_problem(r.problems, 2, "points"));
    CHECK(has_problem(r.problems, 3, "points"));
    CHECK(has_problem(r.problems, 4, ""));
    CHECK(has_problem(r.problems, 5, "points"));
    CHECK(r.problems.size() == 7);
    CHECK(r.problems[5].message.nl == "Deze regel heeft 3 kolommen; verwacht "
                                      "datum;titel;aanbieder;categorie;punten;geaccrediteerd[;soort].");
    CHECK(r.problems[6].message.nl == "Vul het aantal punten in.");
}

TEST_CASE("kinds: matched by id or name, category taken from the kind, mismatches reported") {
    const ActivitiesImport r = import_activities_csv(
        "2023-01-10;Overleg;X;dba;1;nee;poh_overleg\n"
        "2023-02-10;Overleg;X;Deskundigheidsbevorderende activiteiten;1;nee;POH-overleg\n"
        "2023-03-10;Werkgroep;X;;1;nee;werkgroep astma copd\n"
        "2023-04-10;Cursus;X;bij_en_nascholing;3;ja;\n"
        "2023-05-10;Overleg;X;bij_en_nascholing;1;nee;poh_overleg\n"
        "2023-06-10;Overleg;X;dba;1;nee;borrel\n",
        nvvpo());
    REQUIRE(r.activities.size() == 4);
    CHECK(r.activities[0].kind == "poh_overleg");
    CHECK(r.activities[1].kind == "poh_overleg");
    CHECK(r.activities[1].category == "dba");
    CHECK(r.activities[2].kind == "werkgroep_astma_copd");
    CHECK(r.activities[2].category == "dba");   // empty category: the kind's own
    CHECK_FALSE(r.activities[3].kind);
    REQUIRE(r.problems.size() == 2);
    CHECK(r.problems[0].line == 5);
    CHECK(r.problems[0].field == "kind");
    CHECK(r.problems[0].message.nl.find("hoort bij de categorie Deskundigheidsbevorderende activiteiten") !=
          std::string::npos);
    CHECK(r.problems[1].line == 6);
    CHECK(r.problems[1].field == "kind");
    CHECK(r.problems[1].message.nl.find("Onbekende soort \"borrel\". Kies uit: Werkgroep kwaliteit astma en COPD") == 0);

    // A register without kinds says so.
    const ActivitiesImport k = import_activities_csv("2023-01-10;T;X;overige;1;nee;poh_overleg", kp());
    REQUIRE(k.problems.size() == 1);
    CHECK(k.problems[0].field == "kind");
}

TEST_CASE("imported activities pass the assessment's own checks") {
    const ActivitiesImport r = import_activities_csv(
        "2023-01-10;Overleg;X;dba;1;nee;poh_overleg\n2023-04-10;Cursus;X;Bij- en nascholing;3;ja\n", nvvpo());
    REQUIRE(r.problems.empty());
    Portfolio p = kp_portfolio();
    p.register_id = "nvvpo";
    p.profession = "poh";
    p.activities = r.activities;
    CHECK_NOTHROW(assess(read_portfolio(write_portfolio(p)), nvvpo()));
}

TEST_CASE("empty input imports nothing and reports nothing") {
    CHECK(import_hours_csv("").entries.empty());
    CHECK(import_hours_csv("").problems.empty());
    CHECK(import_hours_csv("\n\r\n  \n").problems.empty());
    CHECK(import_activities_csv("Datum;Titel;Aanbieder;Categorie;Punten;Geaccrediteerd", kp()).problems.empty());
}

TEST_CASE("an import stops where a portfolio is full, and says so at the first row it leaves out") {
    // What the app enters it must read back: the reader takes at most kMaxListEntries.
    std::string text = "jaar;uren\n";
    for (int i = 0; i < 60; ++i) text += std::to_string(1990 + i) + ";100\n";
    const HoursImport h = import_hours_csv(text, 50);
    CHECK(h.entries.size() == 50);
    REQUIRE(h.problems.size() == 1);
    CHECK(h.problems[0].line == 52);   // the header, then 50 rows: line 52 is the first left out
    CHECK(h.problems[0].message.nl.find("de 9 regels erna") != std::string::npos);
    CHECK(h.problems[0].message.en.find("at most 10000") != std::string::npos);
    CHECK(import_hours_csv(text, 0).entries.empty());
    CHECK(import_hours_csv(text).entries.size() == 60);
}
