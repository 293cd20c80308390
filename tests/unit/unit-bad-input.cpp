// The bad-input table (tests/bad-input/table.tsv) against the core itself, natively and in
// wasm: every file is refused the way `herreg assess` refuses it (read, rules, assess) and
// the way the app refuses a file it opens (ReadMode::opened, then Rulebook::check_portfolio),
// both naming the table's field; and every one of these errors is a message of the catalogue
// with Dutch words (InputError::problem), so none of them reaches a Dutch user in English.
#include "assessment/assessment.h"
#include "text/messages.h"
#include "input/json_input.h"
#include "portfolio_fast_reader.h"
#include "test_support.h"

#include <algorithm>
#include <regex>
#include <vector>

using namespace herreg;

namespace {

struct Row {
    std::string file, field, words;
};

std::vector<Row> table() {
    std::vector<Row> rows;
    std::istringstream in(test::read_text_file(std::string(HERREG_BAD_INPUT_DIR) + "/table.tsv"));
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> cols;
        size_t from = 0;
        for (size_t tab; (tab = line.find('\t', from)) != std::string::npos; from = tab + 1) cols.push_back(line.substr(from, tab - from));
        cols.push_back(line.substr(from));
        REQUIRE_MESSAGE(cols.size() >= 3, line);
        rows.push_back({cols[0], cols[1], cols[2]});
    }
    return rows;
}

std::string text_of(const Row& r) { return test::read_text_file(std::string(HERREG_BAD_INPUT_DIR) + "/" + r.file); }

// What the CLI does with a file: the InputError it ends in (none: not refused).
std::optional<InputError> as_cli(const std::string& text) {
    try {
        Portfolio p = read_portfolio(text);
        const RuleSet& rs = test::rulebook().for_portfolio(p);
        assess(p, rs);
    } catch (const InputError& e) {
        return e;
    }
    return std::nullopt;
}

// What the app does with a file the user opens.
std::optional<InputError> as_app(const std::string& text) {
    try {
        const Portfolio p = read_portfolio(text, ReadMode::opened);
        test::rulebook().check_portfolio(p);
    } catch (const InputError& e) {
        return e;
    }
    return std::nullopt;
}

// The problem without its field, as the CLI's line has it.
std::string problem_of(const InputError& e) {
    const std::string what = e.what();
    return what.rfind(e.field() + ": ", 0) == 0 ? what.substr(e.field().size() + 2) : what;
}

// Said in Dutch: another text than the English, without the English words these messages use
// (a value quoted from the file stays as it is in both).
void check_dutch(const InputError& e) {
    static const std::regex english(R"(\b(expected|missing|must|not a|the file|too large|unknown|got)\b)");
    const std::string nl = e.problem(Lang::nl);
    const auto& all = message_catalogue();
    CHECK_MESSAGE(std::any_of(all.begin(), all.end(), [&](const CatalogueEntry& c) { return c.id == e.message().id; }),
                  "not in the catalogue: " << e.message().id);
    CHECK_MESSAGE(nl != e.problem(Lang::en), "no Dutch for: " << e.what());
    CHECK_MESSAGE(!std::regex_search(nl, english), "English left in: " << nl);
    CHECK(e.problem(Lang::en) == problem_of(e));
}

}  // namespace

TEST_CASE("the bad-input table: each file refused, naming its field, in the CLI's reading and the app's") {
    const auto rows = table();
    CHECK(rows.size() >= 30);
    for (const Row& r : rows) {
        CAPTURE(r.file);
        const std::string text = text_of(r);
        const auto cli = as_cli(text);
        REQUIRE_MESSAGE(cli, r.file << " was accepted by the CLI's reading");
        CHECK(cli->field() == r.field);
        CHECK_MESSAGE(std::string(cli->what()).find(r.words) != std::string::npos, cli->what());
        const auto app = as_app(text);
        REQUIRE_MESSAGE(app, r.file << " would replace the user's data in the app");
        CHECK(app->field() == r.field);
        // Dutch for every message, the CLI's and the app's: the words change, the values and the field stay.
        check_dutch(*cli);
        check_dutch(*app);
    }
}

TEST_CASE("an opened file may be unfinished, as the app saves drafts, but not unsound") {
    // Saved halfway through the wizard: no register, no period start, no check date.
    CHECK_FALSE(as_app(R"({"format":"herreg-portfolio/1","register":"","registration":{"initial":true}})"));
    CHECK_FALSE(as_app(R"({"format":"herreg-portfolio/1","register":"kp","hours":[{"year":2022,"hours":100}]})"));
    // A draft keeps a reversed range for the user to fix (the autosave); an opened file does not.
    const char* reversed = R"({"format":"herreg-portfolio/1","register":"kp","hours":[{"from":"2023-06-30","to":"2023-01-01","hours":1}]})";
    CHECK_NOTHROW(read_portfolio(reversed, ReadMode::draft));
    CHECK(test::error_field([&] { read_portfolio(reversed, ReadMode::opened); }) == "hours[0].to");
    // A check date before the period is refused as the assessment would refuse it.
    const char* early = R"({"format":"herreg-portfolio/1","register":"kp","check_date":"2020-01-01","registration":{"initial":true,"period_start":"2021-12-01"}})";
    CHECK_NOTHROW(read_portfolio(early, ReadMode::draft));
    CHECK(test::error_field([&] { read_portfolio(early, ReadMode::opened); }) == "check_date");
    // ... but not when there is no initial registration (the period is not used then).
    CHECK_FALSE(as_app(R"({"format":"herreg-portfolio/1","register":"kp","check_date":"2020-01-01","registration":{"initial":false,"period_start":"2021-12-01"}})"));
}

