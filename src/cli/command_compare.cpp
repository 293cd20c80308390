// herreg compare [--lang nl|en] [--rules DIR] [--text|--json] [--pdf OUT|DIR|-] [--notes FILE]
//                [--member NAME] [--advisor NAME] [--date DATE] [--dates a|b] A [B]
// Two portfolios of one member side by side, as the helpdesk sees them in the app: the
// portfolio as entered (A) and a what-if (B). Default output is a readable table with the
// differing rows marked; --json the same rows as data; --pdf the one-page summary of the
// conversation (--notes: the agreements, as typed; --dates: whose key dates it prints;
// --date: the day of the conversation, default today). With A alone only --pdf: the summary
// of a conversation without a what-if.
#include "cli_io.h"
#include "embedded_fonts.h"
#include "helpdesk/helpdesk_summary.h"
#include "input/input_error.h"
#include "pdf_form.h"
#include "portfolio_command.h"
#include "helpdesk/scenario_compare.h"
#include "text/utf8_text.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>

namespace herreg::cli {

namespace {

const char* kUsage =
    "usage: herreg compare [--lang nl|en] [--rules DIR] [--text|--json] [--pdf OUT|DIR|-]\n"
    "                      [--notes FILE] [--member NAME] [--advisor NAME] [--date YYYY-MM-DD]\n"
    "                      [--dates a|b] A.json B.json\n"
    "       herreg compare --pdf OUT|DIR|- [--notes FILE] ... A.json   (a summary without a what-if)\n";

struct CompareArgs {
    std::string lang = "nl";
    std::optional<std::string> rules_dir, pdf, notes, member, advisor, date, dates;
    bool text = false, json = false;
    std::vector<std::string> files;
};

std::optional<CompareArgs> parse(const Args& args) {
    CompareArgs r;
    auto fail = [](const std::string& why) {
        std::cerr << "herreg compare: " << why << "\n" << kUsage;
        return std::nullopt;
    };
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const bool has_value = i + 1 < args.size();
        std::optional<std::string>* value = a == "--rules" ? &r.rules_dir : a == "--pdf" ? &r.pdf : a == "--notes" ? &r.notes
                                          : a == "--member" ? &r.member : a == "--advisor" ? &r.advisor : a == "--date" ? &r.date
                                          : a == "--dates" ? &r.dates : nullptr;
        if (a == "--lang" && has_value) r.lang = args[++i];
        else if (value && has_value) *value = args[++i];
        else if (a == "--text") r.text = true;
        else if (a == "--json") r.json = true;
        else if (a == "-" || a.rfind("--", 0) != 0) r.files.push_back(a);
        else return fail("unexpected argument '" + a + "'");
    }
    // One portfolio is a conversation without a what-if: only its summary makes sense.
    if (r.files.size() == 1 && (!r.pdf || r.text || r.json)) return fail("two portfolios needed: A (as entered) and B (what if); one only with --pdf");
    if (r.files.empty()) return fail("two portfolios needed: A (as entered) and B (what if)");
    if (r.files.size() > 2) return fail("more than two portfolios");
    if (r.lang != "nl" && r.lang != "en") return fail("--lang must be nl or en");
    if (r.text && r.json) return fail("--text or --json, not both");
    if (r.dates && *r.dates != "a" && *r.dates != "b") return fail("--dates must be a or b");
    int stdin_uses = int(std::count(r.files.begin(), r.files.end(), "-")) + (r.notes == "-" ? 1 : 0);
    if (stdin_uses > 1) return fail("only one of A, B and --notes can be read from stdin (-)");
    if (r.pdf == "-" && (r.text || r.json)) return fail("--pdf - writes the PDF to stdout: leave out --text/--json");
    return r;
}

// The scenario's portfolio, rules and assessment. An error names the file first: with two
// portfolios, "activities[3].date" alone does not say where to look.
void load(const CompareArgs& args, const std::string& file, Assessed& out) {
    PortfolioArgs pa;
    pa.lang = args.lang;
    pa.rules_dir = args.rules_dir;
    pa.file = file;
    const std::string name = file == "-" ? "stdin" : file;
    try {
        load_and_assess(pa, out);
    } catch (const InputError& e) {
        if (e.field() == file || e.field() == args.rules_dir) throw;   // already names it
        throw InputError(name, e.line());
    } catch (const std::exception& e) {
        throw InputError(name, Message{"cli.system_error", {e.what()}});
    }
}

// Padded to a width in characters, not bytes.
std::string pad(const std::string& s, size_t width) {
    const size_t used = utf8_count_chars(s);
    return s + std::string(width > used ? width - used : 0, ' ');
}

// The table a helpdesk reads in a terminal: per group, label | A | B, differing rows
// starting with "*", an arrow between their values and the direction at the end.
std::string text_table(const ScenarioComparison& c, const std::string& file_a, const std::string& file_b) {
    const bool en = c.lang == "en";
    std::string out;
    out += (en ? "A (as entered): " : "A (zoals ingevoerd): ") + file_a + "\n  " + c.verdict_a + "\n";
    out += (en ? "B (what if):    " : "B (wat als):        ") + file_b + "\n  " + c.verdict_b + "\n";
    size_t wl = 0, wa = 1, wb = 1;
    for (const auto& g : c.groups)
        for (const auto& r : g.rows) {
            wl = std::max(wl, utf8_count_chars(r.label));
            wa = std::max(wa, utf8_count_chars(r.a));
            wb = std::max(wb, utf8_count_chars(r.b));
        }
    // Appended piece by piece: g++ 12 warns falsely (-Wrestrict) on "literal" + temporary chains.
    for (const auto& g : c.groups) {
        if (g.rows.empty()) continue;
        out += '\n';
        out += pad(g.title, wl + 4);
        out += pad("A", wa + 3);
        out += "B\n";
        for (const auto& r : g.rows) {
            out += r.differs() ? "* " : "  ";
            out += pad(r.label, wl + 2);
            out += pad(r.a, wa);
            if (r.differs()) {
                out += " → ";
                out += pad(r.b, wb);
                out += "  ";
                out += change_label(r.change, c.lang);
            } else {
                out += "   ";
                out += r.b;
            }
            out += '\n';
        }
    }
    out += '\n';
    out += std::to_string(c.differences);
    out += en ? (c.differences == 1 ? " difference\n" : " differences\n") : (c.differences == 1 ? " verschil\n" : " verschillen\n");
    return out;
}

nlohmann::ordered_json to_json(const ScenarioComparison& c, const std::string& file_a, const std::string& file_b) {
    nlohmann::ordered_json groups = nlohmann::ordered_json::array();
    for (const auto& g : c.groups) {
        nlohmann::ordered_json rows = nlohmann::ordered_json::array();
        for (const auto& r : g.rows) rows.push_back({{"id", r.id}, {"label", r.label}, {"a", r.a}, {"b", r.b}, {"change", change_id(r.change)}});
        groups.push_back({{"id", g.id}, {"title", g.title}, {"rows", rows}});
    }
    return {{"lang", c.lang},
            {"a", {{"file", file_a}, {"verdict", c.verdict_a}}},
            {"b", {{"file", file_b}, {"verdict", c.verdict_b}}},
            {"differences", c.differences},
            {"groups", groups}};
}

}  // namespace

