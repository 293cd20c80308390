// The deadlines calendar (.ics): parsed back field by field, so a test fails when
// a date, UID, label, line end, escape or fold is wrong, not only when it crashes.
#include "assessment/assessment.h"
#include "assessment/calendar_ics.h"
#include "text/labels.h"
#include "test_support.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace herreg;
using namespace herreg::test;
namespace fs = std::filesystem;

namespace {

struct Prop {
    std::string name, params, value;
};

struct Component {
    std::string kind;
    std::vector<Prop> props;
    std::vector<Component> children;
    const Prop* get(const std::string& name) const {
        for (const auto& p : props)
            if (p.name == name) return &p;
        return nullptr;
    }
    int count(const std::string& name) const {
        int n = 0;
        for (const auto& p : props) n += p.name == name;
        return n;
    }
};

// A case from tests/cases/, assessed as the CLI would.
Assessment assess_case(const std::string& name) {
    const std::string stem = name.size() > 5 && name.substr(name.size() - 5) == ".json" ? name.substr(0, name.size() - 5) : name;
    const Portfolio p = case_portfolio(stem);
    return assess(p, rulebook().for_portfolio(p));
}
const RuleSet& rules_of(const Assessment& a) { return *rulebook().find(a.register_id, a.specialisation); }

std::string compact(const Date& d) {   // 2027-02-01 -> 20270201, computed independently of the .ics code
    std::string s;
    for (char c : to_iso(d))
        if (c != '-') s += c;
    return s;
}

bool valid_utf8(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += n;
    }
    return true;
}

// The physical lines, checked on the way: each ends in CRLF, holds no bare CR or
// LF, is 1..75 octets, and is valid UTF-8 on its own (so no fold split a character).
std::vector<std::string> physical_lines(const std::string& ics) {
    std::vector<std::string> lines;
    REQUIRE(ics.size() >= 2);
    CHECK(ics.substr(ics.size() - 2) == "\r\n");
    size_t pos = 0;
    while (pos < ics.size()) {
        const size_t end = ics.find("\r\n", pos);
        REQUIRE(end != std::string::npos);
        const std::string l = ics.substr(pos, end - pos);
        CHECK_MESSAGE(l.find_first_of("\r\n") == std::string::npos, "bare CR or LF in: " << l);
        CHECK_MESSAGE(!l.empty(), "blank line at octet " << pos);
        CHECK_MESSAGE(l.size() <= 75, "line of " << l.size() << " octets: " << l);
        CHECK_MESSAGE(valid_utf8(l), "broken UTF-8 in: " << l);
        lines.push_back(l);
        pos = end + 2;
    }
    return lines;
}

// Unfolds (a line starting with one space continues the one before), splits each
// content line as name;params:value and nests BEGIN/END, requiring balance.
Component parse_ics(const std::string& ics) {
    std::vector<std::string> logical;
    for (const auto& l : physical_lines(ics)) {
        if (l[0] == ' ') {
            REQUIRE(!logical.empty());
            logical.back() += l.substr(1);
        } else {
            logical.push_back(l);
        }
    }
    std::vector<Component> stack;
    Component root;
    bool closed = false;
    for (const auto& l : logical) {
        REQUIRE_MESSAGE(!closed, "content after END:VCALENDAR: " << l);
        const size_t colon = l.find(':');
        REQUIRE_MESSAGE(colon != std::string::npos, "no ':' in " << l);
        const std::string head = l.substr(0, colon);
        const size_t semi = head.find(';');
        Prop p{head.substr(0, semi), semi == std::string::npos ? "" : head.substr(semi + 1), l.substr(colon + 1)};
        if (p.name == "BEGIN") {
            stack.push_back(Component{p.value, {}, {}});
        } else if (p.name == "END") {
            REQUIRE_MESSAGE(!stack.empty(), "END:" << p.value << " without BEGIN");
            REQUIRE_MESSAGE(stack.back().kind == p.value, "END:" << p.value << " closes BEGIN:" << stack.back().kind);
            Component done = std::move(stack.back());
            stack.pop_back();
            if (stack.empty()) {
                root = std::move(done);
                closed = true;
            } else {
                stack.back().children.push_back(std::move(done));
            }
        } else {
            REQUIRE_MESSAGE(!stack.empty(), "property outside any component: " << l);
            stack.back().props.push_back(p);
        }
    }
    REQUIRE(closed);
    CHECK(root.kind == "VCALENDAR");
    return root;
}

