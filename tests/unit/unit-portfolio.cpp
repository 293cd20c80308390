#include "test_support.h"
#include <functional>

using namespace herreg;
using herreg::test::error_field;

namespace {
const char* kMinimal = R"({"format":"herreg-portfolio/1","register":"kp","check_date":"2026-11-22",
  "registration":{"initial":true,"period_start":"2021-12-01"}})";

std::string with(const std::string& key_and_value) {
    std::string s = kMinimal;
    s.insert(s.size() - 1, "," + key_and_value);
    return s;
}

std::string problem(const std::string& text) {
    try {
        read_portfolio(text);
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}
}  // namespace

TEST_CASE("a minimal portfolio reads") {
    const Portfolio p = read_portfolio(kMinimal);
    CHECK(p.register_id == "kp");
    CHECK(p.check_date == Date{2026, 11, 22});
    CHECK(p.registration.initial);
    CHECK(p.registration.period_start == Date{2021, 12, 1});
    CHECK_FALSE(p.registration.period_end);
    CHECK(p.hours.empty());
}

TEST_CASE("hours by year and by range") {
    const Portfolio p = read_portfolio(with(R"("hours":[{"year":2022,"hours":420},{"from":"2023-01-01","to":"2023-06-30","hours":210}])"));
    REQUIRE(p.hours.size() == 2);
    CHECK(p.hours[0].year == 2022);
    CHECK(p.hours[0].from == Date{2022, 1, 1});
    CHECK(p.hours[0].to == Date{2022, 12, 31});
    CHECK(p.hours[1].hours == 210);
    CHECK_FALSE(p.hours[1].year);
}

TEST_CASE("bad input names the field") {
    CHECK(problem(with(R"("activities":[{"date":"2026-02-30","category":"overige","points":1}])")) ==
          "activities[0].date: not a date: \"2026-02-30\"");
    CHECK(error_field([] { read_portfolio(with(R"("hours":[{"year":2022,"hours":-1}])")); }) == "hours[0].hours");
    CHECK(error_field([] { read_portfolio(with(R"("hours":[{"year":2022,"hours":1e9}])")); }) == "hours[0].hours");
    CHECK(error_field([] { read_portfolio(with(R"("hours":[{"from":"2023-06-30","to":"2023-01-01","hours":1}])")); }) == "hours[0].to");
    CHECK(error_field([] { read_portfolio(with(R"("hours":[{"year":2022}])")); }) == "hours[0].hours");
    CHECK(error_field([] { read_portfolio(with(R"("hours":[{"hours":5}])")); }) == "hours[0]");
    CHECK(error_field([] { read_portfolio(with(R"("activities":[{"date":"2022-01-01","category":"overige","points":"10"}])")); }) == "activities[0].points");
    CHECK(error_field([] { read_portfolio(with(R"("circumstances":["tired"])")); }) == "circumstances[0]");
    CHECK(error_field([] { read_portfolio(with(R"("thresholds":{"hours":"many"})")); }) == "thresholds.hours");
    CHECK(error_field([] { read_portfolio(R"({"format":"herreg-portfolio/3","register":"kp"})"); }) == "format");
    CHECK(error_field([] { read_portfolio(R"({"register":"kp"})"); }) == "format");
    CHECK(error_field([] { read_portfolio(R"({"format":"herreg-portfolio/1","register":"kp","registration":{"initial":true}})"); }) ==
          "registration.period_start");
    CHECK(error_field([] { read_portfolio(R"({"format":"herreg-portfolio/1","register":"kp","registration":{"period_start":"2021-12-01","period_end":"2021-01-01"}})"); }) ==
          "registration.period_end");
    CHECK(error_field([] { read_portfolio("[1,2]"); }) == "document");
}