int command_compare(const Args& args) {
    const auto opt = parse(args);
    if (!opt) return 2;
    std::string output, pdf_bytes;
    std::optional<std::filesystem::path> pdf_target;
    try {
        const bool what_if = opt->files.size() == 2;
        Assessed a, b;
        load(*opt, opt->files[0], a);
        if (what_if) {
            load(*opt, opt->files[1], b);
            // Names as they came on the command line, but no control character reaches the terminal.
            const std::string name_a = opt->files[0] == "-" ? "stdin" : printable(opt->files[0]);
            const std::string name_b = opt->files[1] == "-" ? "stdin" : printable(opt->files[1]);
            const ScenarioComparison c = compare_scenarios(a.portfolio, a.assessment, *a.rules, b.portfolio, b.assessment, *b.rules, opt->lang);
            if (opt->json) output = to_json(c, name_a, name_b).dump(2) + "\n";
            else if (opt->text || !opt->pdf) output = text_table(c, name_a, name_b);
        }
        if (opt->pdf) {
            ConversationNotes notes;
            // What the helpdesk noted in A (the app saves it there) unless the options say otherwise;
            // the member's name from the application form when nobody noted one.
            const HelpdeskNotes& noted = a.portfolio.helpdesk;
            notes.member = opt->member.value_or(noted.member.empty() ? a.portfolio.application.name : noted.member);
            notes.advisor = opt->advisor.value_or(noted.advisor);
            notes.case_number = noted.case_number;
            notes.agreements = opt->notes ? read_input(*opt->notes) : noted.notes;
            if (notes.agreements.size() > kMaxNotesText)
                throw InputError("--notes", Message{"portfolio.text_too_long", {std::to_string(kMaxNotesText)}});
            if (opt->date) {
                notes.date = parse_date(*opt->date);
                if (!notes.date) throw InputError("--date", Message{"cli.bad_date", {*opt->date}});
            } else {
                notes.date = today();
            }
            notes.chose_what_if = opt->dates.value_or("b") == "b";
            // Everything is built before anything is written: bad input leaves no half file.
            const FormDocument doc = what_if ? helpdesk_summary(a.portfolio, a.assessment, *a.rules, &b.portfolio, &b.assessment, b.rules, notes, opt->lang)
                                             : helpdesk_summary(a.portfolio, a.assessment, *a.rules, nullptr, nullptr, nullptr, notes, opt->lang);
            pdf_bytes = pdf::render_pdf(doc, pdf::embedded_fonts());
            if (*opt->pdf != "-") pdf_target = output_path(*opt->pdf, doc.file_stem + ".pdf");
        }
    } catch (const std::exception& e) {
        std::cerr << "herreg: " << e.what() << "\n";
        return 1;
    }
    const bool en = opt->lang == "en";
    if (opt->pdf) {
        if (const int rc = deliver("compare", pdf_target, pdf_bytes); rc != 0) return rc;
        if (pdf_target) std::cerr << "herreg compare: " << (en ? "wrote " : "geschreven: ") << pdf_target->string() << "\n";
    }
    if (output.empty()) return 0;
    return deliver("compare", std::nullopt, output);
}

}  // namespace herreg::cli