std::string unescape(const std::string& v) {
    std::string out;
    for (size_t i = 0; i < v.size(); ++i) {
        if (v[i] != '\\' || i + 1 == v.size()) {
            out += v[i];
            continue;
        }
        const char n = v[++i];
        out += (n == 'n' || n == 'N') ? '\n' : n;
    }
    return out;
}

std::vector<const Component*> events(const Component& cal) {
    std::vector<const Component*> out;
    for (const auto& c : cal.children)
        if (c.kind == "VEVENT") out.push_back(&c);
    return out;
}

// Every deadline of `a` has exactly one VEVENT with the right fields; returns them by deadline id.
std::map<std::string, const Component*> check_events(const Component& cal, const Assessment& a, const RuleSet& rs,
                                                      std::string_view lang) {
    const auto evs = events(cal);
    CHECK(evs.size() == a.deadlines.size());
    std::string reg = a.register_id + (a.specialisation ? "-" + *a.specialisation : "");
    std::map<std::string, const Component*> by_id;
    for (const auto& d : a.deadlines) {
        INFO("deadline " << d.id << " " << to_iso(d.date));
        const std::string uid = d.id + "-" + reg + "-" + compact(d.date) + "@herreg";
        int found = 0;
        for (const Component* e : evs) {
            if (e->get("UID") == nullptr || e->get("UID")->value != uid) continue;
            ++found;
            by_id[d.id] = e;
            for (const char* once : {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "TRANSP", "CATEGORIES"})
                CHECK_MESSAGE(e->count(once) == 1, once);
            CHECK(e->get("DTSTAMP")->value == compact(a.check_date) + "T000000Z");
            CHECK(e->get("DTSTART")->params == "VALUE=DATE");
            CHECK(e->get("DTSTART")->value == compact(d.date));
            CHECK(e->get("DTEND")->params == "VALUE=DATE");
            CHECK(e->get("DTEND")->value == compact(add_days(d.date, 1)));
            CHECK(unescape(e->get("SUMMARY")->value) == deadline_label(d.id, lang) + " (" + rs.short_name + ")");
            const std::string desc = unescape(e->get("DESCRIPTION")->value);
            if (!d.source.empty()) CHECK(desc.find((lang == "en" ? "source: " : "bron: ") + d.source) != std::string::npos);
            CHECK(desc.find("herreg") != std::string::npos);
            if (a.regime != Regime::undecided) CHECK(desc.find(a.regime_name.in(lang)) != std::string::npos);
            CHECK(e->get("TRANSP")->value == "TRANSPARENT");
            const bool alarm = !e->children.empty();
            // A reminder for a day already past would only fire at once.
            CHECK(alarm == (deadline_needs_alarm(d.id) && !(d.date < a.check_date)));
            if (alarm) {
                REQUIRE(e->children.size() == 1);
                const Component& al = e->children[0];
                CHECK(al.kind == "VALARM");
                CHECK(al.get("ACTION")->value == "DISPLAY");
                CHECK(al.get("TRIGGER")->value == "-P14D");
                REQUIRE(al.get("DESCRIPTION") != nullptr);
            }
        }
        CHECK_MESSAGE(found == 1, "UID " << uid);
    }
    return by_id;
}

void check_calendar_props(const Component& cal, const std::string& name) {
    CHECK(cal.get("VERSION")->value == "2.0");
    CHECK(cal.get("PRODID")->value == "-//herreg//herreg//NL");
    CHECK(cal.get("CALSCALE")->value == "GREGORIAN");
    CHECK(cal.get("METHOD")->value == "PUBLISH");
    CHECK(unescape(cal.get("X-WR-CALNAME")->value) == name);
}

}  // namespace

