// The helpdesk summary, top to bottom: the two verdicts (and what the what-if assumed), the
// comparison, the key dates of the chosen path, the agreements. One A4 page is the design
// constraint: the table leaves out rows that say nothing new, and the free text is capped.
#include "helpdesk/helpdesk_summary.h"

#include "text/labels.h"
#include "rules/rulebook.h"
#include "helpdesk/scenario_compare.h"
#include "assessment/summary_text.h"
#include "text/utf8_text.h"
#include "text/wording.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace herreg {

namespace {

// What B assumes, in the first block's value column (about 65 characters a line): two lines.
constexpr std::size_t kMaxAssumptionChars = 130;
constexpr std::size_t kMaxSubtitleChars = 80;
const std::string kEllipsis = "…";

// The first `n` characters of `s`, preferring to end at a space when one is near.
std::string_view cut_chars(std::string_view s, std::size_t n) {
    const std::size_t i = utf8_char_offset(s, n);
    std::string_view head = s.substr(0, i);
    if (i < s.size()) {
        const auto space = head.rfind(' ');
        if (space != std::string_view::npos && space > 0 && head.size() - space < 24) head = head.substr(0, space);
    }
    return head;
}

std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r");
    return std::string(s.substr(b, e - b + 1));
}

std::string fit_name(const std::string& s) {
    std::string t = trim(s);
    for (char& c : t)
        if (c == '\n' || c == '\t') c = ' ';
    if (t.size() <= kMaxConversationName) return t;
    return t.substr(0, utf8_floor_boundary(t, kMaxConversationName)) + kEllipsis;   // whole characters
}

// The plan_not_carried_out id of the scheme a verdict names; empty for any other outcome.
std::string scheme_id_of(Regime r) {
    if (is_points_short(r)) return std::string(regime_id(r));
    if (is_reentry(r)) return kReentrySchemeId;
    return {};
}

// The answer to "used before without its plan carried out?" for one scheme: yes, no, or not asked.
std::string plan_answer(const Portfolio& p, const std::string& scheme, const Wording& w) {
    const auto it = p.plan_not_carried_out.find(scheme);
    if (it == p.plan_not_carried_out.end()) return w.tr("niet gevraagd", "not asked");
    return it->second ? w.tr("ja", "yes") : w.tr("nee", "no");
}

}  // namespace

std::string agreements_text(std::string_view text) {
    std::string out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = std::min(text.find('\n', start), text.size());
        const std::string line = trim(text.substr(start, end - start));
        start = end + 1;
        if (line.empty()) continue;
        if (!out.empty()) out += '\n';
        out += line;
    }
    return out;
}

namespace {

struct Inputs : Wording {
    using Wording::Wording;