TEST_CASE("broken documents give one clear message") {
    CHECK(problem("") == "portfolio: the file is empty");
    CHECK(problem("{\"format\": ").find("portfolio: not valid JSON at line 1") == 0);
    CHECK(problem("{\n  \"a\": 1,\n  oops\n}").find("line 3") != std::string::npos);
    CHECK(problem(std::string(100000, '[')).find("nested more than") != std::string::npos);
    CHECK(problem("{\"format\":\"herreg-portfolio/1\",\"register\":\"k\xff\"}").find("not valid JSON") != std::string::npos);
}

TEST_CASE("write and read again is lossless, unknown fields included") {
    const std::string text = with(R"("hours":[{"year":2022,"hours":420.5}],"activities":[{"date":"2022-03-01","title":"Cursus ë","provider":"Y","category":"bij_en_nascholing","kind":null,"points":10,"accredited":true}],"form":{"reason":"ziek"},"circumstances":["illness"],"thresholds":{"hours":2080,"points_total":null})");
    const Portfolio p = read_portfolio(text);
    const Portfolio q = read_portfolio(write_portfolio(p));
    CHECK(write_portfolio(p) == write_portfolio(q));
    CHECK(unknown_fields(q)["form"]["reason"] == "ziek");
    CHECK(q.activities[0].title == "Cursus ë");
    CHECK(q.hours[0].hours == 420.5);
    CHECK(q.thresholds.at("hours") == 2080);
    CHECK_FALSE(q.thresholds.at("points_total"));
}

// Format 2 (issue 16, point 8): other registrations and entries marked `for`.
TEST_CASE("format 2: other registrations and `for` marks read, write and read again") {
    const Portfolio p = test::case_portfolio("vvocm-08-specialisation-and-base");
    REQUIRE(p.other_registrations.size() == 1);
    CHECK(p.other_registrations[0].register_id == "kp");
    CHECK(p.other_registrations[0].registration.period_start == Date{2022, 1, 1});
    CHECK(p.activities[0].for_registrations == std::vector<std::string>{"vvocm/kinderoefentherapie"});
    const std::string written = write_portfolio(p);
    CHECK(written.find("\"herreg-portfolio/2\"") != std::string::npos);
    CHECK(write_portfolio(read_portfolio(written)) == written);

    // Without either, a portfolio is written as version 1, which older versions read.
    Portfolio plain = p;
    plain.other_registrations.clear();
    plain.activities[0].for_registrations.clear();
    CHECK(write_portfolio(plain).find("\"herreg-portfolio/1\"") != std::string::npos);
    // A mark alone makes it version 2.
    plain.hours[0].for_registrations = {"vvocm/kinderoefentherapie"};
    CHECK(write_portfolio(plain).find("\"herreg-portfolio/2\"") != std::string::npos);
}

TEST_CASE("format 2: what an other registration may not hold, and marks that name nothing") {
    const std::string base = write_portfolio(test::case_portfolio("vvocm-08-specialisation-and-base"));
    const auto edited = [&](const std::function<void(nlohmann::json&)>& edit) {
        nlohmann::json j = nlohmann::json::parse(base);
        edit(j);
        return j.dump();
    };
    CHECK(error_field([&] { read_portfolio(edited([](auto& j) { j["other_registrations"][0]["check_date"] = "2026-01-01"; })); }) ==
          "other_registrations[0].check_date");
    CHECK(error_field([&] { read_portfolio(edited([](auto& j) { j["other_registrations"][0].erase("register"); })); }) ==
          "other_registrations[0].register");
    // The message says which: a field of the file's top level, or one no registration has.
    const auto message = [&](const std::function<void(nlohmann::json&)>& edit) {
        try {
            read_portfolio(edited(edit));
        } catch (const InputError& e) {
            return e.problem(Lang::nl);
        }
        return std::string();
    };
    CHECK(message([](auto& j) { j["other_registrations"][0]["hours"] = nlohmann::json::array(); }).find("op het hoogste niveau") != std::string::npos);
    const std::string unknown = message([](auto& j) { j["other_registrations"][0]["periode"] = "2022"; });
    CHECK(unknown.find("onbekend veld") != std::string::npos);
    CHECK(unknown.find("last_worked") != std::string::npos);
    CHECK(unknown.find("hoogste niveau") == std::string::npos);
    CHECK(error_field([&] { read_portfolio(edited([](auto& j) { j["other_registrations"][0]["registration"]["period_start"] = "2022-02-30"; })); }) ==
          "other_registrations[0].registration.period_start");
    // The registration the portfolio names, a second time.
    CHECK(error_field([&] { read_portfolio(edited([](auto& j) {
              j["other_registrations"][0]["register"] = "vvocm";
              j["other_registrations"][0]["specialisation"] = "kinderoefentherapie";
          })); }) == "other_registrations[0]");
    CHECK(error_field([&] { read_portfolio(edited([](auto& j) { j["hours"][1]["for"] = {"kp", "nvvpo"}; })); }) == "hours[1].for[1]");
    CHECK(error_field([&] { read_portfolio(edited([](auto& j) { j["activities"][2]["for"] = "kp"; })); }) == "activities[2].for");
    // A draft (the app's autosave) keeps a mark whose registration was removed; it counts nowhere.
    const Portfolio draft = read_portfolio(edited([](auto& j) { j["activities"][2]["for"] = {"nvvpo"}; }), ReadMode::draft);
    CHECK(draft.activities[2].for_registrations == std::vector<std::string>{"nvvpo"});
}

