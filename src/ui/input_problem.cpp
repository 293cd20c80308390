#include "ui/input_problem.h"

#include <array>
#include <vector>

namespace herreg::ui {
namespace {

// The core's wording, "{}" for what varies, and the Dutch for it. Tried in order: the first
// whose fixed parts all match wins, so a longer pattern comes before a shorter one it contains.
struct Pattern {
    std::string_view en;
    std::string_view nl;
};
constexpr std::array kPatterns = {
    // Reading the file (json_input.cpp).
    Pattern{"the file is empty", "het bestand is leeg"},
    Pattern{"saved as UTF-16 text; save it as UTF-8", "opgeslagen als UTF-16-tekst; sla het op als UTF-8"},
    Pattern{"not a text file (binary data, e.g. an image or a PDF)", "geen tekstbestand (binaire gegevens, bijvoorbeeld een afbeelding of een pdf)"},
    Pattern{"nested more than {} levels deep", "meer dan {} niveaus diep genest"},
    Pattern{"not valid JSON at line {}, column {} ({})", "geen geldige JSON op regel {}, kolom {} ({})"},
    Pattern{"NaN and Infinity are not numbers in JSON", "NaN en Infinity zijn in JSON geen getallen"},
    Pattern{"not UTF-8 text (a byte that is not UTF-8; save the file as UTF-8)", "geen UTF-8-tekst (een byte die geen UTF-8 is; sla het bestand op als UTF-8)"},
    Pattern{"the file ends too early; was it cut off?", "het bestand houdt te vroeg op; is het afgebroken?"},
    Pattern{"the file ends too early, in the middle of {}; was it cut off?", "het bestand houdt te vroeg op, midden in {}; is het afgebroken?"},
    Pattern{"a byte-order mark (BOM) in the middle of the text", "een bytevolgordeteken (BOM) midden in de tekst"},
    Pattern{"single quotes; JSON writes texts in double quotes", "enkele aanhalingstekens; JSON zet tekst tussen dubbele aanhalingstekens"},
    Pattern{"half a character: a \\uD800-\\uDBFF escape must be followed by a \\uDC00-\\uDFFF one", "een half teken: na een \\uD800-\\uDBFF moet een \\uDC00-\\uDFFF volgen"},
    Pattern{"more text after the end of the document (two documents in one file?)", "nog meer tekst na het einde van het document (twee documenten in één bestand?)"},
    Pattern{"a comma before a closing bracket", "een komma vóór een sluithaakje"},
    Pattern{"a word JSON does not know (texts go in double quotes; true, false and null in small letters)", "een woord dat JSON niet kent (tekst staat tussen dubbele aanhalingstekens; true, false en null in kleine letters)"},
    Pattern{"a comma is missing between two items", "er ontbreekt een komma tussen twee onderdelen"},
    Pattern{"a control character {} inside a text (a line break there is written \\n)", "een stuurteken {} in een tekst (een regeleinde schrijf je daar als \\n)"},
    Pattern{"too large a number for herreg: {}", "een te groot getal voor herreg: {}"},
    Pattern{"given twice in the same object", "staat twee keer in hetzelfde object"},
    Pattern{"expected an object, got {}", "hier hoort een object, maar er staat {}"},
    Pattern{"expected a list, got {}", "hier hoort een lijst, maar er staat {}"},
    Pattern{"expected text, got {}", "hier hoort tekst, maar er staat {}"},
    Pattern{"expected a date (YYYY-MM-DD), got {}", "hier hoort een datum (JJJJ-MM-DD), maar er staat {}"},
    Pattern{"expected true or false, got {}", "hier hoort true of false, maar er staat {}"},
    Pattern{"expected a number, got {}", "hier hoort een getal, maar er staat {}"},
    Pattern{"not a date: {}", "geen bestaande datum: {}"},
    Pattern{"not a finite number", "geen eindig getal"},
    Pattern{"must be at least {}, got {}", "moet minstens {} zijn, maar is {}"},
    Pattern{"too large (at most {}), got {}", "te groot (hoogstens {}), maar is {}"},
    Pattern{"missing (or set registration.initial to false)", "ontbreekt (of zet registration.initial op false)"},
    Pattern{"missing (use null for a number the sources do not give)", "ontbreekt (gebruik null voor een getal dat de bronnen niet geven)"},
    Pattern{"missing", "ontbreekt"},
    Pattern{"empty: every number needs its source", "leeg: elk getal heeft een bron nodig"},
    Pattern{"empty", "leeg"},
    // The portfolio (portfolio_json.cpp, application_json.cpp, assess.cpp).
    Pattern{"version {} is not supported by this herreg (it reads {})", "versie {} kan deze herreg niet lezen (hij leest {})"},
    Pattern{"not a herreg portfolio: {}", "geen herreg-portfolio: {}"},
    Pattern{"give either \"year\" or \"from\"/\"to\", not both", "geef \"year\" of \"from\"/\"to\", niet allebei"},
    Pattern{"needs \"year\" or \"from\" and \"to\"", "heeft \"year\" nodig, of \"from\" en \"to\""},
    Pattern{"not a whole year: {}", "geen heel jaartal: {}"},
    Pattern{"ends before it starts ({})", "eindigt voordat het begint ({})"},
    Pattern{"must be after period_start ({})", "moet na period_start liggen ({})"},
    Pattern{"lies before registration.period_start ({})", "ligt vóór registration.period_start ({})"},
    Pattern{"too long (at most {} bytes)", "te lang (hoogstens {} bytes)"},
    Pattern{"too long ({} bytes, at most {})", "te lang ({} bytes, hoogstens {})"},
    Pattern{"too long", "te lang"},
    Pattern{"more than {} entries ({})", "meer dan {} regels ({})"},
    Pattern{"more than 100 competences", "meer dan 100 competenties"},
    Pattern{"at most {} answers", "hoogstens {} antwoorden"},
    Pattern{"unknown circumstance {} (known: {})", "onbekende omstandigheid {} (bekend: {})"},
    Pattern{"unknown scheme (known: {})", "onbekende regeling (bekend: {})"},
    Pattern{"not a whole number: {}", "geen heel getal: {}"},
    // Names the rules must know (rulebook.cpp).
    Pattern{"unknown register {} (known: {})", "onbekend register {} (bekend: {})"},
    Pattern{"unknown specialisation {} for register {} (known: {})", "onbekende specialisatie {} voor register {} (bekend: {})"},
    Pattern{"register {} needs a specialisation (one of: {})", "register {} heeft een specialisatie nodig (een van: {})"},
    Pattern{"unknown category {} for register {} (known: {})", "onbekende categorie {} voor register {} (bekend: {})"},
    Pattern{"unknown kind {} for register {} (it has no capped kinds)", "onbekende soort {} voor register {} (dat kent geen soorten met een maximum)"},
    Pattern{"unknown kind {} for register {} (known: {})", "onbekende soort {} voor register {} (bekend: {})"},
    Pattern{"kind {} belongs to category {}, not {}", "soort {} hoort bij categorie {}, niet bij {}"},
    Pattern{"unknown criterion (known: {})", "onbekende eis (bekend: {})"},
    // Rules files (rules_json.cpp).
    Pattern{"expected \"{}\", got \"{}\"", "verwacht \"{}\", maar er staat \"{}\""},
    Pattern{"larger than value", "groter dan value"},
    Pattern{"{} appears twice", "{} staat er twee keer in"},
    Pattern{"must be \"dispensation\" or \"deferral\", got {}", "moet \"dispensation\" of \"deferral\" zijn, maar is {}"},
    Pattern{"needs hours_required, or hours_per_week on the scheme", "heeft hours_required nodig, of hours_per_week bij de regeling"},
    Pattern{"unknown group (expected {})", "onbekende groep (verwacht: {})"},
    Pattern{"unknown scheme (expected {})", "onbekende regeling (verwacht: {})"},
    Pattern{"unknown criterion (expected hours, points_total, points_accredited or points_<category>)",
            "onbekende eis (verwacht: hours, points_total, points_accredited of points_<categorie>)"},
    Pattern{"unknown criterion (expected {})", "onbekende eis (verwacht: {})"},
    Pattern{"unknown category {}", "onbekende categorie {}"},
    Pattern{"the period length must be known", "de lengte van de periode moet bekend zijn"},
    Pattern{"a register needs at least one activity category", "een register heeft minstens één categorie activiteiten nodig"},
    Pattern{"not a profession of this register", "geen beroep van dit register"},
    Pattern{"an empty list; leave the profession out instead", "een lege lijst; laat het beroep dan weg"},
    Pattern{"needs at least one version", "heeft minstens één versie nodig"},
    Pattern{"two versions take effect on the same date", "twee versies gaan op dezelfde datum in"},
};

// JSON's names for kinds of values (json_input.cpp's type_name), as a "got ..." says them.
constexpr std::array<std::array<std::string_view, 2>, 5> kTypeNames = {{
    {"true/false", "true/false"},
    {"a number", "een getal"},
    {"text", "tekst"},
    {"a list", "een lijst"},
    {"an object", "een object"},
}};

// Matches `text` against `pattern` ("{}" matches any text, shortest first except at the end).
bool match(std::string_view pattern, std::string_view text, std::vector<std::string_view>& values) {
    values.clear();
    size_t p = 0, t = 0;
    while (p < pattern.size()) {
        const size_t hole = pattern.find("{}", p);
        const std::string_view fixed = pattern.substr(p, hole == std::string_view::npos ? std::string_view::npos : hole - p);
        if (text.substr(t, fixed.size()) != fixed) return false;
        t += fixed.size();
        if (hole == std::string_view::npos) return t == text.size();
        p = hole + 2;
        // What follows the hole decides where the value ends: the next fixed text, or the end.
        const size_t next_hole = pattern.find("{}", p);
        const std::string_view after = pattern.substr(p, next_hole == std::string_view::npos ? std::string_view::npos : next_hole - p);
        size_t end;
        if (after.empty()) {
            end = text.size();
        } else if (p + after.size() == pattern.size()) {
            if (text.size() < after.size() || text.substr(text.size() - after.size()) != after) return false;
            end = text.size() - after.size();   // the pattern's end: the last occurrence
        } else {
            end = text.find(after, t);
        }
        if (end == std::string_view::npos || end < t) return false;
        values.push_back(text.substr(t, end - t));
        t = end;
    }
    return t == text.size();
}

std::string value_in_dutch(std::string_view v) {
    for (const auto& [en, nl] : kTypeNames)
        if (v.substr(0, en.size()) == en && (v.size() == en.size() || v[en.size()] == ' '))
            return std::string(nl) + std::string(v.substr(en.size()));
    if (v == "null") return "null";
    return std::string(v);
}

}  // namespace

std::string problem_text(std::string_view problem, Lang lang) {
    if (lang == Lang::en) return std::string(problem);
    std::vector<std::string_view> values;
    for (const Pattern& pat : kPatterns) {
        if (!match(pat.en, problem, values)) continue;
        std::string out;
        size_t i = 0, from = 0;
        for (size_t hole = pat.nl.find("{}"); hole != std::string_view::npos; hole = pat.nl.find("{}", from)) {
            out += pat.nl.substr(from, hole - from);
            // A reason in brackets may be a known text itself (the JSON error's why).
            const std::string_view v = i < values.size() ? values[i] : std::string_view();
            std::string inner = problem_text(v, lang);
            out += inner != v ? inner : value_in_dutch(v);
            ++i;
            from = hole + 2;
        }
        out += pat.nl.substr(from);
        return out;
    }
    return std::string(problem);
}

std::string field_problem_text(std::string_view line, std::string_view field, Lang lang) {
    if (!field.empty() && line.substr(0, field.size()) == field && line.substr(field.size(), 2) == ": ")
        return std::string(field) + ": " + problem_text(line.substr(field.size() + 2), lang);
    return problem_text(line, lang);
}

std::string problem_text(const InputError& e, Lang lang) {
    if (e.message()) return e.problem(lang);
    std::string_view line = e.what();
    if (!e.field().empty() && line.substr(0, e.field().size()) == e.field() && line.substr(e.field().size(), 2) == ": ")
        line.remove_prefix(e.field().size() + 2);
    return problem_text(line, lang);
}

}  // namespace herreg::ui