    static std::map<int, double> hours_by_year(const Portfolio& p) {
        std::map<int, double> m;
        for (const auto& h : p.hours) m[h.year ? *h.year : h.from.y] += h.hours;
        return m;
    }
    static bool same_activity(const Activity& x, const Activity& y) {
        return x.date == y.date && x.title == y.title && x.provider == y.provider && x.category == y.category && x.kind == y.kind &&
               x.points == y.points && x.accredited == y.accredited && x.meetings == y.meetings && x.meeting_hours == y.meeting_hours;
    }
    // Activities of `from` that `other` does not hold (as a multiset: two equal rows count twice).
    static std::vector<const Activity*> only_in(const Portfolio& from, const Portfolio& other) {
        std::vector<bool> used(other.activities.size(), false);
        std::vector<const Activity*> out;
        for (const auto& x : from.activities) {
            bool found = false;
            for (std::size_t i = 0; i < other.activities.size() && !found; ++i)
                if (!used[i] && same_activity(x, other.activities[i])) used[i] = found = true;
            if (!found) out.push_back(&x);
        }
        return out;
    }
    std::string signed_num(double x) const { return (x > 0 ? "+" : "−") + num(std::abs(x)); }
    // ", 3 bijeenkomsten van 1,5 uur": the meetings an entry covers and their length, where set.
    std::string meetings_phrase(const Activity& x) const {
        if (!x.meetings && !x.meeting_hours) return {};
        const int n = x.meeting_count();
        std::string out = ", " + std::to_string(n) + (n == 1 ? tr(" bijeenkomst", " meeting") : tr(" bijeenkomsten", " meetings"));
        if (x.meeting_hours) out += tr(" van ", " of ") + num(*x.meeting_hours) + tr(" uur", *x.meeting_hours == 1 ? " hour" : " hours");
        return out;
    }
    // "extra activiteit ‘Intervisie’ (10 punten, 01-02-2027, gepland)", "2 activiteiten minder (70 punten)".
    std::string activities_phrase(const std::vector<const Activity*>& acts, bool added, const Portfolio& b) const {
        double points = 0;
        for (const Activity* x : acts) points += x->points;
        if (acts.size() == 1) {
            const Activity& x = *acts.front();
            const bool planned = b.check_date && x.date > *b.check_date;
            const std::string what = (added ? tr("extra activiteit", "extra activity") : tr("zonder activiteit", "without activity")) +
                                     (x.title.empty() ? std::string() : " ‘" + x.title + "’");
            return what + " (" + num(x.points) + tr(" punten", " points") + meetings_phrase(x) + ", " + date(x.date) + (planned ? tr(", gepland", ", planned") : "") + ")";
        }
        const std::string n = std::to_string(acts.size());
        return (added ? tr(n + " extra activiteiten (", n + " extra activities (") : tr(n + " activiteiten minder (", n + " fewer activities ("))
               + num(points) + tr(" punten)", " points)");
    }

    std::vector<std::string> run(const Portfolio& a, const Portfolio& b, const RuleSet& rb) const {
        std::vector<std::string> out;
        if (a.register_id != b.register_id || a.specialisation != b.specialisation) out.push_back(tr("register: ", "register: ") + rb.name.in(lang));
        if (a.profession != b.profession) {
            std::string name = b.profession;
            for (const auto& pr : rb.professions)
                if (pr.id == b.profession) name = pr.name.in(lang);
            out.push_back(tr("beroep: ", "profession: ") + name);
        }
        const Registration& ra = a.registration;
        const Registration& rg = b.registration;
        if (ra.initial != rg.initial || ra.period_start != rg.period_start || ra.period_end != rg.period_end) {
            if (!rg.initial || !rg.period_start) out.push_back(tr("geen initiële registratie", "no initial registration"));
            else out.push_back(tr("registratieperiode vanaf ", "registration period from ") + date(*rg.period_start));
        }
        if (a.last_worked != b.last_worked)
            out.push_back(b.last_worked ? tr("laatst gewerkt ", "last worked ") + date(*b.last_worked) : tr("laatst gewerkt: niet opgegeven", "last worked: not given"));
        if (a.circumstances != b.circumstances) {
            std::string names;
            for (const auto& c : b.circumstances) names += (names.empty() ? "" : ", ") + circumstance_label(c, lang);
            out.push_back(names.empty() ? tr("geen bijzondere omstandigheden", "no special circumstances")
                                        : tr("omstandigheden: ", "circumstances: ") + names);
        }
        if (a.plan_not_carried_out != b.plan_not_carried_out) {
            // B's answer for each scheme it differs on: "plan eerder niet uitgevoerd: dispensatieregeling ja".
            std::string answers;
            for (const auto& [id, name] : schemes_barred_after_unfinished_plan(rb)) {
                const std::string was = plan_answer(a, id, *this), is = plan_answer(b, id, *this);
                if (was != is) answers += (answers.empty() ? "" : ", ") + lower_first(name.in(lang)) + " " + is;
            }
            if (!answers.empty()) out.push_back(tr("plan eerder niet uitgevoerd: ", "plan not carried out before: ") + answers);
        }
        if (a.thresholds != b.thresholds) out.push_back(tr("andere normen ingevuld", "other thresholds filled in"));
        // Hours as one phrase: "+600 uur werkervaring in 2026", or over several years their sum
        // and span ("−1.400 uur werkervaring (2022–2025)"); the table shows what it changes.
        const auto ha = hours_by_year(a), hb = hours_by_year(b);
        std::map<int, double> diff;
        for (const auto& [y, h] : hb) diff[y] += h;
        for (const auto& [y, h] : ha) diff[y] -= h;
        double total = 0;
        std::vector<int> years;
        for (const auto& [y, h] : diff)
            if (std::abs(h) >= 0.005) total += h, years.push_back(y);
        if (years.size() == 1)
            out.push_back(signed_num(total) + tr(" uur werkervaring in ", " hours of work in ") + std::to_string(years.front()));
        else if (!years.empty())
            out.push_back((std::abs(total) >= 0.005 ? signed_num(total) : tr("anders verdeelde", "redistributed")) + tr(" uur werkervaring (", " hours of work (") +
                          std::to_string(years.front()) + "–" + std::to_string(years.back()) + ")");
        const auto added = only_in(b, a), removed = only_in(a, b);
        if (!added.empty()) out.push_back(activities_phrase(added, true, b));
        if (!removed.empty()) out.push_back(activities_phrase(removed, false, b));
        return out;
    }
};

struct Summary : Wording {
    const Portfolio& pa;
    const Assessment& a;
    const RuleSet& ra;
    const Portfolio* pb;
    const Assessment* b;
    const RuleSet* rb;
    const ConversationNotes& notes;
    ScenarioComparison cmp;
    FormDocument doc;