TEST_CASE("reading a document: where a syntax error lies, keys given twice, text that is not JSON") {
    auto what = [](const std::string& text) {
        try {
            read_portfolio(text);
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    CHECK(what("{\"format\": \"herreg-portfolio/1\", \"hours\": [{\"year\": 2022, \"hours\": NaN}]}")
              .find("(NaN and Infinity are not numbers in JSON)") != std::string::npos);
    CHECK(what("{\"format\": \"herreg-portfolio/1\", \"hours\": [{\"year\": 2022, \"hours\": NaN}]}").rfind("hours[0].hours: not valid JSON at line 1", 0) == 0);
    CHECK(what("{\"a\": [1, 2,]}").rfind("a[2]: not valid JSON", 0) == 0);
    CHECK(what("{\"a\": {\"b\": 1, \"b\": 2}}") == "a.b: given twice in the same object");
    // An escape is the same key: "check\u005fdate" is check_date (the last value was used silently).
    CHECK(what("{\"check_date\": 1, \"check\\u005fdate\": 2}") == "check_date: given twice in the same object");
    CHECK(what("{\"a\\u0062\": 1, \"ab\": 2}") == "ab: given twice in the same object");
    // The same key in two objects is no duplicate.
    CHECK(what("{\"format\": \"herreg-portfolio/1\", \"register\": \"kp\", \"x\": {\"register\": 1}, "
               "\"registration\": {\"initial\": false}}") == "");
    CHECK(what("{\"format\": \"herreg-portfolio/1\", \"register\": \"kp\", \"registration\": {\"initial\": tru}}")
              .rfind("registration.initial: not valid JSON", 0) == 0);
    CHECK(what("{\"format\": \"herreg-portfolio/1\", \"title\": \"a\\\"b\" \"x\": 1}").find("a comma is missing") != std::string::npos);
    CHECK(what("\xEF\xBB\xBF{\"format\": \"herreg-portfolio/1\", \"register\": \"kp\", \"registration\": {\"initial\": false}}") == "");
    CHECK(what(std::string("{\0\"\0", 4)) == "portfolio: saved as UTF-16 text; save it as UTF-8");
    CHECK(what("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\x01") == "portfolio: not a text file (binary data, e.g. an image or a PDF)");
    CHECK(what("hello") == "portfolio: not valid JSON at line 1, column 1 (a word JSON does not know (texts go in double quotes; true, false and null in small letters))");
}

TEST_CASE("more than kMaxListEntries hours or activities") {
    std::string hours = "{\"format\":\"herreg-portfolio/1\",\"register\":\"kp\",\"registration\":{\"initial\":false},\"hours\":[";
    for (size_t i = 0; i < kMaxListEntries; ++i) hours += (i ? "," : "") + std::string("{\"year\":2022,\"hours\":0}");
    CHECK_NOTHROW(read_portfolio(hours + "]}"));
    CHECK(test::error_field([&] { read_portfolio(hours + ",{\"year\":2022,\"hours\":0}]}"); }) == "hours");
}

TEST_CASE("a profession the register does not have is refused, naming the field, however long") {
    Portfolio p = herreg::test::kp_portfolio();
    p.profession = "hartchirurg";
    const RuleSet& rs = herreg::test::rulebook().for_portfolio(p);
    CHECK(herreg::test::error_field([&] { assess(p, rs); }) == "profession");
    p.profession = std::string(100000, 'x');
    try {
        assess(p, rs);
        FAIL("a 100,000-character profession was accepted");
    } catch (const InputError& e) {
        CHECK(e.field() == "profession");
        CHECK(std::string(e.what()).size() < 400);   // the message shows the start of it, not all
    }
    p.profession = "";   // not chosen yet: fine
    CHECK_NOTHROW(assess(p, rs));
}

// Issue 21 #7: a 51 MB line of {} in an unknown field took 3.2 GB. The document is counted
// before it is built, and the unknown fields kept are capped; both readers agree.
TEST_CASE("more than kMaxJsonValues values, or too much in unknown fields, is refused naming the field") {
    const std::string head = R"({"format":"herreg-portfolio/1","register":"kp","profession":"oefentherapie","registration":{"initial":false},)";
    std::string values = head + R"("old_tool":[)";
    for (size_t i = 0; i < kMaxJsonValues; ++i) values += i ? ",{}" : "{}";
    values += "]}";
    try {
        read_portfolio(values);
        FAIL("more than kMaxJsonValues values were read");
    } catch (const InputError& e) {
        CHECK(e.field() == "old_tool");
        CHECK(std::string(e.what()).find("values") != std::string::npos);
    }
    // Just under the cap (the head's own values counted): read, and what it holds is kept whole.
    std::string fewer = head + R"("old_tool":[)";
    for (size_t i = 0; i < 90; ++i) fewer += i ? ",{}" : "{}";
    fewer += "]}";
    CHECK(unknown_fields(read_portfolio(fewer)).at("old_tool").size() == 90);

    const std::string big(kMaxUnknownFieldsBytes, 'x');
    const std::string too_much = head + R"("note":")" + big + R"("})";
    CHECK(test::error_field([&] { read_portfolio(too_much); }) == "note");
    CHECK_FALSE(read_complete_portfolio_fast(too_much));   // the fast reader leaves it to the ordinary one
    const std::string enough = head + R"("note":")" + big.substr(0, kMaxUnknownFieldsBytes - 10) + R"("})";
    CHECK(unknown_fields(read_portfolio(enough)).at("note").get<std::string>().size() == kMaxUnknownFieldsBytes - 10);
    const auto fast = read_complete_portfolio_fast(enough);
    REQUIRE(fast);
    CHECK(fast->extra_json == read_portfolio(enough).extra_json);
}
