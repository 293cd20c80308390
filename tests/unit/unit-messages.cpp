// The message catalogue (src/core/text/messages.cpp): every message worded in both languages, the
// Dutch one Dutch, messages inside messages worded in the same language, and an error reaching
// the reader in their language (here the share link's, shown in the app's banner when a link
// cannot be opened; unit-input-problem.cpp and unit-bad-input.cpp have the readers' errors).
#include "input/input_error.h"
#include "text/messages.h"
#include "share/share_link.h"

#include <doctest/doctest.h>

#include <regex>
#include <set>

using namespace herreg;

namespace {

size_t holes(std::string_view s) {
    size_t n = 0;
    for (size_t at = s.find("{}"); at != std::string_view::npos; at = s.find("{}", at + 2)) ++n;
    return n;
}

std::string share_error(const std::string& link, Lang lang) {
    try {
        decode_share_link(link);
    } catch (const InputError& e) {
        return e.problem(lang);
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("every message is worded in Dutch and in English, with no Dutch wording taking more values") {
    std::set<std::string_view> ids;
    static const std::regex english(R"(\b(the|and|not|it|its|with|holds|made|newer)\b)");
    for (const CatalogueEntry& e : message_catalogue()) {
        INFO(e.id);
        CHECK(ids.insert(e.id).second);   // each id once
        CHECK_FALSE(e.nl.empty());
        CHECK_FALSE(e.en.empty());
        CHECK(holes(e.nl) <= holes(e.en));   // Dutch may leave out an English-only detail, never add one
        CHECK_FALSE(std::regex_search(std::string(e.nl), english));
    }
    CHECK(ids.size() >= 100);
}

TEST_CASE("message_text fills the values in order; an unknown id still says something") {
    CHECK(message_text(Message{"share.bad_character", {"7", "'+'"}}, Lang::nl) == "beschadigd (teken 7 na #p= hoort er niet in: '+')");
    CHECK(message_text(Message{"share.bad_character", {"7", "'+'"}}, Lang::en) == "damaged (character 7 after #p= is not allowed: '+')");
    CHECK(message_text(Message{"share.damaged_data", {"invalid block type"}}, Lang::nl) == "beschadigd (de gegevens kunnen niet worden uitgepakt)");
    CHECK(message_text(Message{"no.such.id", {"x"}}, Lang::nl) == "no.such.id x");
}

TEST_CASE("a message inside a message is worded in the same language") {
    const Message got_text{"json.expected_number", {Message{"json.type.text"}, "\"420\""}};
    CHECK(message_text(got_text, Lang::nl) == "hier hoort een getal, maar er staat tekst \"420\"");
    CHECK(message_text(got_text, Lang::en) == "expected a number, got text \"420\"");
    // An error under another field (a file's name) keeps its own field and words.
    const InputError inner("versions[0].source", Message{"json.missing"});
    const InputError outer("kp.json", inner.line());
    CHECK(std::string(outer.what()) == "kp.json: versions[0].source: missing");
    CHECK(outer.problem(Lang::nl) == "versions[0].source: ontbreekt");
    CHECK(InputError("", Message{"json.missing"}).line().id == "json.missing");   // no field: just the problem
}

TEST_CASE("a share link's error reaches a Dutch reader in Dutch, and the CLI's English line is unchanged") {
    CHECK(share_error("", Lang::nl) == "geen herreg-link (hij is leeg)");
    CHECK(share_error("https://example.org/herreg/?x=1", Lang::nl) == "geen herreg-link (er staat geen #p= in)");
    CHECK(share_error("#p=1AAAA-damaged", Lang::nl).rfind("beschadigd", 0) == 0);
    CHECK(share_error("#p=9abc", Lang::nl) == "gemaakt door een nieuwere herreg (linkformaat 9); open hem met de nieuwste versie van herreg");
    CHECK(share_error("#p=1AAAA-damaged", Lang::en).rfind("damaged", 0) == 0);
    try {
        decode_share_link("#p=9abc");
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()) == "share link: made by a newer version of herreg (link format 9); open it with the current herreg");
        CHECK(e.field() == "share link");
    }
}