    bool two() const { return b != nullptr; }
    bool chose_b() const { return two() && notes.chose_what_if; }
    Date conversation_date() const { return notes.date ? *notes.date : a.check_date; }
    std::string header_a() const { return tr("A · zoals ingevoerd", "A · as entered"); }
    std::string header_b() const { return tr("B · wat als", "B · what if"); }

    static DocBlock fields(std::vector<DocField> f) {
        DocBlock blk;
        blk.kind = DocBlock::Kind::fields;
        blk.fields = std::move(f);
        return blk;
    }
    static DocBlock table(std::vector<std::string> header, std::vector<double> widths, std::vector<bool> numeric) {
        DocBlock blk;
        blk.kind = DocBlock::Kind::table;
        blk.table.header = std::move(header);
        blk.table.widths = std::move(widths);
        blk.table.numeric = std::move(numeric);
        return blk;
    }
    std::string profession(const Portfolio& p, const RuleSet& rs) const {
        for (const auto& pr : rs.professions)
            if (pr.id == p.profession) return pr.name.in(lang);
        return p.profession;
    }

    void header() {
        const std::string member = fit_name(notes.member);
        doc.lang = lang;
        doc.title = tr("Samenvatting helpdeskgesprek", "Helpdesk conversation summary");
        // One line (about 80 characters at its size): when too long, the register's short name,
        // and then without the member's name (which the notes block repeats).
        const std::string who = member.empty() ? "" : member + " · ";
        doc.subtitle = who + ra.name.in(lang) + " · " + profession(pa, ra);
        if (utf8_count_chars(doc.subtitle) > kMaxSubtitleChars) doc.subtitle = who + ra.short_name + " · " + profession(pa, ra);
        if (utf8_count_chars(doc.subtitle) > kMaxSubtitleChars) doc.subtitle = ra.name.in(lang) + " · " + profession(pa, ra);
        // The footer carries the caveat a longer document would give a note of its own.
        doc.footer = two() ? tr("Berekend met herreg; B is een verkenning, geen aanvraag. Het register beslist.",
                                "Calculated with herreg; B is an exploration, not an application. The register decides.")
                           : tr("Berekend met herreg uit de gegevens van het gesprek. Het register beslist.",
                                "Calculated with herreg from the data of the conversation. The register decides.");
        doc.page_of = tr("Pagina {} van {}", "Page {} of {}");
        doc.empty_answer = tr("(geen afspraken genoteerd)", "(no agreements noted)");
        doc.file_stem = tr("samenvatting-", "summary-") + to_iso(conversation_date());
        doc.created = conversation_date();
    }

    // One section without a heading: sub-headings (smaller, no rule) keep the page to one.
    DocSection& body() {
        if (doc.sections.empty()) doc.sections.push_back({});
        return doc.sections.back();
    }

