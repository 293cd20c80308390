// What a reader is shown (issue 16, texts): for every sample, in Dutch and in English, the
// summary (the CLI's --text, the app's screen-reader mirror) names no internal id, speaks one
// language, and every source it cites is a citation of that register's own documents: a seed
// the register's rules file cites itself, or a named page, never another register's seed.
#include "forms/application_check.h"
#include "forms/application_form.h"
#include "assessment/assessment.h"
#include "rules/embedded_rules.h"
#include "forms/form_text.h"
#include "portfolio/samples.h"
#include "assessment/summary_text.h"
#include "test_support.h"

#include <regex>
#include <set>

using namespace herreg;
using namespace herreg::test;

namespace {

// The seeds ("001", "003") a text cites.
std::set<std::string> seeds_in(const std::string& text) {
    static const std::regex seed(R"(\b00\d\b)");
    std::set<std::string> out;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), seed); it != std::sregex_iterator(); ++it) out.insert(it->str());
    return out;
}

// The seeds a rules file cites as a source (its "source" and "citations" values), not those a
// remark mentions ("the EVC route is described for KP only (001 §2.1)").
std::set<std::string> seeds_cited_by(const std::string& rules_text) {
    static const std::regex source(R"re("(?!note"|nl"|en")([a-z_]+)": "(00\d[^"]*)")re");
    std::set<std::string> out;
    for (auto it = std::sregex_iterator(rules_text.begin(), rules_text.end(), source); it != std::sregex_iterator(); ++it)
        for (const std::string& seed : seeds_in((*it)[2].str())) out.insert(seed);
    return out;
}

const std::string& rules_text_for(const RuleSet& rs) {
    for (const RulesFile& f : embedded_rules_files()) {
        const RuleSet other = load_rules(f.text, f.name);
        if (other.register_id == rs.register_id && other.specialisation == rs.specialisation) return f.text;
    }
    FAIL("no rules file for " << rs.register_id);
    static const std::string none;
    return none;
}

// One part of a source ("001 §1.3", "002 Bijlage 1", "002 Herintrederregeling, Beoordeling",
// "kwaliteitsregisterparamedici.nl/node/235", "vvocm.nl 'Kwaliteitsregistratie'", "KP FAQ").
// Not a remark in parentheses, in either language.
bool is_citation(const std::string& part) {
    static const std::regex seed(R"(00\d( (§\d+(\.\d+)*(, §\d+(\.\d+)*)*|Bijlage \d+|[A-Z][a-z]+( [a-z]+)*(, [A-Z][a-z]+( [a-z]+)*)*))?)");
    static const std::regex page(R"([a-z0-9.-]+\.(nl|org|com)(/\S+)?( [A-Za-z]+)?( '[^']+')?( \(\d{4}\))?)");
    static const std::regex other(R"([A-Z]+ FAQ|CanMEDS)");
    return std::regex_match(part, seed) || std::regex_match(part, page) || std::regex_match(part, other);
}

std::vector<std::string> parts_of(const std::string& source) {
    std::vector<std::string> out;
    size_t from = 0;
    while (from <= source.size()) {
        const size_t end = source.find("; ", from);
        out.push_back(source.substr(from, end == std::string::npos ? std::string::npos : end - from));
        if (end == std::string::npos) break;
        from = end + 2;
    }
    return out;
}

// The text without what is not the reader's language by design: a citation in parentheses at
// the end of a line (the documents are Dutch) and the user's own words in ‘quotes’.
std::string prose_of(std::string text) {
    text = std::regex_replace(text, std::regex(R"( \([^()\n]*\)(\n|$))"), "$1");
    text = std::regex_replace(text, std::regex("‘[^’]*’"), "");
    return text;
}

}  // namespace

TEST_CASE("every sample's text: no internal id, one language, and only its own register's sources") {
    static const std::regex id(R"(\b[a-z]+_[a-z0-9_]+\b)");
    static const std::regex english(R"(\b(the|and|not|you|your|with|from|only|which|this|that|are)\b)", std::regex::icase);
    static const std::regex dutch(R"(\b(de|het|een|je|jouw|niet|voor|van|en|met|wordt|zijn|tot|bij|naar|alleen)\b)", std::regex::icase);
    int texts = 0, sources = 0;
    for (const Sample& s : samples()) {
        INFO(s.name);
        const Portfolio p = read_portfolio(s.portfolio_json);
        const RuleSet& rs = rulebook().for_portfolio(p);
        const Assessment a = assess(p, rs);
        const std::set<std::string> own = seeds_cited_by(rules_text_for(rs));

        std::vector<std::string> cited;
        for (const auto& r : a.reasons) cited.push_back(r.source);
        for (const auto& r : a.warnings) cited.push_back(r.source);
        for (const auto& c : a.criteria) if (c.source != kPortfolioThresholdsSource) cited.push_back(c.source);
        for (const auto& d : a.deadlines) cited.push_back(d.source);
        for (const auto& n : a.next_steps) cited.push_back(n.source);
        if (a.temporary_months)   // a scheme with a form: the pre-check's questions and their sources
            for (const char* lang : {"nl", "en"})
                for (const auto& item : check_application(p, a, rs, lang).items) cited.push_back(item.source);
        for (const std::string& source : cited) {
            if (source.empty()) continue;
            ++sources;
            INFO("source: " << source);
            for (const std::string& seed : seeds_in(source)) CHECK_MESSAGE(own.count(seed) == 1, "cites " << seed << ", which the register's rules file never cites");
            for (const std::string& part : parts_of(source)) CHECK_MESSAGE(is_citation(part), "not a citation: \"" << part << "\"");
        }

        for (const char* lang : {"nl", "en"}) {
            const std::string text = summary_text(a, rs, lang);
            ++texts;
            INFO(lang << " text:\n" << text);
            std::smatch m;
            CHECK_MESSAGE(!std::regex_search(text, m, id), "an internal id: " << (m.empty() ? "" : m.str()));
            const std::string prose = prose_of(text);
            const std::regex& other = std::string(lang) == "nl" ? english : dutch;
            CHECK_MESSAGE(!std::regex_search(prose, m, other), "a word of the other language: \"" << (m.empty() ? "" : m.str()) << "\"");
        }
    }
    MESSAGE("texts checked: " << texts << ", sources: " << sources);
    CHECK(texts >= 2 * 40);
}

