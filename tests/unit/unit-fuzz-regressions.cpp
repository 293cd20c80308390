// Bugs the fuzzers found (tests/fuzz, scripts/fuzz.sh), each pinned here as the behaviour a
// user sees. The crashing inputs themselves are replayed from tests/fuzz/regressions/; these
// tests say what the right answer is, and run in the wasm suite too.
#include "rules/rules.h"
#include "test_support.h"

#include <string>

using namespace herreg;

namespace {
std::string problem(std::string_view text) {
    try {
        read_portfolio(text);
    } catch (const InputError& e) {
        return e.what();
    }
    return "(no error)";
}
}  // namespace

TEST_CASE("a NUL byte outside a text is a syntax error, not an endless loop") {
    // The structure walk of json_input.cpp looked for separators with strchr, which also finds
    // the terminating NUL: the walk stood still on the byte and never ended.
    const std::string text("{\"format\":\"herreg-portfolio/1\",\"register\":\0\"kp\"}", 48);
    REQUIRE(text.size() == 48);
    CHECK(problem(text) != "(no error)");
    CHECK_THROWS_AS(read_portfolio(std::string("{\"x\":\0}", 7), ReadMode::draft), InputError);
    CHECK_THROWS_AS(load_rules(std::string("{\"format\":\0}", 12)), InputError);
}

TEST_CASE("add_months before year 0 gives a real month (floor division)") {
    // The fuzzer's rules file said a period lasts 5,000 years (now refused: 1 to 50), but other
    // month counts in a rules file may still be up to 100,000 months; a window then starts that
    // long before the check date. With `/` and `%`
    // rounding towards zero the month came out 0 or negative: days_in_month read before its table.
    CHECK(add_months(Date{2000, 1, 15}, -24001) == Date{-1, 12, 15});
    CHECK(add_months(Date{2026, 3, 31}, -12 * 5000 - 1) == Date{-2974, 2, 28});
    CHECK(add_years(Date{2024, 2, 29}, -3000) == Date{-976, 2, 29});
    CHECK(add_months(Date{2026, 11, 22}, -1) == Date{2026, 10, 22});   // the ordinary case unchanged
}

TEST_CASE("a file that starts with NUL bytes is called binary, not a JSON syntax error") {
    // Found reading the same strchr pattern: a NUL as the first byte looked like the start of
    // a JSON value, so the binary check was skipped and the user got a syntax error at byte 1.
    const std::string nuls("\0\0\0\0binary", 10);
    CHECK(problem(nuls).find("not a text file") != std::string::npos);
    CHECK(problem("\x89PNG\r\n\x1a\n").find("not a text file") != std::string::npos);   // unchanged
}