    // The situation in words: check date, what B assumes, each verdict.
    void situation() {
        std::vector<DocField> f;
        if (two() && b->check_date != a.check_date)
            f.push_back({tr("Peildatum", "Check date"), "A: " + date(a.check_date) + " · B: " + date(b->check_date)});
        else
            f.push_back({tr("Peildatum", "Check date"), date(a.check_date)});
        if (two()) {
            std::string text;
            for (const auto& x : what_if_assumptions(pa, *pb, *rb, lang)) text += (text.empty() ? "" : "; ") + x;
            // Two lines of the field at most: the table below shows what the assumptions change.
            if (utf8_count_chars(text) > kMaxAssumptionChars) text = std::string(cut_chars(text, kMaxAssumptionChars - 1)) + kEllipsis;
            f.push_back({tr("B gaat uit van", "B assumes"), text.empty() ? tr("dezelfde gegevens", "the same data") : text});
            f.push_back({header_a(), cmp.verdict_a});
            f.push_back({header_b(), cmp.verdict_b});
        } else {
            f.push_back({tr("Uitkomst", "Outcome"), cmp.verdict_a});
        }
        // Whether a scheme was used before without its plan carried out, for each scheme that
        // was asked about or that a verdict names: the helpdesk sees what is still to ask.
        const std::string answers_a = plan_answers(pa, ra);
        const std::string answers_b = two() ? plan_answers(*pb, *rb) : answers_a;
        const std::string label = tr("Plan eerder niet uitgevoerd", "Plan not carried out before");
        if (answers_a != answers_b)
            f.push_back({label, "A: " + (answers_a.empty() ? std::string(kAbsentValue) : answers_a) + " · B: " +
                                    (answers_b.empty() ? std::string(kAbsentValue) : answers_b)});
        else if (!answers_a.empty())
            f.push_back({label, answers_a});
        body().blocks.push_back(fields(std::move(f)));
    }
    bool plan_question_shown(const std::string& scheme) const {
        auto asked = [&](const Portfolio& p) { return p.plan_not_carried_out.count(scheme) > 0; };
        return asked(pa) || scheme_id_of(a.regime) == scheme || (two() && (asked(*pb) || scheme_id_of(b->regime) == scheme));
    }
    // "Dispensatieregeling: niet gevraagd"; empty when no scheme of the register is in question.
    std::string plan_answers(const Portfolio& p, const RuleSet& rs) const {
        std::string text;
        for (const auto& [id, name] : schemes_barred_after_unfinished_plan(rs))
            if (plan_question_shown(id)) text += (text.empty() ? "" : "; ") + name.in(lang) + ": " + plan_answer(p, id, *this);
        return text;
    }

    // With a what-if: label, A, B and the change; without one: label and value.
    DocBlock row_table(std::string title, std::string value_header) const {
        DocBlock t = two() ? table({"", header_a(), header_b(), tr("Verschil", "Change")}, {2.8, 2.4, 2.4, 1.0}, {false, false, false, false})
                           : table({"", std::move(value_header)}, {2.8, 4.8}, {false, false});
        t.title = std::move(title);
        return t;
    }
    void add_row(DocBlock& t, const ComparisonRow& r) const {
        if (two()) t.table.rows.push_back({r.label, r.a, r.b, r.differs() ? change_label(r.change, lang) : ""});
        else t.table.rows.push_back({r.label, r.a});
    }

    // Every outcome row, every criterion; of the rest only what differs (with a what-if) or
    // what is still to do (without one). What the plan brings is labelled as the plan's (its
    // criteria have the criteria's names). The dates have their own table below.
    void comparison() {
        DocBlock t = row_table(two() ? tr("Vergelijking", "Comparison") : tr("Overzicht", "Overview"), tr("Uitkomst", "Outcome"));
        for (const auto& g : cmp.groups) {
            if (g.id == "deadlines") continue;
            const bool optional = g.id == "todo" || g.id == "planned";
            for (const auto& r : g.rows) {
                if (optional && !(two() ? r.differs() : r.a != "0" && r.a != kAbsentValue)) continue;
                if (g.id != "planned") {
                    add_row(t, r);
                    continue;
                }
                ComparisonRow labelled = r;
                if (r.label.rfind("Plan", 0) != 0) labelled.label = "Plan: " + r.label;   // "Plan klaar op" says it already
                add_row(t, labelled);
            }
        }
        body().blocks.push_back(std::move(t));
    }

