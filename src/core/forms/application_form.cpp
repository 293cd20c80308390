// Filling the application document, section by section in the order of the
// register's form: who applies, why, where they stand, the plan, (re-entry) the
// self-evaluation and supervision, the pre-check, and the signature.
#include "forms/application_form.h"

#include "portfolio/hours_grid.h"
#include "text/labels.h"
#include "portfolio/registrations.h"
#include "text/wording.h"

#include <algorithm>
#include <cmath>

namespace herreg {

std::string application_file_stem(const Assessment& a, std::string_view lang) {
    const bool en = lang == "en";
    std::string scheme;
    if (a.regime == Regime::dispensation) scheme = en ? "dispensation" : "dispensatie";
    else if (a.regime == Regime::deferral) scheme = en ? "deferral" : "herregistratie-met-uitstel";
    else if (is_reentry(a.regime))
        scheme = (en ? "reentry-group-" : "herintreding-groep-") + std::to_string(reentry_group(a.regime));
    else scheme = en ? "summary" : "overzicht";
    return (en ? "application-" : "aanvraag-") + scheme + "-" + to_iso(a.check_date);
}

namespace {

struct Builder : Wording {
    const Portfolio& p;
    const Assessment& a;
    const RuleSet& rs;
    const ApplicationCheck& check;
    FormDocument doc;
    int section_no = 0;

    std::string opt_date(const std::optional<Date>& d) const { return d ? date(*d) : std::string(); }
    std::string range(const std::optional<Date>& from, const std::optional<Date>& to) const {
        if (!from && !to) return {};
        return (from ? date(*from) : std::string("…")) + " – " + (to ? date(*to) : tr("heden", "present"));
    }
    std::string yes_no(bool b) const { return b ? tr("ja", "yes") : tr("nee", "no"); }
    std::string category_name(const std::string& id) const {
        const CategoryDef* c = rs.category(id);
        return c ? c->name.in(lang) : id;
    }
    bool reentry() const { return is_reentry(a.regime); }
    // A citation from the rules file at the end of a note: " (001 §1.1)", or nothing when the
    // register gives none.
    static std::string cited(const std::string& source) { return source.empty() ? std::string() : " (" + source + ")"; }
    std::string source_of(std::string_view reason_id, const std::string& fallback) const {
        for (const auto& r : a.reasons)
            if (r.id == reason_id) return r.source;
        return fallback;
    }

    DocSection& section(const std::string& nl, const std::string& e) {
        doc.sections.push_back({std::to_string(++section_no) + ". " + tr(nl, e), {}});
        return doc.sections.back();
    }
    static DocBlock fields(std::vector<DocField> f, std::string title = {}) {
        DocBlock b;
        b.kind = DocBlock::Kind::fields;
        b.title = std::move(title);
        b.fields = std::move(f);
        return b;
    }
    static DocBlock text_block(DocBlock::Kind kind, std::string text, std::string title = {}) {
        DocBlock b;
        b.kind = kind;
        b.title = std::move(title);
        b.text = std::move(text);
        return b;
    }
    static DocBlock table(std::string title, std::vector<std::string> header, std::vector<double> widths, std::vector<bool> numeric) {
        DocBlock b;
        b.kind = DocBlock::Kind::table;
        b.title = std::move(title);
        b.table.header = std::move(header);
        b.table.widths = std::move(widths);
        b.table.numeric = std::move(numeric);
        return b;
    }
    static DocBlock answer(std::string question, std::string text) { return text_block(DocBlock::Kind::answer, std::move(text), std::move(question)); }

    DocBlock activity_table(const std::vector<size_t>& indexes, const std::string& title) const {
        DocBlock b = table(title,
                           {tr("Datum", "Date"), tr("Activiteit", "Activity"), tr("Aanbieder", "Provider"), tr("Soort", "Category"),
                            tr("Punten", "Points"), tr("Geaccr.", "Accr.")},
                           {1.3, 3.1, 2.4, 2.0, 1.0, 1.1}, {false, false, false, false, true, false});
        double total = 0, accredited = 0;
        for (size_t i : indexes) {
            const Activity& act = p.activities[i];
            b.table.rows.push_back({date(act.date), act.title, act.provider, category_name(act.category), num(act.points), yes_no(act.accredited)});
            total += act.points;
            if (act.accredited) accredited += act.points;
        }
        b.table.total = {tr("Totaal", "Total"), tr("waarvan " + num(accredited) + " geaccrediteerd", "of which " + num(accredited) + " accredited"), "", "",
                         num(total), ""};
        return b;
    }