TEST_CASE("every sample's application form cites its own register's sources and names only its own group") {
    static const std::regex group(R"(\b(groep|group) (\d)\b)", std::regex::icase);
    int forms = 0;
    for (const Sample& s : samples()) {
        INFO(s.name);
        const Portfolio p = read_portfolio(s.portfolio_json);
        const RuleSet& rs = rulebook().for_portfolio(p);
        const Assessment a = assess(p, rs);
        if (!has_application_form(a.regime) || !a.temporary_months) continue;
        const std::set<std::string> own = seeds_cited_by(rules_text_for(rs));
        for (const char* lang : {"nl", "en"}) {
            const std::string text = render_text(application_document(p, a, rs, check_application(p, a, rs, lang), lang));
            ++forms;
            INFO(lang << " form:\n" << text);
            // The citations: what stands in parentheses and reads as one ("(001 §1.1)"), not a
            // figure such as "(2.000 uur)".
            static const std::regex parenthesised(R"(\(([^()\n]*)\))");
            for (auto it = std::sregex_iterator(text.begin(), text.end(), parenthesised); it != std::sregex_iterator(); ++it)
                for (const std::string& part : parts_of((*it)[1].str()))
                    if (is_citation(part))
                        for (const std::string& seed : seeds_in(part)) CHECK_MESSAGE(own.count(seed) == 1, "cites " << seed << ", which the register's rules file never cites");
            // A dispensation or deferral form names no group; a re-entry form only its own.
            for (auto it = std::sregex_iterator(text.begin(), text.end(), group); it != std::sregex_iterator(); ++it)
                CHECK_MESSAGE(std::stoi((*it)[2].str()) == reentry_group(a.regime), "names " << it->str());
        }
    }
    MESSAGE("forms checked: " << forms);
    CHECK(forms >= 2 * 8);
}

TEST_CASE("the citation check itself: what it takes and what it refuses") {
    for (const char* ok : {"001 §1.3", "003 §2, §3", "002 Bijlage 1", "002 Herintrederregeling, Beoordeling",
                           "002 Definitie groepen herintreders", "004", "kwaliteitsregisterparamedici.nl/node/235",
                           "vvocm.nl 'Kwaliteitsregistratie'", "kabiz.nl FAQ", "KP FAQ", "CanMEDS",
                           "nvlf.nl 'Norm 160 punten en flexibele herregistratieperiode' (2019)"})
        CHECK_MESSAGE(is_citation(ok), ok);
    for (const char* bad : {"004 (undated register page)", "003; thresholds unknown", "thresholds unknown",
                            "002 (definitie groepen: 2-5 jaar)", "001 §2.1 (beroepsprofiel)", ""})
        CHECK_MESSAGE(!is_citation(bad), bad);
    CHECK(parts_of("003; thresholds unknown") == std::vector<std::string>{"003", "thresholds unknown"});
    CHECK(seeds_cited_by(R"js({"source": "002 Bijlage 1", "note": "001 §2.1 describes it for KP only", "x": "003 §2"})js") ==
          std::set<std::string>{"002", "003"});
    CHECK(prose_of("Je haalt het. (001 §1.3)\nNog een ‘Cursus the best’ regel.") == "Je haalt het.\nNog een  regel.");
}

TEST_CASE("a date's note on the result: passed, days left to the period's end and the last filing day") {
    const Date check{2026, 11, 22};
    CHECK(deadline_note({"last_filing_day", Date{2026, 11, 1}, ""}, check, "nl") == "(verstreken)");
    CHECK(deadline_note({"proof_due", Date{2026, 11, 21}, ""}, check, "en") == "(passed)");
    CHECK(deadline_note({"period_end", Date{2026, 12, 1}, ""}, check, "nl") == "(nog 9 dagen)");
    CHECK(deadline_note({"last_filing_day", Date{2027, 2, 1}, ""}, check, "en") == "(71 days left)");
    CHECK(deadline_note({"period_end", check, ""}, check, "nl") == "(vandaag)");
    CHECK(deadline_note({"period_end", Date{2026, 11, 23}, ""}, check, "en") == "(tomorrow)");
    CHECK(deadline_note({"proof_due", Date{2027, 10, 20}, ""}, check, "nl").empty());   // only the two filing dates count down
}