    // The dates the member acts by on the chosen path, from its check date on; beside them the
    // other scenario's. Left out to keep one page: the procedure's own dates (completeness
    // check, assessment: the register's side), the end of the definitive registration (years
    // away; the outcome rows give its length) and the start of a temporary registration on
    // the day the period ends (the same date twice).
    static bool key_date(const Assessment& x, const Deadline& d) {
        if (d.date < x.check_date) return false;
        if (d.id == "completeness_check_by" || d.id == "assessment_by" || d.id == "definitive_end") return false;
        if (d.id == "temporary_start")
            if (const Deadline* end = x.deadline("period_end"); end && end->date == d.date) return false;
        return true;
    }
    void key_dates() {
        const Assessment& chosen = chose_b() ? *b : a;
        std::string title = tr("Belangrijke data", "Key dates");
        if (two()) title += " (" + (chose_b() ? header_b() : header_a()) + ")";
        DocBlock t = row_table(title, tr("Datum", "Date"));
        for (const auto& r : cmp.group("deadlines")->rows) {
            const Deadline* d = chosen.deadline(std::string_view(r.id).substr(std::string_view("deadline.").size()));
            if (d && key_date(chosen, *d)) add_row(t, r);
        }
        if (t.table.rows.empty()) {
            DocBlock p;
            p.kind = DocBlock::Kind::paragraph;
            p.title = std::move(t.title);
            p.text = tr("Geen termijnen na de peildatum.", "No deadlines after the check date.");
            body().blocks.push_back(std::move(p));
        } else {
            body().blocks.push_back(std::move(t));
        }
    }

    void agreements() {
        DocBlock text;
        text.kind = DocBlock::Kind::paragraph;
        text.title = tr("Afspraken en vervolgstappen", "Agreements and next steps");
        text.text = agreements_text(notes.agreements);
        if (text.text.empty()) text.text = doc.empty_answer;
        body().blocks.push_back(std::move(text));
        const std::string member = fit_name(notes.member), advisor = fit_name(notes.advisor);
        const std::string blank = "____________________";
        // One row: who, when and by whom, with a line to fill in by hand for a name not typed.
        body().blocks.push_back(fields({{tr("Besproken met", "Discussed with"),
                                         (member.empty() ? blank : member) + tr(" op ", " on ") + date(conversation_date()) +
                                             tr(" · helpdesk: ", " · helpdesk: ") + (advisor.empty() ? blank : advisor) +
                                             (notes.case_number.empty() ? "" : tr(" · dossier ", " · case ") + fit_name(notes.case_number))}}));
    }

    FormDocument run() {
        cmp = two() ? compare_scenarios(pa, a, ra, *pb, *b, *rb, lang) : compare_scenarios(pa, a, ra, pa, a, ra, lang);
        header();
        situation();
        comparison();
        key_dates();
        agreements();
        return std::move(doc);
    }
};

}  // namespace

std::vector<std::string> what_if_assumptions(const Portfolio& a, const Portfolio& b, const RuleSet& rules_b, std::string_view lang) {
    return Inputs(lang).run(a, b, rules_b);
}

FormDocument helpdesk_summary(const Portfolio& a_port, const Assessment& a, const RuleSet& ra, const Portfolio* b_port, const Assessment* b,
                              const RuleSet* rb, const ConversationNotes& notes, std::string_view lang) {
    // A what-if is whole or absent: half of one cannot be printed.
    if (!b_port || !b || !rb) b_port = nullptr, b = nullptr, rb = nullptr;
    return Summary{Wording(lang), a_port, a, ra, b_port, b, rb, notes, {}, {}}.run();
}

}  // namespace herreg