    void header() {
        const Application& ap = p.application;
        doc.lang = lang;
        // Re-entry groups are named after the person ("Herintreder groep 3"); the form is for the scheme.
        if (is_reentry(a.regime))
            doc.title = tr("Aanvraag herintrederregeling, groep ", "Application: re-entry scheme, group ") + std::to_string(reentry_group(a.regime));
        else
            doc.title = tr("Aanvraag ", "Application: ") + (en ? a.regime_name.in(lang) : lower_first(a.regime_name.in(lang)));
        doc.subtitle = rs.name.in(lang) + (ap.name.empty() ? "" : " · " + ap.name);
        doc.footer = "herreg · " + a.regime_name.in(lang) + (ap.name.empty() ? "" : " · " + ap.name);
        doc.page_of = tr("Pagina {} van {}", "Page {} of {}");
        doc.empty_answer = tr("(niet ingevuld)", "(not filled in)");
        doc.file_stem = application_file_stem(a, lang);
        doc.created = a.check_date;
    }

    void applicant() {
        const Application& ap = p.application;
        DocSection& s = section("Aanvrager en registratie", "Applicant and registration");
        std::string profession = p.profession;
        for (const auto& pr : rs.professions)
            if (pr.id == p.profession) profession = pr.name.in(lang);
        std::vector<DocField> f = {
            {tr("Naam", "Name"), ap.name},
            {tr("Registratienummer", "Registration number"), ap.registration_number},
            {tr("E-mail", "Email"), ap.email},
            {tr("Register", "Register"), rs.name.in(lang)},
            {tr("Beroep", "Profession"), profession},
        };
        if (p.specialisation) f.push_back({tr("Specialisatie", "Specialisation"), rs.name.in(lang)});
        if (p.registration.initial && p.registration.period_start) {
            const Deadline* end = a.deadline("period_end");
            f.push_back({tr("Registratieperiode", "Registration period"),
                         range(p.registration.period_start, end ? std::optional<Date>(end->date) : p.registration.period_end)});
        } else {
            f.push_back({tr("Registratieperiode", "Registration period"), tr("geen initiële registratie (diplomaregister)", "no initial registration (diploma register)")});
        }
        f.push_back({tr("Datum aanvraag", "Date of application"), date(a.check_date)});
        f.push_back({tr("Regeling", "Scheme"), a.regime_name.in(lang)});
        if (check.period_from && check.period_to)
            f.push_back({tr("Tijdelijke registratie", "Temporary registration"),
                         range(check.period_from, check.period_to) +
                             (a.temporary_months ? tr(" (maximaal ", " (at most ") + std::to_string(*a.temporary_months) + tr(" maanden)", " months)") : "")});
        if (check.proof_due) f.push_back({tr("Bewijs van uitvoering uiterlijk", "Proof of the plan by"), date(*check.proof_due)});
        if (a.definitive_years) {
            const std::string years = a.definitive_years_min ? std::to_string(*a.definitive_years_min) + tr(" of ", " or ") + std::to_string(*a.definitive_years)
                                                             : std::to_string(*a.definitive_years);
            f.push_back({tr("Daarna", "Then"), tr("definitieve registratie van " + years + " jaar", "definitive registration of " + years + " years")});
        }
        s.blocks.push_back(fields(std::move(f)));
        s.blocks.push_back(text_block(DocBlock::Kind::note,
                                      tr("Gemaakt met herreg uit je eigen gegevens. Voeg dit formulier als bijlage toe aan je aanvraag in het digitale portfolio; "
                                         "alleen volledig ingevulde aanvragen worden in behandeling genomen. Het register beslist.",
                                         "Made with herreg from your own data. Attach this form to your application in the digital portfolio; only "
                                         "complete applications are taken into processing. The register decides.") +
                                          cited(rs.cite("application_form"))));
    }

