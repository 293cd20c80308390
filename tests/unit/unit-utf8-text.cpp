// utf8_text.h, the one place that handles UTF-8 bytes: the strict reader and writer (PDF,
// calendar, the batch's JSON reader) and the byte-level counting and cutting (text tables,
// calendar folding, the helpdesk's summary, messages). And two messages that cut what a
// file held: they end on a whole character.
#include "assessment/assessment.h"
#include "input/input_error.h"
#include "portfolio/portfolio.h"
#include "test_support.h"
#include "text/utf8_text.h"

#include <string>
#include <vector>

using namespace herreg;

namespace {

std::vector<char32_t> decode(std::string_view s) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < s.size();) out.push_back(utf8_next(s, i));
    return out;
}

}  // namespace

TEST_CASE("utf8_next reads a character, and one U+FFFD per byte that starts none") {
    CHECK(decode("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80") == std::vector<char32_t>{'a', 0xE9, 0x20AC, 0x1F600});
    CHECK(decode("\xC3") == std::vector<char32_t>{0xFFFD});                          // cut short
    CHECK(decode("\xC0\xAF") == std::vector<char32_t>{0xFFFD, 0xFFFD});              // overlong '/'
    CHECK(decode("\xED\xA0\x80") == std::vector<char32_t>{0xFFFD, 0xFFFD, 0xFFFD});  // a surrogate
    CHECK(decode("\xF4\x90\x80\x80") == std::vector<char32_t>(4, 0xFFFD));           // past U+10FFFF
    CHECK(decode("caf\xE9 x") == std::vector<char32_t>{'c', 'a', 'f', 0xFFFD, ' ', 'x'});   // Latin-1
    CHECK(decode(std::string("\0", 1)) == std::vector<char32_t>{0});
}

TEST_CASE("utf8_append writes what utf8_next reads, at every length's edges") {
    for (const char32_t c : {0x00u, 0x7Fu, 0x80u, 0x7FFu, 0x800u, 0xD7FFu, 0xE000u, 0xFFFDu, 0xFFFFu, 0x10000u, 0x10FFFFu}) {
        std::string s;
        utf8_append(s, c);
        CAPTURE(unsigned(c));
        CHECK(s.size() == (c < 0x80 ? 1u : c < 0x800 ? 2u : c < 0x10000 ? 3u : 4u));
        CHECK(is_utf8(s));
        CHECK(decode(s) == std::vector<char32_t>{c});
    }
}

TEST_CASE("counting and cutting at the byte level never split a character") {
    const std::string s = "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80x";   // é € 😀 x
    CHECK(utf8_count_chars(s) == 4);
    CHECK(utf8_count_chars("") == 0);
    CHECK(utf8_floor_boundary(s, 0) == 0);
    CHECK(utf8_floor_boundary(s, 1) == 0);
    CHECK(utf8_floor_boundary(s, 3) == 2);
    CHECK(utf8_floor_boundary(s, 4) == 2);
    CHECK(utf8_floor_boundary(s, 8) == 5);
    CHECK(utf8_floor_boundary(s, 9) == 9);
    CHECK(utf8_floor_boundary(s, 100) == s.size());
    CHECK(utf8_floor_boundary(std::string(5, '\x80'), 3) == 0);   // no character at all
    CHECK(utf8_char_offset(s, 0) == 0);
    CHECK(utf8_char_offset(s, 1) == 2);
    CHECK(utf8_char_offset(s, 2) == 5);
    CHECK(utf8_char_offset(s, 3) == 9);
    CHECK(utf8_char_offset(s, 9) == s.size());
}

TEST_CASE("bidi_control_at finds the eleven direction controls and nothing beside them") {
    for (const char32_t c : {0x200Eu, 0x200Fu, 0x202Au, 0x202Bu, 0x202Cu, 0x202Du, 0x202Eu, 0x2066u, 0x2067u, 0x2068u, 0x2069u}) {
        std::string s = "a";
        utf8_append(s, c);
        CAPTURE(unsigned(c));
        CHECK(bidi_control_at(s, 1) == c);
        CHECK(bidi_control_at(s, 0) == 0);
        CHECK(bidi_control_at(s.substr(0, 3), 1) == 0);   // cut short
    }
    for (const char32_t c : {0x200Du, 0x2010u, 0x2029u, 0x202Fu, 0x2065u, 0x206Au, 0x20ACu}) {
        std::string s;
        utf8_append(s, c);
        CAPTURE(unsigned(c));
        CHECK(bidi_control_at(s, 0) == 0);
    }
    CHECK(printable("a\xE2\x80\xAE" "b") == "a\\u202eb");
}

TEST_CASE("a message that shows the start of a long value ends on a whole character") {
    // A number field holding text: the message quotes the start of it. "a" then é's puts byte
    // 37 of the quoted value inside an é.
    std::string value = "a";
    for (int i = 0; i < 30; ++i) value += "\xC3\xA9";
    const std::string file = R"({"format":"herreg-portfolio/1","register":"kp","registration":{"initial":false},"hours":[{"year":2022,"hours":")" +
                             value + R"("}]})";
    try {
        read_portfolio(file);
        FAIL("text accepted as hours");
    } catch (const InputError& e) {
        CHECK(e.field() == "hours[0].hours");
        CHECK(is_utf8(e.what()));
        CHECK(std::string(e.what()).find("...") != std::string::npos);
    }

    // A profession the register does not have, shown cut at 57 bytes: "ab" then é's.
    Portfolio p = test::kp_portfolio();
    p.profession = "ab";
    for (int i = 0; i < 40; ++i) p.profession += "\xC3\xA9";
    try {
        assess(p, test::rulebook().for_portfolio(p));
        FAIL("an unknown profession accepted");
    } catch (const InputError& e) {
        CHECK(e.field() == "profession");
        CHECK(is_utf8(e.what()));
        CHECK(std::string(e.what()).find("ab\xC3\xA9") != std::string::npos);
    }
}