TEST_CASE("ics text escaping") {
    CHECK(ics_escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne");
    CHECK(ics_escape_text("x\r\ny\rz") == "x\\ny\\nz");      // CRLF and a lone CR are one break each
    CHECK(ics_escape_text("tab\there\x01") == "tab\there");   // other control characters go
    CHECK(ics_escape_text("bron: 001 §1.3") == "bron: 001 §1.3");   // ':' and UTF-8 stay as they are
}

TEST_CASE("ics line folding at 75 octets") {
    CHECK(ics_fold_line("SUMMARY:kort") == "SUMMARY:kort\r\n");
    const std::string exact(75, 'a');
    CHECK(ics_fold_line(exact) == exact + "\r\n");
    CHECK(ics_fold_line(exact + "b") == exact + "\r\n b\r\n");

    // "X" + 30 euro signs (3 octets each): octet 75 falls inside the 25th €, so the
    // first line must stop after 24 of them, at 73 octets, not at 75.
    std::string euros = "X";
    for (int i = 0; i < 30; ++i) euros += "€";
    const std::string folded = ics_fold_line(euros);
    REQUIRE(folded.find("\r\n") != std::string::npos);
    CHECK(folded.find("\r\n") == 73);

    // A long mixed line: every piece short enough and whole UTF-8, and unfolding restores it.
    std::string mixed = "DESCRIPTION:";
    for (int i = 0; i < 40; ++i) mixed += "é€ab";
    const std::string f = ics_fold_line(mixed);
    std::string unfolded;
    size_t pos = 0;
    int pieces = 0;
    while (pos < f.size()) {
        const size_t end = f.find("\r\n", pos);
        REQUIRE(end != std::string::npos);
        std::string piece = f.substr(pos, end - pos);
        CHECK(piece.size() <= 75);
        if (pieces > 0) {
            REQUIRE(!piece.empty());
            CHECK(piece[0] == ' ');
            CHECK(piece[1] != ' ');   // exactly one space of folding
            piece.erase(0, 1);
        }
        CHECK(valid_utf8(piece));
        unfolded += piece;
        ++pieces;
        pos = end + 2;
    }
    CHECK(pieces >= 4);
    CHECK(unfolded == mixed);
}

TEST_CASE("calendar for a KP dispensation: one event per deadline, field by field") {
    const Assessment a = assess_case("kp-02-dispensation.json");
    const RuleSet& rs = rules_of(a);
    REQUIRE(a.regime == Regime::dispensation);
    REQUIRE(a.deadlines.size() == 9);   // the case file lists 7; period_end and earliest_reregistration come too
    const std::string ics = deadlines_ics(a, rs, "nl");
    CHECK(ics.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 0) == 0);
    CHECK(ics.substr(ics.size() - 15) == "END:VCALENDAR\r\n");
    const Component cal = parse_ics(ics);
    check_calendar_props(cal, "herreg: termijnen KP");
    auto ev = check_events(cal, a, rs, "nl");

    // Against the dates the case file states, not only against the assessment itself.
    REQUIRE(ev.count("last_filing_day"));
    CHECK(ev["last_filing_day"]->get("DTSTART")->value == "20270201");
    CHECK(ev["last_filing_day"]->get("DTEND")->value == "20270202");
    CHECK(ev["last_filing_day"]->get("UID")->value == "last_filing_day-kp-20270201@herreg");
    CHECK(unescape(ev["last_filing_day"]->get("SUMMARY")->value) == "Laatste dag om in te dienen (KP)");
    REQUIRE(ev.count("proof_due"));
    CHECK(ev["proof_due"]->get("DTSTART")->value == "20271020");
    CHECK(!ev["proof_due"]->children.empty());         // act on it: reminder
    REQUIRE(ev.count("definitive_end"));
    CHECK(ev["definitive_end"]->get("DTSTART")->value == "20311201");
    CHECK(ev["definitive_end"]->children.empty());     // only informs: no reminder
    REQUIRE(ev.count("completeness_check_by"));
    CHECK(ev["completeness_check_by"]->children.empty());   // the register acts, not the user
    const std::string desc = unescape(ev["proof_due"]->get("DESCRIPTION")->value);
    CHECK(desc.find("Dispensatieregeling") != std::string::npos);
    CHECK(desc.find("22-11-2026") != std::string::npos);
    CHECK(desc.find('\n') != std::string::npos);        // the herreg line is a line of its own
    CHECK(ev["proof_due"]->get("CATEGORIES")->value == "herreg,KP");

    CHECK(deadlines_ics(a, rs, "nl") == ics);   // deterministic: no wall clock anywhere
}