    void circumstances() {
        const Application& ap = p.application;
        DocSection& s = section("Bijzondere omstandigheden", "Special circumstances");
        std::string names;
        for (const auto& c : p.circumstances) names += (names.empty() ? "" : ", ") + circumstance_label(c, lang);
        s.blocks.push_back(fields({{tr("Omstandigheden", "Circumstances"), names.empty() ? tr("geen opgegeven", "none given") : names},
                                   {tr("Periode", "Period"), range(ap.circumstances_from, ap.circumstances_to)}}));
        s.blocks.push_back(answer(tr("Waarom heb je niet aan de kwaliteitseisen kunnen voldoen?", "Why could you not meet the quality criteria?"), ap.reasons));
    }

    void overview() {
        DocSection& s = section("Overzicht werkervaring en punten", "Work experience and points so far");
        s.blocks.push_back(text_block(DocBlock::Kind::paragraph,
                                      tr("Geteld van " + date(a.window.from) + " tot en met " + date(add_days(a.window.to, -1)) + ".",
                                         "Counted from " + date(a.window.from) + " to " + date(add_days(a.window.to, -1)) + ".")));
        DocBlock crit = table(tr("Criteria", "Criteria"),
                              {tr("Criterium", "Criterion"), tr("Norm", "Required"), tr("Behaald", "Achieved"), tr("Tekort", "Short")},
                              {4, 1.5, 1.5, 1.5}, {false, true, true, true});
        for (const auto& c : a.criteria) {
            const std::string short_by = c.required && c.achieved < *c.required ? num(*c.required - c.achieved) : (c.required ? "–" : "");
            crit.table.rows.push_back({criterion_label(c.id, rs, lang), c.required ? num(*c.required) : tr("onbekend", "unknown"), num(c.achieved), short_by});
        }
        s.blocks.push_back(crit);

        DocBlock hours = table(tr("Uren werkervaring per jaar", "Hours of work experience per year"),
                               {tr("Jaar", "Year"), tr("Deel van het jaar", "Part of the year"), tr("Uren", "Hours")}, {1, 3, 1.5},
                               {false, false, true});
        double total = 0;
        for (const auto& row : hours_by_year(p, a.window, a.check_date)) {
            hours.table.rows.push_back({std::to_string(row.year), row.partial ? range(row.from, row.to) : tr("heel jaar", "whole year"), num(row.counted)});
            total += row.counted;
        }
        hours.table.total = {tr("Totaal", "Total"), "", num(std::round(total * 100) / 100)};
        s.blocks.push_back(hours);

        std::vector<size_t> done;
        for (size_t i = 0; i < p.activities.size(); ++i)
            if (!is_planned(p.activities[i], a.check_date) && a.window.contains(p.activities[i].date)) done.push_back(i);
        std::stable_sort(done.begin(), done.end(), [&](size_t x, size_t y) { return p.activities[x].date < p.activities[y].date; });
        if (done.empty())
            s.blocks.push_back(text_block(DocBlock::Kind::paragraph, tr("Geen activiteiten in deze periode.", "No activities in this period."),
                                          tr("Behaalde activiteiten", "Activities done")));
        else
            s.blocks.push_back(activity_table(done, tr("Behaalde activiteiten", "Activities done")));
    }

