#include "text/messages.h"

#include <algorithm>
#include <cctype>

namespace herreg {

Lang parse_lang(std::string_view code, Lang fallback) {
    if (code.size() < 2) return fallback;
    if (code.size() > 2 && code[2] != '-' && code[2] != '_') return fallback;
    const char a = static_cast<char>(std::tolower(static_cast<unsigned char>(code[0])));
    const char b = static_cast<char>(std::tolower(static_cast<unsigned char>(code[1])));
    if (a == 'n' && b == 'l') return Lang::nl;
    if (a == 'e' && b == 'n') return Lang::en;
    return fallback;
}

const std::vector<CatalogueEntry>& message_catalogue() {
    // A Dutch wording may leave out an English detail ({} unused), never add one. An argument
    // that is itself a message is worded in the same language (json.type.*, json.syntax.*).
    static const std::vector<CatalogueEntry> all = {
        // Any error put inside another one or under another field (InputError::line()).
        {"input.field_problem", "{}: {}", "{}: {}"},

        // Reading a JSON document and its fields (json_input.cpp), for portfolios and rules files alike.
        {"json.empty_file", "het bestand is leeg", "the file is empty"},
        {"json.utf16", "opgeslagen als UTF-16-tekst; sla het op als UTF-8", "saved as UTF-16 text; save it as UTF-8"},
        {"json.binary", "geen tekstbestand (binaire gegevens, bijvoorbeeld een afbeelding of een pdf)",
         "not a text file (binary data, e.g. an image or a PDF)"},
        {"json.too_deep", "meer dan {} niveaus diep genest", "nested more than {} levels deep"},
        {"json.out_of_memory", "te groot voor het geheugen dat er nu is", "too large for the memory there is now"},
        {"json.too_many_values", "meer dan {} waarden: zo groot is geen portfolio of regelbestand", "more than {} values: no portfolio or rules file is that large"},
        {"json.syntax", "geen geldige JSON op regel {}, kolom {} ({})", "not valid JSON at line {}, column {} ({})"},
        {"json.number_too_large", "een te groot getal voor herreg: {}", "too large a number for herreg: {}"},
        {"json.duplicate_key", "staat twee keer in hetzelfde object", "given twice in the same object"},
        {"json.expected_object", "hier hoort een object, maar er staat {}", "expected an object, got {}"},
        {"json.expected_list", "hier hoort een lijst, maar er staat {}", "expected a list, got {}"},
        {"json.expected_text", "hier hoort tekst, maar er staat {}", "expected text, got {}"},
        {"json.expected_date", "hier hoort een datum (JJJJ-MM-DD), maar er staat {}", "expected a date (YYYY-MM-DD), got {}"},
        {"json.expected_bool", "hier hoort true of false, maar er staat {}", "expected true or false, got {}"},
        {"json.expected_number", "hier hoort een getal, maar er staat {} {}", "expected a number, got {} {}"},
        {"json.not_a_date", "geen bestaande datum: {}", "not a date: {}"},
        {"json.not_finite", "geen eindig getal", "not a finite number"},
        {"json.too_small", "moet minstens {} zijn, maar is {}", "must be at least {}, got {}"},
        {"json.too_large", "mag hoogstens {} zijn, maar is {}", "too large (at most {}), got {}"},
        {"json.missing", "ontbreekt", "missing"},
        {"json.empty", "leeg", "empty"},
        // The kind of value a field holds instead ("expected text, got a number").
        {"json.type.null", "null", "null"},
        {"json.type.bool", "true/false", "true/false"},
        {"json.type.number", "een getal", "a number"},
        {"json.type.text", "tekst", "text"},
        {"json.type.list", "een lijst", "a list"},
        {"json.type.object", "een object", "an object"},
        // Why a document is not valid JSON (inside json.syntax's brackets).
        {"json.syntax.nan", "NaN en Infinity zijn in JSON geen getallen", "NaN and Infinity are not numbers in JSON"},
        {"json.syntax.not_utf8", "geen UTF-8-tekst (een byte die geen UTF-8 is; sla het bestand op als UTF-8)",
         "not UTF-8 text (a byte that is not UTF-8; save the file as UTF-8)"},
        {"json.syntax.cut_off", "het bestand houdt te vroeg op; is het afgebroken?", "the file ends too early; was it cut off?"},
        {"json.syntax.cut_off_in", "het bestand houdt te vroeg op, midden in {}; is het afgebroken?",
         "the file ends too early, in the middle of {}; was it cut off?"},
        {"json.syntax.bom", "een bytevolgordeteken (BOM) midden in de tekst", "a byte-order mark (BOM) in the middle of the text"},
        {"json.syntax.single_quotes", "enkele aanhalingstekens; JSON zet tekst tussen dubbele aanhalingstekens",
         "single quotes; JSON writes texts in double quotes"},
        {"json.syntax.half_character", "een half teken: na een \\uD800-\\uDBFF moet een \\uDC00-\\uDFFF volgen",
         "half a character: a \\uD800-\\uDBFF escape must be followed by a \\uDC00-\\uDFFF one"},
        {"json.syntax.control_character", "een stuurteken {} in een tekst (een regeleinde schrijf je daar als \\n)",
         "a control character {} inside a text (a line break there is written \\n)"},
        {"json.syntax.two_documents", "nog meer tekst na het einde van het document (twee documenten in één bestand?)",
         "more text after the end of the document (two documents in one file?)"},
        {"json.syntax.trailing_comma", "een komma vóór een sluithaakje", "a comma before a closing bracket"},
        {"json.syntax.missing_comma", "er ontbreekt een komma tussen twee onderdelen", "a comma is missing between two items"},
        {"json.syntax.unknown_word",
         "een woord dat JSON niet kent (tekst staat tussen dubbele aanhalingstekens; true, false en null in kleine letters)",
         "a word JSON does not know (texts go in double quotes; true, false and null in small letters)"},
        // Any other syntax error: the English is the parser's own words, which have no Dutch.
        {"json.syntax.other", "iets wat JSON op deze plek niet verwacht", "{}"},

        // The portfolio (portfolio_json.cpp; assess.cpp checks a draft the same way).
        {"portfolio.unsupported_version", "deze herreg kan versie {} niet lezen (hij leest {})",
         "version {} is not supported by this herreg (it reads {})"},
        {"portfolio.not_portfolio", "geen herreg-portfolio: {}", "not a herreg portfolio: {}"},
        {"portfolio.year_and_range", "geef \"year\" of \"from\"/\"to\", niet allebei", "give either \"year\" or \"from\"/\"to\", not both"},
        {"portfolio.needs_year_or_range", "heeft \"year\" nodig, of \"from\" en \"to\"", "needs \"year\" or \"from\" and \"to\""},
        {"portfolio.not_whole_year", "geen heel jaartal: {}", "not a whole year: {}"},
        {"portfolio.not_whole_number", "geen geheel getal: {}", "not a whole number: {}"},
        {"portfolio.ends_before_start", "eindigt voordat het begint ({} .. {})", "ends before it starts ({} .. {})"},
        {"portfolio.period_end_before_start", "moet na period_start liggen ({})", "must be after period_start ({})"},
        {"portfolio.period_start_missing", "ontbreekt (of zet registration.initial op false)",
         "missing (or set registration.initial to false)"},
        {"portfolio.check_date_before_period", "ligt vóór registration.period_start ({})", "lies before registration.period_start ({})"},
        {"portfolio.text_too_long", "te lang (hoogstens {} bytes)", "too long (at most {} bytes)"},
        {"portfolio.too_many_entries", "meer dan {} regels ({})", "more than {} entries ({})"},
        {"portfolio.unknown_too_large", "velden die herreg niet kent, samen meer dan {} bytes: haal ze weg of maak ze kleiner", "fields herreg does not know, more than {} bytes together: remove them or make them smaller"},
        {"document.unknown_value", "onbekende waarde {} (bekend: {})", "unknown value {} (known: {})"},
        {"portfolio.unknown_circumstance", "onbekende omstandigheid \"{}\" (bekend: {})", "unknown circumstance \"{}\" (known: {})"},
        {"portfolio.unknown_scheme", "onbekende regeling (bekend: {})", "unknown scheme (known: {})"},
        {"portfolio.not_registration_key",
         "hoort niet bij een registratie (uren en activiteiten staan één keer in het bestand, op het hoogste niveau)",
         "not part of a registration (hours and activities are listed once, at the top)"},
        {"portfolio.unknown_registration_key", "onbekend veld in een registratie; mogelijk zijn: {}",
         "not a field of a registration; possible are: {}"},
        {"portfolio.nested_helpdesk", "een wat-als-scenario heeft geen eigen helpdesk-notities",
         "a what-if has no helpdesk notes of its own"},
        {"portfolio.unknown_helpdesk_key", "onbekend veld in helpdesk; mogelijk zijn: case_number, member, advisor, notes, what_if",
         "not a field of helpdesk; possible are: case_number, member, advisor, notes, what_if"},
        {"portfolio.registration_twice", "de registratie {} staat al in dit portfolio", "the registration {} is already in this portfolio"},
        {"portfolio.unknown_registration", "geen registratie \"{}\" in dit portfolio (het bevat: {})",
         "no registration \"{}\" in this portfolio (it holds: {})"},

        // The application form in a portfolio (application_json.cpp).
        {"application.too_long", "te lang ({} bytes, hoogstens {})", "too long ({} bytes, at most {})"},
        {"application.answer_too_long", "te lang", "too long"},
        {"application.too_many_competences", "meer dan 100 competenties", "more than 100 competences"},
        {"application.too_many_answers", "hoogstens {} antwoorden", "at most {} answers"},

        // Names the rules must know (rulebook.cpp, RuleSet::require_criterion).
        {"rules.unknown_register", "onbekend register \"{}\" (bekend: {})", "unknown register \"{}\" (known: {})"},
        {"rules.unknown_specialisation", "onbekende specialisatie \"{}\" voor register {} (bekend: {})",
         "unknown specialisation \"{}\" for register {} (known: {})"},
        {"rules.needs_specialisation", "register {} heeft een specialisatie nodig (een van: {})",
         "register {} needs a specialisation (one of: {})"},
        {"rules.number_needed", "de regels laten een getal open dat deze uitkomst nodig heeft (bron: {})",
         "the rules leave open a number this outcome needs (source: {})"},
        {"rules.unknown_profession", "onbekend beroep \"{}\" voor register {} (bekend: {})", "unknown profession \"{}\" for register {} (known: {})"},
        {"rules.unknown_activity_category", "onbekende categorie \"{}\" voor register {} (bekend: {})",
         "unknown category \"{}\" for register {} (known: {})"},
        {"rules.unknown_kind", "onbekende soort \"{}\" voor register {} (bekend: {})", "unknown kind \"{}\" for register {} (known: {})"},
        {"rules.unknown_kind_none", "onbekende soort \"{}\" voor register {} (dat kent geen soorten met een maximum)",
         "unknown kind \"{}\" for register {} (it has no capped kinds)"},
        {"rules.kind_other_category", "soort {} hoort bij categorie {}, niet bij {}", "kind {} belongs to category {}, not {}"},
        {"rules.unknown_criterion", "onbekende eis (bekend: {})", "unknown criterion (known: {})"},
        // Rules files (rules_json.cpp).
        {"rules.wrong_format", "verwacht \"{}\", maar er staat \"{}\"", "expected \"{}\", got \"{}\""},
        {"rules.source_empty", "leeg: elk getal heeft een bron nodig", "empty: every number needs its source"},
        {"rules.value_missing", "ontbreekt (gebruik null voor een getal dat de bronnen niet geven)",
         "missing (use null for a number the sources do not give)"},
        {"rules.min_above_value", "groter dan value", "larger than value"},
        {"rules.id_twice", "\"{}\" staat er twee keer in", "\"{}\" appears twice"},
        {"rules.group_hours", "heeft hours_required nodig, of hours_per_week bij de regeling",
         "needs hours_required, or hours_per_week on the scheme"},
        {"rules.unknown_group", "onbekende groep (verwacht: {})", "unknown group (expected {})"},
        {"rules.bad_regime", "moet \"dispensation\" of \"deferral\" zijn, maar is \"{}\"",
         "must be \"dispensation\" or \"deferral\", got \"{}\""},
        {"rules.unknown_scheme", "onbekende regeling (verwacht: {})", "unknown scheme (expected {})"},
        {"rules.period_unknown", "de lengte van de periode moet bekend zijn", "the period length must be known"},
        {"rules.period_years", "moet tussen 1 en {} jaar liggen, maar is {}", "must be between 1 and {} years, got {}"},
        {"rules.unknown_criterion_id", "onbekende eis (verwacht: hours, points_total, points_accredited of points_<categorie>)",
         "unknown criterion (expected hours, points_total, points_accredited or points_<category>)"},
        {"rules.unknown_citation", "onbekende bronvermelding (verwacht: {})", "unknown citation (expected {})"},
        {"rules.no_categories", "een register heeft minstens één categorie activiteiten nodig",
         "a register needs at least one activity category"},
        {"rules.unknown_category", "onbekende categorie \"{}\"", "unknown category \"{}\""},
        {"rules.not_profession", "geen beroep van dit register", "not a profession of this register"},
        {"rules.empty_competences", "een lege lijst; laat het beroep dan weg", "an empty list; leave the profession out instead"},
        {"rules.no_versions", "heeft minstens één versie nodig", "needs at least one version"},
        {"rules.versions_same_date", "twee versies gaan op dezelfde datum in", "two versions take effect on the same date"},

        // The command line (src/cli). The CLI speaks English; the Dutch is there for a caller that does not.
        {"cli.no_such_file", "bestand bestaat niet", "no such file"},
        {"cli.is_folder", "is een map, geen bestand", "is a folder, not a file"},
        {"cli.file_too_large", "bestand te groot voor een portfolio", "file too large for a portfolio"},
        {"cli.unreadable", "kan niet worden gelezen", "cannot be read"},
        {"cli.not_folder", "geen map", "not a folder"},
        {"cli.no_rules_files", "bevat geen .json-regelbestanden", "holds no .json rules files"},
        {"cli.share_no_portfolio", "bevat geen leesbaar portfolio ({})", "holds no readable portfolio ({})"},
        {"cli.id_missing", "ontbreekt (elke regel heeft een \"id\" nodig)", "missing (every line needs an \"id\")"},
        {"cli.bad_id", "hier hoort tekst of een heel getal, maar er staat {}", "expected text or a whole number, got {}"},
        {"cli.bad_date", "geen datum (JJJJ-MM-DD): \"{}\"", "not a date (YYYY-MM-DD): \"{}\""},
        // What the system said (a folder that cannot be listed, ...), in its own words.
        {"cli.system_error", "{}", "{}"},

        // The app: an exception that is not about the input is a fault in herreg, said as such.
        {"app.fault", "een fout in herreg zelf: {}", "a fault in herreg itself: {}"},

        // Share links (share_link.cpp).
        {"share.portfolio_too_large", "te groot: het portfolio is {} bytes, een link bevat hoogstens {}",
         "too large: the portfolio is {} bytes, a link holds at most {}"},
        {"share.empty", "geen herreg-link (hij is leeg)", "not a herreg link (it is empty)"},
        {"share.payload_too_large", "te groot ({} tekens; een link bevat hoogstens {} aan portfolio)",
         "too large ({} characters; a link holds at most {} of portfolio)"},
        {"share.newer_version", "gemaakt door een nieuwere herreg (linkformaat {}); open hem met de nieuwste versie van herreg",
         "made by a newer version of herreg (link format {}); open it with the current herreg"},
        {"share.not_herreg", "geen herreg-link (de gegevens moeten beginnen met #p={})",
         "not a herreg link (its data should start with #p={})"},
        {"share.no_fragment", "geen herreg-link (er staat geen #p= in)", "not a herreg link (it has no #p= part)"},
        {"share.bad_character", "beschadigd (teken {} na #p= hoort er niet in: {})",
         "damaged (character {} after #p= is not allowed: {})"},
        {"share.bad_ending", "beschadigd (de laatste tekens kloppen niet; is maar een deel van de link gekopieerd?)",
         "damaged (its last characters are not right; was only part of the link copied?)"},
        {"share.cut_off", "beschadigd (hij houdt te vroeg op; is maar een deel van de link gekopieerd?)",
         "damaged (it ends too early; was only part of the link copied?)"},
        {"share.check_mismatch", "beschadigd (de controlecode klopt niet: er zijn tekens veranderd of weggevallen)",
         "damaged (its check does not match: some characters were changed or lost)"},
        {"share.unpacked_too_large", "te groot (het portfolio zou groter worden dan {})",
         "too large (the portfolio would be more than {})"},
        {"share.damaged_data", "beschadigd (de gegevens kunnen niet worden uitgepakt)", "damaged ({})"},
    };
    return all;
}

std::string MessageArg::text(Lang lang) const { return message_ ? message_text(*message_, lang) : text_; }

std::string message_text(const Message& m, Lang lang) {
    const auto& all = message_catalogue();
    const auto it = std::find_if(all.begin(), all.end(), [&](const CatalogueEntry& e) { return e.id == m.id; });
    if (it == all.end()) {
        std::string out = m.id;
        for (const auto& a : m.args) out += " " + a.text(lang);
        return out;
    }
    const std::string_view wording = lang == Lang::en ? it->en : it->nl;
    std::string out;
    size_t next_arg = 0;
    for (size_t i = 0; i < wording.size(); ++i) {
        if (wording[i] == '{' && i + 1 < wording.size() && wording[i + 1] == '}') {
            if (next_arg < m.args.size()) out += m.args[next_arg].text(lang);
            ++next_arg;
            ++i;
        } else {
            out += wording[i];
        }
    }
    return out;
}

}  // namespace herreg