TEST_CASE("calendar for a KABIZ deferral") {
    const Assessment a = assess_case("kabiz-02-deferral.json");
    const RuleSet& rs = rules_of(a);
    REQUIRE(a.regime == Regime::deferral);
    const Component cal = parse_ics(deadlines_ics(a, rs, "nl"));
    check_calendar_props(cal, "herreg: termijnen KABIZ");
    auto ev = check_events(cal, a, rs, "nl");
    REQUIRE(ev.count("temporary_end"));
    CHECK(ev["temporary_end"]->get("UID")->value == "temporary_end-kabiz-20280601@herreg");
    CHECK(ev["temporary_end"]->get("DTSTART")->value == "20280601");
    REQUIRE(ev.count("proof_due"));
    CHECK(ev["proof_due"]->get("DTSTART")->value == "20280420");
    CHECK(ev["proof_due"]->get("DTEND")->value == "20280421");
    CHECK(unescape(ev["proof_due"]->get("DESCRIPTION")->value).find("Herregistratie met uitstel") != std::string::npos);
}

TEST_CASE("calendar in English") {
    const Assessment a = assess_case("kp-02-dispensation.json");
    const RuleSet& rs = rules_of(a);
    const Component cal = parse_ics(deadlines_ics(a, rs, "en"));
    check_calendar_props(cal, "herreg: deadlines KP");
    auto ev = check_events(cal, a, rs, "en");
    REQUIRE(ev.count("last_filing_day"));
    CHECK(unescape(ev["last_filing_day"]->get("SUMMARY")->value) == "Last day to file (KP)");
    const std::string desc = unescape(ev["last_filing_day"]->get("DESCRIPTION")->value);
    CHECK(desc.find("Computed by herreg on 22-11-2026") != std::string::npos);
    CHECK(desc.find("Dispensation scheme") != std::string::npos);
    CHECK(unescape(ev["last_filing_day"]->children.at(0).get("DESCRIPTION")->value) == "In two weeks: Last day to file (KP)");
}

TEST_CASE("calendar text with separators and long UTF-8 stays escaped and folded") {
    const Assessment a = assess_case("kp-02-dispensation.json");
    RuleSet rs = rules_of(a);
    rs.short_name = "K,P;\\é€ register met een héél lange naam die de regel zeker over 75 octetten duwt";
    const Component cal = parse_ics(deadlines_ics(a, rs, "nl"));   // physical_lines checks lengths and UTF-8
    check_events(cal, a, rs, "nl");                                  // SUMMARY unescapes to the raw name
    CHECK(unescape(cal.get("X-WR-CALNAME")->value) == "herreg: termijnen " + rs.short_name);
}

TEST_CASE("calendar for a specialisation names it in UIDs and the file name") {
    const Assessment a = assess_case("vvocm-02-kinder-expired.json");
    REQUIRE(a.specialisation.has_value());
    REQUIRE(!a.deadlines.empty());
    const RuleSet& rs = rules_of(a);
    const Component cal = parse_ics(deadlines_ics(a, rs, "nl"));
    check_events(cal, a, rs, "nl");
    CHECK(calendar_file_name(a, "nl") == "termijnen-vvocm-" + *a.specialisation + "-" + to_iso(a.check_date) + ".ics");
}

TEST_CASE("calendar file names") {
    const Assessment a = assess_case("kp-02-dispensation.json");
    CHECK(calendar_file_name(a, "nl") == "termijnen-kp-2026-11-22.ics");
    CHECK(calendar_file_name(a, "en") == "deadlines-kp-2026-11-22.ics");
}

TEST_CASE("no deadlines: a calendar without events") {
    Assessment a = assess_case("kp-02-dispensation.json");
    a.deadlines.clear();
    const std::string ics = deadlines_ics(a, rules_of(a), "nl");
    const Component cal = parse_ics(ics);
    CHECK(cal.children.empty());
    CHECK(ics.find("VEVENT") == std::string::npos);
    check_calendar_props(cal, "herreg: termijnen KP");
}

TEST_CASE("every case's calendar is well-formed with unique UIDs") {
    int calendars = 0;
    for (const auto& e : fs::directory_iterator(HERREG_CASES_DIR)) {
        if (e.path().extension() != ".json") continue;
        const auto doc = nlohmann::json::parse(read_text_file(e.path().string()));
        if (doc.contains("expected_error")) continue;
        INFO(e.path().filename().string());
        const Assessment a = assess_case(e.path().filename().string());
        for (const char* lang : {"nl", "en"}) {
            const Component cal = parse_ics(deadlines_ics(a, rules_of(a), lang));
            check_events(cal, a, rules_of(a), lang);
            std::set<std::string> uids;
            for (const Component* ev : events(cal)) uids.insert(ev->get("UID")->value);
            CHECK(uids.size() == events(cal).size());
        }
        ++calendars;
    }
    CHECK(calendars >= 20);
}
