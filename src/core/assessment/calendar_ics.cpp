#include "assessment/calendar_ics.h"

#include "text/labels.h"
#include "text/utf8_text.h"

namespace herreg {

namespace {

// "2026-11-22" -> "20261122", the DATE form of RFC 5545 §3.3.4.
std::string ics_date(const Date& d) {
    std::string s = to_iso(d);
    std::string out;
    for (char c : s)
        if (c != '-') out += c;
    return out;
}

// Ids go into UIDs and file names: keep them to lower-case [a-z0-9_-] so no
// register or specialisation id can break either (rules files are user-supplied).
std::string safe_id(std::string_view id) {
    std::string out;
    for (char c : id) {
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        out += keep ? c : '-';
    }
    return out;
}

std::string register_part(const Assessment& a) {
    return safe_id(a.register_id) + (a.specialisation ? "-" + safe_id(*a.specialisation) : "");
}

}  // namespace

// Alarm policy: a reminder two weeks ahead only where missing the date costs the
// user something and they can still act before it:
//  - last_filing_day: file the re-registration (or lose the registration);
//  - proof_due: hand in the proof of the plan of a temporary registration;
//  - period_end: the last day on which activities still count for this period.
// No alarm for dates that only inform: when a period or registration begins or
// ends as a consequence (temporary_start/end, definitive_end, new_period_*,
// registration_end), when filing merely opens (earliest_reregistration), or when
// the register has to act (completeness_check_by, assessment_by). A reminder for
// those would be noise, and noise teaches people to dismiss the real ones.
bool deadline_needs_alarm(std::string_view id) {
    return id == "last_filing_day" || id == "proof_due" || id == "period_end";
}

std::string ics_escape_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (static_cast<unsigned char>(c) >= 0x80) {
            // iCalendar is UTF-8 (§3.1.4): a byte that starts no well-formed sequence (text
            // that came from a file in another encoding) becomes U+FFFD, so a calendar
            // program never meets a broken character and folding stays exact.
            const size_t n = utf8_sequence_length(text, i);
            if (n == 0) {
                utf8_append(out, 0xFFFD);
            } else {
                out.append(text.substr(i, n));
                i += n - 1;
            }
            continue;
        }
        switch (c) {
        case '\\': out += "\\\\"; break;
        case ';': out += "\\;"; break;
        case ',': out += "\\,"; break;
        case '\n': out += "\\n"; break;
        case '\r':   // CRLF and a lone CR are one line break each
            out += "\\n";
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
            break;
        default:
            // Other control characters are not allowed in TEXT (§3.3.11); drop them.
            if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f) break;
            out += c;
        }
    }
    return out;
}

std::string ics_fold_line(std::string_view line) {
    std::string out;
    size_t pos = 0, room = 75;   // the first physical line has 75 octets, the rest 74 after the space
    while (line.size() - pos > room) {
        // Back to the start of a character, so that é or € is never split across two physical
        // lines; a run of nothing but continuation bytes (not UTF-8 at all) is cut where it must.
        const size_t back = utf8_floor_boundary(line.substr(pos), room);
        const size_t cut = pos + (back > 0 ? back : room);
        out.append(line.substr(pos, cut - pos));
        out += "\r\n ";
        pos = cut;
        room = 74;
    }
    out.append(line.substr(pos));
    out += "\r\n";
    return out;
}

std::string calendar_file_name(const Assessment& a, std::string_view lang) {
    return std::string(lang == "en" ? "deadlines-" : "termijnen-") + register_part(a) + "-" + to_iso(a.check_date) + ".ics";
}

std::string deadlines_ics(const Assessment& a, const RuleSet& rs, std::string_view lang) {
    const bool en = lang == "en";
    const std::string reg = rs.short_name.empty() ? a.register_id : rs.short_name;
    const std::string stamp = ics_date(a.check_date) + "T000000Z";   // deterministic, not the wall clock
    const std::string checked = to_dutch(a.check_date);
    std::string scheme;
    if (a.regime != Regime::undecided) scheme = a.regime_name.in(lang).empty() ? regime_label(a.regime, lang) : a.regime_name.in(lang);

    std::string out;
    auto line = [&](const std::string& name, const std::string& value) { out += ics_fold_line(name + ":" + value); };
    auto text = [&](const std::string& name, const std::string& value) { line(name, ics_escape_text(value)); };

    line("BEGIN", "VCALENDAR");
    line("VERSION", "2.0");
    line("PRODID", "-//herreg//herreg//NL");
    line("CALSCALE", "GREGORIAN");
    line("METHOD", "PUBLISH");
    text("X-WR-CALNAME", std::string("herreg: ") + (en ? "deadlines " : "termijnen ") + reg);
    // No deadlines: the calendar carries only its properties. RFC 5545's grammar
    // asks for at least one component, but common clients (and parsers such as
    // python-icalendar) accept an empty calendar, and an invented placeholder
    // event would be worse: it would sit in the user's agenda as a fake date.
    for (const auto& d : a.deadlines) {
        const std::string label = deadline_label(d.id, lang);
        const std::string summary = label + " (" + reg + ")";
        std::string desc = label;
        if (!d.source.empty()) desc += (en ? " (source: " : " (bron: ") + d.source + ")";
        desc += ".";
        if (!scheme.empty()) desc += (en ? " What applies: " : " Van toepassing: ") + scheme + ".";
        desc += "\n";
        desc += en ? "Computed by herreg on " + checked + " from your own data; the decision of " + reg + " is what counts."
                   : "Berekend door herreg op " + checked + " uit je eigen gegevens; de beslissing van " + reg + " is bepalend.";

        line("BEGIN", "VEVENT");
        // The date is part of the UID: next period's last filing day is a new event,
        // while re-importing this assessment replaces the same events.
        line("UID", safe_id(d.id) + "-" + register_part(a) + "-" + ics_date(d.date) + "@herreg");
        line("DTSTAMP", stamp);
        line("DTSTART;VALUE=DATE", ics_date(d.date));
        line("DTEND;VALUE=DATE", ics_date(add_days(d.date, 1)));   // DTEND is exclusive: a one-day event
        text("SUMMARY", summary);
        text("DESCRIPTION", desc);
        line("CATEGORIES", "herreg," + ics_escape_text(reg));   // the comma separates categories: not escaped
        line("TRANSP", "TRANSPARENT");   // a deadline does not make the user busy all day
        if (deadline_needs_alarm(d.id) && !(d.date < a.check_date)) {   // no reminder of a day already past
            line("BEGIN", "VALARM");
            line("ACTION", "DISPLAY");
            line("TRIGGER", "-P14D");
            text("DESCRIPTION", (en ? "In two weeks: " : "Over twee weken: ") + summary);
            line("END", "VALARM");
        }
        line("END", "VEVENT");
    }
    line("END", "VCALENDAR");
    return out;
}

}  // namespace herreg