    void plan() {
        const Application& ap = p.application;
        DocSection& s = section("Plan van aanpak", "Plan of action");
        std::vector<DocField> f;
        if (check.period_from && check.period_to) f.push_back({tr("Uitvoeren in", "Carried out in"), range(check.period_from, check.period_to)});
        if (check.proof_due) f.push_back({tr("Bewijs inleveren uiterlijk", "Proof due by"), date(*check.proof_due)});
        f.push_back({tr("Nog te behalen punten", "Points still to gain"), num(a.plan.points_missing)});
        s.blocks.push_back(fields(std::move(f)));
        if (a.plan.points_missing > 0 || !check.planned.empty()) {
            if (check.planned.empty())
                s.blocks.push_back(text_block(DocBlock::Kind::paragraph, tr("Nog geen activiteiten gepland.", "No activities planned yet."),
                                              tr("Geplande activiteiten", "Planned activities")));
            else
                s.blocks.push_back(activity_table(check.planned, tr("Geplande activiteiten", "Planned activities")));
        }
        if (!check.coverage.empty()) {
            DocBlock cov = table(tr("Dekt het plan het tekort?", "Does the plan cover the shortfall?"),
                                 {tr("Criterium", "Criterion"), tr("Ontbreekt", "Missing"), tr("Gepland", "Planned"), tr("Gedekt", "Covered")},
                                 {4, 1.5, 1.5, 1.5}, {false, true, true, false});
            for (const auto& c : check.coverage)
                cov.table.rows.push_back({criterion_label(c.criterion, rs, lang), num(c.missing), num(c.planned), yes_no(c.covered())});
            s.blocks.push_back(cov);
        }
        // Group 1 has its points: an empty notes field would read as an incomplete form.
        if (a.plan.points_missing > 0 || !ap.points_plan.empty())
            s.blocks.push_back(answer(tr("Toelichting: hoe haal je de ontbrekende punten?", "Notes: how will you gain the missing points?"), ap.points_plan));

        if (!reentry()) return;
        const HoursPlan& hp = ap.hours_plan;
        std::vector<DocField> hf = {
            {tr("Vereist", "Required"), a.plan.hours_required ? num(*a.plan.hours_required) + tr(" uur", " hours") : std::string()},
            {tr("Uren per week", "Hours a week"), hp.hours_per_week ? num(*hp.hours_per_week) : std::string()},
            {tr("Periode", "Period"), range(check.hours_from, check.hours_to)},
            {tr("Gepland in totaal", "Planned in total"), check.planned_hours ? num(*check.planned_hours) + tr(" uur", " hours") : std::string()},
            {tr("Waar", "Where"), hp.workplace},
        };
        s.blocks.push_back(fields(std::move(hf), tr("Werkervaring inhalen", "Making up work experience")));
        s.blocks.push_back(answer(tr("Hoe compenseer je het tekort aan uren?", "How will you make up the missing hours?"), hp.description));
        if (ap.evc.chosen) return;   // the university's plan replaces these (section EVC)
        if (a.regime != Regime::reentry_1 || !ap.training_plan.empty())   // not asked of group 1 (001 Bijlage 1)
            s.blocks.push_back(answer(tr("Scholingsplan: hoe vul je de hiaten uit de zelfevaluatie op?", "Training plan: how will you fill the gaps from the self-evaluation?"),
                                      ap.training_plan));
        s.blocks.push_back(answer(tr("Begeleidingsplan", "Mentoring plan"), ap.mentoring_plan));
    }

    void self_evaluation() {
        const Application& ap = p.application;
        if (ap.evc.chosen) {
            DocSection& s = section("EVC-procedure", "EVC procedure");
            s.blocks.push_back(text_block(DocBlock::Kind::note,
                                          tr("In plaats van een eigen zelfevaluatie en eigen plannen: het resultaat van het EVC-assessment en het scholings- en begeleidingsplan van de hogeschool.",
                                             "Instead of a self-evaluation and plans of my own: the result of the EVC assessment and the university's training and mentoring plan.") +
                                              cited(rs.cite("reentry_plan"))));
            s.blocks.push_back(fields({{tr("Hogeschool", "University"), ap.evc.institution}}));
            s.blocks.push_back(answer(tr("Resultaat van het assessment", "Result of the assessment"), ap.evc.result));
            s.blocks.push_back(answer(tr("Scholings- en begeleidingsplan van de hogeschool", "The university's training and mentoring plan"), ap.evc.plan));
            return;
        }
        DocSection& s = section("Zelfevaluatie", "Self-evaluation");
        s.blocks.push_back(text_block(DocBlock::Kind::note,
                                      tr("Per competentie van het beroepsprofiel " + self_evaluation_questions(lang) + " uit de regeling.",
                                         "For each competence of the professional profile, " + self_evaluation_questions(lang) + " of the scheme.") +
                                          cited(rs.cite("reentry_plan"))));
        for (const auto& comp : competences_for(rs, p.profession)) {
            const CompetenceAnswers* ans = ap.find_answers(comp.id);
            // The competence's name as a sub-heading of its own, so its answers read as one group.
            s.blocks.push_back(text_block(DocBlock::Kind::paragraph, {}, comp.name.in(lang)));
            for (int q = 0; q < kSelfEvaluationQuestions; ++q)
                s.blocks.push_back(answer(self_evaluation_question(q, lang), ans ? ans->answers[size_t(q)] : std::string()));
        }
    }