TEST_CASE("format 2: the app's check of an opened file takes each registration's own entries") {
    Portfolio p = test::case_portfolio("vvocm-08-specialisation-and-base");
    p.other_registrations[0].register_id = "nvvpo";
    p.other_registrations[0].profession = "";
    p.activities[1].category = "dba";   // NVvPO's category, for NVvPO only: not checked against VvOCM's
    p.activities[1].for_registrations = {"nvvpo"};
    CHECK_NOTHROW(test::rulebook().check_portfolio(p));
    p.activities[1].for_registrations = {"vvocm/kinderoefentherapie"};   // now it must fit VvOCM's
    CHECK(error_field([&] { test::rulebook().check_portfolio(p); }) == "activities[1].category");
    p.activities[1].for_registrations.clear();   // shared: left out where it does not fit
    CHECK_NOTHROW(test::rulebook().check_portfolio(p));
    p.other_registrations[0].register_id = "nobody";
    CHECK(error_field([&] { test::rulebook().check_portfolio(p); }) == "other_registrations[0].register");
}

TEST_CASE("format 2: the app's edits keep what was typed and what it saves readable") {
    Portfolio p = test::case_portfolio("vvocm-08-specialisation-and-base");
    // Naming the KP registration swaps it with the specialisation: both periods are kept.
    name_registration(p, "kp", std::nullopt, "dietetiek");
    CHECK(p.register_id == "kp");
    CHECK(p.profession == "oefentherapie");
    CHECK(p.registration.period_start == Date{2022, 1, 1});
    REQUIRE(p.other_registrations.size() == 1);
    CHECK(p.other_registrations[0].specialisation == std::optional<std::string>("kinderoefentherapie"));
    CHECK(p.other_registrations[0].registration.period_start == Date{2019, 1, 1});
    CHECK_NOTHROW(read_portfolio(write_portfolio(p), ReadMode::opened));
    // Removing the specialisation drops the marks for it; the file still reads.
    remove_other_registration(p, 0);
    CHECK(p.other_registrations.empty());
    CHECK(!has_for_marks(p));
    CHECK(read_portfolio(write_portfolio(p), ReadMode::opened).activities.size() == p.activities.size());
    // A plain change of register takes the marks along.
    Portfolio q = test::case_portfolio("vvocm-08-specialisation-and-base");
    name_registration(q, "vvocm", std::string("bekkenoefentherapie"), "oefentherapie");
    CHECK(q.activities[0].for_registrations == std::vector<std::string>{"vvocm/bekkenoefentherapie"});
    CHECK_NOTHROW(read_portfolio(write_portfolio(q), ReadMode::opened));
}

TEST_CASE("the helpdesk's notes and what-if are named fields that survive a round trip") {
    Portfolio p = read_portfolio(kMinimal);
    CHECK(write_portfolio(p).find("helpdesk") == std::string::npos);   // none: the file stays as it was
    p.helpdesk.case_number = "HD-2026-0412";
    p.helpdesk.member = "Anna de Vries";
    p.helpdesk.advisor = "Sanne";
    std::string notes;
    for (int i = 1; i <= 40; ++i) notes += "Afspraak " + std::to_string(i) + ": bel terug na de cursus.\n";
    p.helpdesk.notes = notes;   // far beyond what a page holds: kept whole
    Portfolio w = read_portfolio(kMinimal);
    w.check_date = Date{2027, 3, 1};
    p.helpdesk.what_if_json = write_portfolio(w);
    const Portfolio q = read_portfolio(write_portfolio(p));
    CHECK(q.helpdesk.case_number == "HD-2026-0412");
    CHECK(q.helpdesk.member == "Anna de Vries");
    CHECK(q.helpdesk.advisor == "Sanne");
    CHECK(q.helpdesk.notes == notes);
    REQUIRE(q.helpdesk.what_if_json);
    CHECK(read_portfolio(*q.helpdesk.what_if_json, ReadMode::draft).check_date == Date{2027, 3, 1});
    CHECK(q.extra_json.empty());   // a named field, not an unknown one
    CHECK(write_portfolio(q) == write_portfolio(p));
}

TEST_CASE("a what-if still being worked on opens again from a file the app saved") {
    // A reversed hours range and a check date before the period: a draft's, kept for the
    // helpdesk to fix. The file as a whole is read as the app reads an opened file.
    Portfolio p = read_portfolio(kMinimal);
    Portfolio w = p;
    w.check_date = Date{2020, 1, 1};
    HoursEntry e;
    e.from = Date{2024, 6, 30};
    e.to = Date{2024, 1, 1};
    e.hours = 10;
    w.hours.push_back(e);
    p.helpdesk.what_if_json = write_portfolio(w);
    p.helpdesk.notes = std::string(kMaxNotesText + 10, 'x');   // over the cap: the app warns, still opens it
    const Portfolio q = read_portfolio(write_portfolio(p), ReadMode::opened);
    REQUIRE(q.helpdesk.what_if_json);
    CHECK(q.helpdesk.notes.size() == kMaxNotesText + 10);
    CHECK(error_field([&] { read_portfolio(write_portfolio(p), ReadMode::complete); }) == "helpdesk.notes");
}

TEST_CASE("bad helpdesk fields name the field") {
    CHECK(error_field([] { read_portfolio(with(R"("helpdesk":[])")); }) == "helpdesk");
    CHECK(error_field([] { read_portfolio(with(R"("helpdesk":{"notes":5})")); }) == "helpdesk.notes");
    CHECK(error_field([] { read_portfolio(with(R"("helpdesk":{"note":"x"})")); }) == "helpdesk.note");
    CHECK(error_field([] { read_portfolio(with(R"("helpdesk":{"member":")" + std::string(501, 'a') + "\"}")); }) ==
          "helpdesk.member");
    CHECK(error_field([] { read_portfolio(with(R"("helpdesk":{"notes":")" + std::string(20001, 'a') + "\"}")); }) ==
          "helpdesk.notes");
    // The what-if is a portfolio and is checked as one, its errors named inside it.
    CHECK(error_field([] {
              read_portfolio(with(R"("helpdesk":{"what_if":{"format":"herreg-portfolio/1","register":"kp","hours":[{"year":2022,"hours":-1}]}})"));
          }) == "helpdesk.what_if.hours[0].hours");
    CHECK(error_field([] {
              read_portfolio(with(R"("helpdesk":{"what_if":{"format":"herreg-portfolio/1","register":"kp","helpdesk":{}}})"));
          }) == "helpdesk.what_if.helpdesk");
}