    void supervision() {
        const Supervision& sv = p.application.supervision;
        DocSection& s = section("Supervisie en begeleiding", "Supervision and mentoring");
        std::vector<DocField> f = {
            {tr("Supervisor", "Supervisor"), sv.name},
            {tr("Registratienummer", "Registration number"), sv.registration_number},
            {tr("Periodiek geregistreerd", "Periodically registered"), sv.periodically_registered ? yes_no(*sv.periodically_registered) : std::string()},
            {tr("Uren supervisie", "Hours of supervision"), sv.hours ? num(*sv.hours) : std::string()},
        };
        const bool assessment_required = check.supervisor_assessment_required;
        if (assessment_required || sv.interim_assessment || sv.final_assessment) {
            f.push_back({tr("Tussentijdse beoordeling", "Interim assessment"), opt_date(sv.interim_assessment)});
            f.push_back({tr("Eindbeoordeling", "Final assessment"), opt_date(sv.final_assessment)});
        }
        s.blocks.push_back(fields(std::move(f)));
        s.blocks.push_back(answer(tr("Hoe wordt het supervisietraject geëvalueerd en beoordeeld?", "How is the supervision evaluated and assessed?"), sv.evaluation));
        const std::string group = std::to_string(reentry_group(a.regime));
        if (assessment_required)
            s.blocks.push_back(text_block(DocBlock::Kind::note,
                                          tr("Voor groep " + group + " is de beoordeling van het resultaat door de supervisor, tussentijds en na afloop, verplicht.",
                                             "For group " + group + " the supervisor's assessment of the result, midway and at the end, is required.") +
                                              cited(source_of("supervisor_assessment", rs.cite("scheme_table")))));
    }

    void precheck() {
        DocSection& s = section("Controle vóór indienen", "Check before filing");
        const int problems = check.problems();
        s.blocks.push_back(text_block(
            DocBlock::Kind::paragraph,
            problems == 0 ? tr("herreg vond niets dat de beoordelaars zouden terugsturen. Het register beslist.",
                               "herreg found nothing the assessors would send back. The register decides.")
                          : tr(std::to_string(problems) + (problems == 1 ? " onderdeel" : " onderdelen") + " om op te lossen vóór je indient.",
                               std::to_string(problems) + (problems == 1 ? " item" : " items") + " to resolve before you file.")));
        DocBlock b;
        b.kind = DocBlock::Kind::checks;
        for (const auto& item : check.items)
            b.checks.push_back({item.status, item.text, item.detail.empty() ? "(" + item.source + ")" : item.detail + " (" + item.source + ")"});
        s.blocks.push_back(std::move(b));
    }

    void signature() {
        DocSection& s = section("Ondertekening", "Signature");
        s.blocks.push_back(text_block(DocBlock::Kind::paragraph,
                                      tr("Ik verklaar dat ik dit formulier volledig en naar waarheid heb ingevuld en dat het bewijs van mijn niet-geaccrediteerde activiteiten in mijn portfolio staat.",
                                         "I declare that I filled in this form completely and truthfully, and that the evidence of my non-accredited activities is in my portfolio.")));
        const std::string line = "______________________________";
        s.blocks.push_back(fields({{tr("Naam", "Name"), p.application.name.empty() ? line : p.application.name},
                                   {tr("Datum", "Date"), line},
                                   {tr("Handtekening", "Signature"), line}}));
    }

    FormDocument run() {
        header();
        applicant();
        circumstances();
        overview();
        plan();
        if (reentry()) {
            self_evaluation();
            supervision();
        }
        precheck();
        signature();
        return std::move(doc);
    }
};

}  // namespace

FormDocument application_document(const Portfolio& p, const Assessment& a, const RuleSet& rs, const ApplicationCheck& check,
                                   std::string_view lang) {
    if (!has_for_marks(p) && p.other_registrations.empty()) return Builder{Wording(lang), p, a, rs, check, {}, 0}.run();
    // More than one registration: the named one's form lists only the entries it counts.
    const RegistrationView v = counted_view(p, 0, rs);
    return Builder{Wording(lang), v.portfolio, a, rs, check, {}, 0}.run();
}

}  // namespace herreg
