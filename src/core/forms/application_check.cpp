// The pre-check, item by item in the order of the assessors' questions
// (001 §1.4 for dispensation, §2.3 for re-entry; 002 for KABIZ). Every item
// says what it found, and a problem says what to do and which field to fix.
#include "forms/application_check.h"

#include "text/labels.h"
#include "portfolio/registrations.h"
#include "text/wording.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace herreg {



int ApplicationCheck::problems() const {
    return int(std::count_if(items.begin(), items.end(), [](const CheckItem& i) { return i.status == CheckStatus::problem; }));
}

const CheckItem* ApplicationCheck::item(std::string_view id) const {
    for (const auto& i : items)
        if (i.id == id) return &i;
    return nullptr;
}

const std::vector<Named>& competences_for(const RuleSet& rs, const std::string& profession) {
    const auto it = rs.profession_competences.find(profession);
    return it != rs.profession_competences.end() ? it->second : rs.competences;
}

std::string self_evaluation_question(int index, std::string_view lang) {
    static const char* const nl[kSelfEvaluationQuestions] = {
        "Wat kan ik? Beheers ik de vaardigheid op een adequaat niveau?",
        "Wat doe ik? Pas ik dit ook (altijd) toe wanneer de situatie daarom vraagt?",
        "Hoe kan ik dat laten zien? Waar kan ik naar verwijzen in mijn portfolio?",
        "Waarin moet ik me nog ontwikkelen om aan deze competentie te voldoen?",
        "Ben ik op de hoogte van de huidige richtlijnen en ontwikkelingen?",
    };
    static const char* const en[kSelfEvaluationQuestions] = {
        "What can I do? Do I master the skill at an adequate level?",
        "What do I do? Do I (always) apply it when the situation calls for it?",
        "How can I show it? What can I refer to in my portfolio?",
        "Where must I still develop to meet this competence?",
        "Am I up to date with current guidelines and developments?",
    };
    if (index < 0 || index >= kSelfEvaluationQuestions) return {};
    return lang == "en" ? en[index] : nl[index];
}

std::string self_evaluation_questions(std::string_view lang) {
    static const char* const nl[] = {"nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien"};
    static const char* const en[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
    const int n = kSelfEvaluationQuestions;
    const std::string count = n >= 0 && n <= 10 ? (lang == "en" ? en[n] : nl[n]) : std::to_string(n);
    if (lang == "en") return "the " + count + (n == 1 ? " question" : " questions");
    return "de " + count + (n == 1 ? " vraag" : " vragen");
}

namespace {

bool blank(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

struct Checker : Wording {
    const Portfolio& p;
    const Assessment& a;
    const RuleSet& rs;
    ApplicationCheck out;
    const PlanOutlook planned = plan_outlook(p, a);   // what the plan brings (plan_coverage.h)

    std::string source_of(std::string_view reason_id, const std::string& fallback) const {
        for (const auto& r : a.reasons)
            if (r.id == reason_id) return r.source;
        return fallback;
    }

    void add(std::string id, CheckStatus st, std::string text, std::string detail, std::string source, std::string field = {}) {
        out.items.push_back({std::move(id), st, std::move(text), std::move(detail), std::move(source), std::move(field)});
    }
    void require_text(const std::string& id, const std::string& value, const std::string& field, const std::string& ok_nl,
                      const std::string& ok_en, const std::string& missing_nl, const std::string& missing_en,
                      const std::string& source) {
        if (blank(value)) add(id, CheckStatus::problem, tr(missing_nl, missing_en), {}, source, field);
        else add(id, CheckStatus::ok, tr(ok_nl, ok_en), {}, source, field);
    }

    // The proof's date comes with its source from the rules (proof_due_days_before_end).
    std::string proof_source() const {
        const Deadline* d = a.deadline("proof_due");
        return d ? d->source : std::string();
    }

    bool points_short_scheme() const { return is_points_short(a.regime); }
    std::string group() const { return std::to_string(reentry_group(a.regime)); }

    // " (6 weken voor het einde van de tijdelijke registratie)": how long before the end the
    // proof is due, from the dates computed (the rules file holds the number).
    long proof_days_before_end() const { return out.proof_due && out.period_to ? days_between(*out.proof_due, *out.period_to) : 0; }
    std::string before_end_nl() const {
        const long d = proof_days_before_end();
        if (d <= 0) return {};
        return " (" + (d % 7 == 0 ? std::to_string(d / 7) + (d == 7 ? " week" : " weken") : std::to_string(d) + (d == 1 ? " dag" : " dagen")) +
               " voor het einde van de tijdelijke registratie)";
    }
    std::string before_end_en() const {
        const long d = proof_days_before_end();
        if (d <= 0) return {};
        return " (" + (d % 7 == 0 ? std::to_string(d / 7) + (d == 7 ? " week" : " weeks") : std::to_string(d) + (d == 1 ? " day" : " days")) +
               " before the temporary registration ends)";
    }
    std::string scheme_source() const { return source_of(std::string(regime_id(a.regime)) + "_applies", rs.cite("application_form")); }

    void plan_period() {
        if (const Deadline* d = a.deadline("temporary_start")) out.period_from = d->date;
        if (const Deadline* d = a.deadline("temporary_end")) out.period_to = d->date;
        if (const Deadline* d = a.deadline("proof_due")) out.proof_due = d->date;
        for (const auto& r : a.reasons) out.supervisor_assessment_required = out.supervisor_assessment_required || r.id == "supervisor_assessment";
        for (size_t i = 0; i < p.activities.size(); ++i)
            if (is_planned(p.activities[i], a.check_date)) out.planned.push_back(i);
        std::stable_sort(out.planned.begin(), out.planned.end(),
                         [&](size_t x, size_t y) { return p.activities[x].date < p.activities[y].date; });
    }

    // The activities an assessor will accept as part of the plan: dated after the check and
    // no later than the day the proof is due.
    bool in_plan_window(const Activity& act) const { return !out.proof_due || act.date <= *out.proof_due; }

    void applicant() {
        const Application& ap = p.application;
        std::vector<std::string> missing;
        std::string field;
        if (blank(ap.name)) missing.push_back(tr("je naam", "your name")), field = "application.name";
        if (blank(ap.registration_number)) {
            missing.push_back(tr("je registratienummer", "your registration number"));
            if (field.empty()) field = "application.registration_number";
        }
        if (missing.empty())
            add("applicant", CheckStatus::ok, tr("Naam en registratienummer zijn ingevuld.", "Name and registration number are filled in."), {}, rs.cite("application_form"));
        else
            add("applicant", CheckStatus::problem,
                tr("Vul ", "Fill in ") + missing[0] + (missing.size() > 1 ? tr(" en ", " and ") + missing[1] : "") + tr(" in.", "."),
                tr("Alleen volledig ingevulde aanvragen worden in behandeling genomen.", "Only complete applications are taken into processing."),
                rs.cite("application_form"), field);
    }

    void definition() {
        std::string why;
        for (const auto& r : a.reasons)
            if (r.id == std::string(regime_id(a.regime)) + "_applies") why = r.text.in(lang);
        add("definition", CheckStatus::ok,
            tr("Je valt binnen de definitie van de regeling: ", "You fall within the definition of the scheme: ") + a.regime_name.in(lang) + ".", why,
            scheme_source());
        // What the assessment itself warns about bears on "does the applicant fall within the
        // definition?": an assessor will ask about it. Filing too early cannot succeed at all.
        for (const auto& w : a.warnings) {
            if (w.id == "too_early")
                add("definition_" + w.id, CheckStatus::problem, w.text.in(lang),
                    tr("Een aanvraag vóór die datum wordt niet in behandeling genomen.", "An application before that date is not considered."),
                    w.source, "registration.period_start");
            else if (w.id == "short_break" || w.id == "group3_points_met" || w.id == "no_initial_registration" ||
                     w.id == "hours_spread" || w.id == "period_running")
                add("definition_" + w.id, CheckStatus::info, w.text.in(lang), {}, w.source);
        }
    }

    void circumstances() {
        const Application& ap = p.application;
        std::string names;
        for (const auto& c : p.circumstances) names += (names.empty() ? "" : ", ") + circumstance_label(c, lang);
        const std::string src = points_short_scheme() ? source_of("no_circumstances", rs.cite("circumstances")) : rs.cite("reentry_criteria");
        if (p.circumstances.empty()) {
            add("circumstances", points_short_scheme() ? CheckStatus::problem : CheckStatus::info,
                tr("Je hebt geen bijzondere omstandigheden gekozen.", "You chose no special circumstances."),
                tr("Geef ze op bij de stap Registratie. De beoordelaars vragen ernaar.", "Add them in the Registration step. The assessors ask for them."),
                src, "circumstances");
        } else {
            add("circumstances", CheckStatus::ok, tr("Bijzondere omstandigheden: ", "Special circumstances: ") + names + ".", {}, src, "circumstances");
        }
        // When: a period the assessors can relate to the missing points.
        if (ap.circumstances_from && ap.circumstances_to && *ap.circumstances_to < *ap.circumstances_from) {
            add("circumstances_period", CheckStatus::problem,
                tr("De periode van de omstandigheden eindigt vóór hij begint.", "The period of the circumstances ends before it starts."),
                date(*ap.circumstances_from) + " – " + date(*ap.circumstances_to), src, "application.circumstances_to");
        } else if (!ap.circumstances_from) {
            add("circumstances_period", CheckStatus::info,
                tr("Geef aan vanaf wanneer de omstandigheden speelden.", "Say from when the circumstances applied."),
                tr("Een einddatum mag leeg blijven als ze nog spelen.", "The end may stay empty if they still apply."), src,
                "application.circumstances_from");
        } else {
            add("circumstances_period", CheckStatus::ok,
                tr("Periode: ", "Period: ") + date(*ap.circumstances_from) + " – " +
                    (ap.circumstances_to ? date(*ap.circumstances_to) : tr("heden", "present")) + ".",
                {}, src, "application.circumstances_from");
        }
        require_text("reasons", ap.reasons, "application.reasons",
                     "Je beschrijft waarom je niet aan de eisen kon voldoen.", "You describe why you could not meet the criteria.",
                     "Beschrijf kort waarom je niet aan de eisen hebt kunnen voldoen.", "Describe briefly why you could not meet the criteria.",
                     points_short_scheme() ? rs.cite("points_plan") : rs.cite("reentry_plan"));
    }

    void activities() {
        const std::string src = points_short_scheme() ? rs.cite("circumstances") : rs.cite("reentry_criteria");
        if (a.plan.points_missing <= 0) {
            add("points_missing", CheckStatus::ok, tr("Je punten zijn voldoende; het plan hoeft geen punten in te halen.", "Your points suffice; the plan need not make up points."), {}, src);
        } else {
            add("points_missing", CheckStatus::info,
                tr("Je moet nog " + num(a.plan.points_missing) + " punten halen.", "You still need " + num(a.plan.points_missing) + " points."),
                out.proof_due ? tr("Het bewijs lever je uiterlijk " + date(*out.proof_due) + " in" + before_end_nl() + ".",
                                   "The proof is due by " + date(*out.proof_due) + before_end_en() + ".")
                              : std::string(),
                src);
            if (out.planned.empty())
                add("planned_activities", CheckStatus::problem,
                    tr("Je plan bevat nog geen geplande activiteiten.", "Your plan holds no planned activities yet."),
                    tr("Voeg activiteiten toe met een datum na de peildatum: titel, aanbieder, datum en punten.",
                       "Add activities dated after the check date: title, provider, date and points."),
                    src, "activities");
        }
        // Concrete and measurable: which course, when, by whom, how many points (001 §1.4).
        bool all_complete = true, all_in_window = true;
        for (size_t n = 0; n < out.planned.size(); ++n) {
            const size_t i = out.planned[n];
            const Activity& act = p.activities[i];
            const std::string path = "activities[" + std::to_string(i) + "]";
            const std::string label = blank(act.title) ? tr("Activiteit op ", "Activity on ") + date(act.date) : "'" + act.title + "'";
            std::vector<std::string> missing;
            std::string field;
            if (blank(act.title)) missing.push_back(tr("titel", "title")), field = path + ".title";
            if (blank(act.provider)) {
                missing.push_back(tr("aanbieder", "provider"));
                if (field.empty()) field = path + ".provider";
            }
            if (act.points <= 0) {
                missing.push_back(tr("punten", "points"));
                if (field.empty()) field = path + ".points";
            }
            if (!missing.empty()) {
                all_complete = false;
                std::string list;
                for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
                add("activity_fields", CheckStatus::problem, label + ": " + tr("vul nog in: ", "still fill in: ") + list + ".",
                    tr("De beoordelaars willen per activiteit weten wat, wanneer, door wie en hoeveel punten.",
                       "The assessors want to know, per activity, what, when, by whom and how many points."),
                    src, field);
            }
            if (!in_plan_window(act)) {
                all_in_window = false;
                add("plan_dates", CheckStatus::problem,
                    label + tr(" ligt na " + date(*out.proof_due) + ", de datum waarop je het bewijs moet inleveren.",
                               " falls after " + date(*out.proof_due) + ", the day your proof is due."),
                    tr("Plan deze activiteit eerder: wat later valt, telt niet mee voor je plan.", "Plan it earlier: what falls later does not count for your plan."),
                    proof_source(), path + ".date");
            }
        }
        if (!out.planned.empty() && all_complete)
            add("activity_fields", CheckStatus::ok,
                tr("Elke geplande activiteit heeft een titel, aanbieder, datum en punten.", "Every planned activity has a title, provider, date and points."), {}, src);
        if (!out.planned.empty() && all_in_window && out.proof_due)
            add("plan_dates", CheckStatus::ok,
                tr("Alle geplande activiteiten vallen uiterlijk op " + date(*out.proof_due) + ".", "Every planned activity falls on or before " + date(*out.proof_due) + "."),
                {}, proof_source());
    }

    void coverage() {
        out.coverage = planned.coverage;
        for (const PlanCoverage& cov : out.coverage) {
            const CriterionResult& c = *a.criterion(cov.criterion);
            const std::string name = criterion_label(c.id, rs, lang);
            // A threshold the person filled in has no source to cite: it is their own number.
            const std::string source = c.source == kPortfolioThresholdsSource ? std::string() : c.source;
            const std::string figures = tr("ontbreekt " + num(cov.missing) + ", gepland " + num(cov.planned),
                                           "missing " + num(cov.missing) + ", planned " + num(cov.planned));
            if (cov.covered())
                add("points_cover_" + c.id, CheckStatus::ok, name + ": " + tr("je plan dekt het tekort", "your plan covers the shortfall") + " (" + figures + ").", {}, source);
            else
                add("points_cover_" + c.id, CheckStatus::problem,
                    name + ": " + tr("je plan dekt het tekort niet", "your plan does not cover the shortfall") + " (" + figures + ").",
                    c.id == "points_total" ? tr("Plan nog " + num(cov.missing - cov.planned) + " punten.", "Plan " + num(cov.missing - cov.planned) + " more points.")
                                           : tr("Plan nog " + num(cov.missing - cov.planned) + " punten van dit soort.", "Plan " + num(cov.missing - cov.planned) + " more points of this kind."),
                    source, "activities");
        }
    }

    void hours_plan() {
        if (!a.plan.hours_required) return;
        const HoursPlan& hp = p.application.hours_plan;
        const std::string src = source_of("hours_required", rs.cite("reentry_plan"));
        // The hours are part of the plan, and the plan must be proven carried out by the proof
        // date, 6 weeks before the temporary registration ends (001 §1.3, §2.2): they count to then.
        const std::optional<Date> plan_end = out.proof_due ? out.proof_due : out.period_to;
        out.hours_from = planned.hours_from;
        out.hours_to = planned.hours_to;
        if (out.hours_from && out.hours_to && !(*out.hours_from < *out.hours_to)) {
            add("hours_plan", CheckStatus::problem, tr("De periode van je urenplan eindigt vóór hij begint.", "Your hours plan ends before it starts."),
                date(*out.hours_from) + " – " + date(*out.hours_to), src, hp.to ? "application.hours_plan.to" : "application.hours_plan.from");
            return;
        }
        if (out.period_from && plan_end && ((hp.from && *hp.from < *out.period_from) || (hp.to && *hp.to > *plan_end))) {
            add("hours_period", CheckStatus::problem,
                tr("Je urenplan valt buiten de periode van je plan (" + date(*out.period_from) + " – " + date(*plan_end) + ").",
                   "Your hours plan falls outside your plan's period (" + date(*out.period_from) + " – " + date(*plan_end) + ")."),
                tr("Alleen uren die je vóór de bewijsdatum kunt aantonen, tellen voor je plan.", "Only hours you can prove by the proof date count for your plan."),
                src, hp.from && *hp.from < *out.period_from ? "application.hours_plan.from" : "application.hours_plan.to");
            return;
        }
        if (!hp.hours_per_week || *hp.hours_per_week <= 0) {
            add("hours_plan", CheckStatus::problem,
                tr("Vul in hoeveel uur per week je gaat werken.", "Fill in how many hours a week you will work."),
                tr("Nodig: minimaal " + num(*a.plan.hours_required) + " uur in de tijdelijke registratie.",
                   "Needed: at least " + num(*a.plan.hours_required) + " hours in the temporary registration."),
                src, "application.hours_plan.hours_per_week");
        } else if (out.hours_from && out.hours_to) {
            const double weeks = double(days_between(*out.hours_from, *out.hours_to)) / 7.0;   // > 0: checked above
            out.planned_hours = planned.planned_hours;
            const std::string figures = tr(num(*hp.hours_per_week) + " uur per week × " + num(weeks) + " weken = " + num(*out.planned_hours) + " uur; nodig " + num(*a.plan.hours_required),
                                           num(*hp.hours_per_week) + " hours a week × " + num(weeks) + " weeks = " + num(*out.planned_hours) + " hours; needed " + num(*a.plan.hours_required));
            if (planned.hours_covered())
                add("hours_plan", CheckStatus::ok, tr("Je urenplan haalt de vereiste uren.", "Your hours plan reaches the required hours."), figures, src,
                    "application.hours_plan.hours_per_week");
            else
                add("hours_plan", CheckStatus::problem, tr("Je urenplan haalt de vereiste uren niet.", "Your hours plan falls short of the required hours."),
                    figures + tr(". Werk ongeveer " + num(std::ceil(*a.plan.hours_required / weeks)) + " uur per week.",
                                 ". Work about " + num(std::ceil(*a.plan.hours_required / weeks)) + " hours a week."),
                    src, "application.hours_plan.hours_per_week");
        }
        if (blank(hp.workplace) && blank(hp.description))
            add("hours_where", CheckStatus::problem,
                tr("Beschrijf waar en hoe je de uren gaat werken.", "Describe where and how you will work the hours."),
                tr("Bijvoorbeeld de praktijk of werkgever en de begeleiding daar.", "For instance the practice or employer and the supervision there."), rs.cite("reentry_plan"),
                "application.hours_plan.workplace");
        else
            add("hours_where", CheckStatus::ok, tr("Je beschrijft waar je de uren werkt.", "You describe where you will work the hours."), {}, rs.cite("reentry_plan"));
    }

    void reentry_plans() {
        const Application& ap = p.application;
        const bool group1 = a.regime == Regime::reentry_1;
        if (ap.evc.chosen) {
            std::vector<std::pair<const std::string*, const char*>> parts = {
                {&ap.evc.institution, "application.evc.institution"}, {&ap.evc.result, "application.evc.result"}, {&ap.evc.plan, "application.evc.plan"}};
            std::string field;
            for (const auto& [value, f] : parts)
                if (blank(*value) && field.empty()) field = f;
            if (field.empty())
                add("evc", CheckStatus::ok,
                    tr("EVC-route: hogeschool, resultaat van het assessment en scholings- en begeleidingsplan zijn ingevuld.",
                       "EVC route: university, assessment result and training and mentoring plan are filled in."),
                    tr("Die vervangen de zelfevaluatie en je eigen plannen.", "They replace the self-evaluation and your own plans."), rs.cite("reentry_plan"));
            else
                add("evc", CheckStatus::problem,
                    tr("Vul de EVC-route volledig in: hogeschool, resultaat van het assessment en het plan van de hogeschool.",
                       "Complete the EVC route: university, assessment result and the university's plan."),
                    {}, rs.cite("reentry_plan"), field);
            return;
        }
        // The self-evaluation: every competence of the profile, weighed with the questions the
        // applicant "can ask" (001 §2.1, 002). A competence left out entirely is a gap an assessor
        // returns; one with some questions open is worth a second look, not a rejection.
        const auto& comps = competences_for(rs, p.profession);
        const std::string src = rs.competences_source.empty() ? rs.cite("reentry_plan") : rs.competences_source;
        std::vector<std::string> missing, partial;
        std::string field;
        for (size_t i = 0; i < comps.size(); ++i) {
            const CompetenceAnswers* ans = ap.find_answers(comps[i].id);
            const int answered = ans ? int(std::count_if(ans->answers.begin(), ans->answers.end(), [](const std::string& s) { return !blank(s); })) : 0;
            const std::string label = comps[i].name.in(lang) + " (" + std::to_string(answered) + "/" + std::to_string(kSelfEvaluationQuestions) + ")";
            if (answered == 0) missing.push_back(label);
            else if (answered < kSelfEvaluationQuestions) partial.push_back(label);
            if (answered < kSelfEvaluationQuestions && field.empty()) field = "application.self_evaluation." + comps[i].id;
        }
        auto join = [](const std::vector<std::string>& v) {
            std::string list;
            for (const auto& s : v) list += (list.empty() ? "" : ", ") + s;
            return list;
        };
        if (comps.empty())
            add("self_evaluation", CheckStatus::info,
                tr("Het register geeft geen lijst van competenties; beschrijf je zelfevaluatie in je scholingsplan.",
                   "The register gives no list of competences; describe your self-evaluation in your training plan."),
                {}, rs.cite("reentry_plan"));
        else if (!missing.empty())
            add("self_evaluation", CheckStatus::problem, tr("De zelfevaluatie is nog niet volledig.", "The self-evaluation is not complete yet."),
                tr("Nog niet beschreven: ", "Not described yet: ") + join(missing) + ".", src, field);
        else if (!partial.empty())
            add("self_evaluation", CheckStatus::info,
                tr("De zelfevaluatie beschrijft alle competenties; bij sommige staan nog vragen open.",
                   "The self-evaluation describes every competence; some questions are still open."),
                tr("Nog open: ", "Still open: ") + join(partial) + ".", src, field);
        else
            add("self_evaluation", CheckStatus::ok,
                tr("De zelfevaluatie beantwoordt " + self_evaluation_questions(lang) + " voor alle " + std::to_string(comps.size()) + " competenties.",
                   "The self-evaluation answers " + self_evaluation_questions(lang) + " for all " + std::to_string(comps.size()) + " competences."),
                {}, src);
        // Group 1 has met the points: 001 Bijlage 1 asks no training plan of it.
        if (group1 && blank(ap.training_plan))
            add("training_plan", CheckStatus::info,
                tr("Een scholingsplan is voor groep " + group() + " niet verplicht.", "A training plan is not required for group " + group() + "."), {}, rs.cite("scheme_table"),
                "application.training_plan");
        else
            require_text("training_plan", ap.training_plan, "application.training_plan",
                         "Je scholingsplan beschrijft hoe je de hiaten uit de zelfevaluatie opvult.",
                         "Your training plan describes how you fill the gaps the self-evaluation showed.",
                         "Beschrijf je scholingsplan: hoe vul je de hiaten uit de zelfevaluatie op?",
                         "Describe your training plan: how will you fill the gaps the self-evaluation showed?", rs.cite("reentry_plan"));
        require_text("mentoring_plan", ap.mentoring_plan, "application.mentoring_plan", "Je begeleidingsplan is beschreven.",
                     "Your mentoring plan is described.", "Beschrijf je begeleidingsplan.", "Describe your mentoring plan.", rs.cite("reentry_plan"));
    }

    void supervision() {
        const Supervision& s = p.application.supervision;
        const std::string src = rs.cite("reentry_criteria");
        if (blank(s.name) || blank(s.registration_number))
            add("supervisor", CheckStatus::problem,
                tr("Vul naam en registratienummer van je supervisor in.", "Fill in your supervisor's name and registration number."), {}, src,
                blank(s.name) ? "application.supervision.name" : "application.supervision.registration_number");
        else
            add("supervisor", CheckStatus::ok, tr("Supervisor: ", "Supervisor: ") + s.name + " (" + s.registration_number + ").", {}, src);
        if (!s.periodically_registered)
            add("supervisor_registered", CheckStatus::problem,
                tr("Geef aan of je supervisor periodiek geregistreerd is.", "Say whether your supervisor is periodically registered."), {}, src,
                "application.supervision.periodically_registered");
        else if (!*s.periodically_registered)
            add("supervisor_registered", CheckStatus::problem,
                tr("Je supervisor is niet periodiek geregistreerd.", "Your supervisor is not periodically registered."),
                tr("De beoordelaars vragen een periodiek geregistreerde supervisor; kies zo iemand.",
                   "The assessors ask for a periodically registered supervisor; choose one."),
                src, "application.supervision.periodically_registered");
        else
            add("supervisor_registered", CheckStatus::ok, tr("Je supervisor is periodiek geregistreerd.", "Your supervisor is periodically registered."), {}, src);
        if (!s.hours || *s.hours <= 0)
            add("supervision_hours", CheckStatus::problem,
                tr("Vul in hoeveel uur supervisie geregeld is.", "Fill in how many hours of supervision are arranged."), {}, src,
                "application.supervision.hours");
        else
            add("supervision_hours", CheckStatus::ok, tr(num(*s.hours) + " uur supervisie geregeld.", num(*s.hours) + " hours of supervision arranged."), {}, src);
        require_text("supervision_evaluation", s.evaluation, "application.supervision.evaluation",
                     "Je beschrijft hoe het supervisietraject wordt geëvalueerd en beoordeeld.",
                     "You describe how the supervision is evaluated and assessed.",
                     "Beschrijf hoe het supervisietraject wordt geëvalueerd en beoordeeld.",
                     "Describe how the supervision will be evaluated and assessed.", src);

        // Group 3: the supervisor assesses the result midway and at the end (001 Bijlage 1).
        if (!out.supervisor_assessment_required) return;
        const std::string req_src = source_of("supervisor_assessment", rs.cite("scheme_table"));
        if (!s.interim_assessment || !s.final_assessment) {
            add("supervisor_assessment", CheckStatus::problem,
                tr("Plan de tussentijdse en de eindbeoordeling door je supervisor (verplicht voor groep " + group() + ").",
                   "Plan the interim and the final assessment by your supervisor (required for group " + group() + ")."),
                {}, req_src, !s.interim_assessment ? "application.supervision.interim_assessment" : "application.supervision.final_assessment");
        } else if (!(*s.interim_assessment < *s.final_assessment)) {
            add("supervisor_assessment", CheckStatus::problem,
                tr("De tussentijdse beoordeling moet vóór de eindbeoordeling liggen.", "The interim assessment must come before the final one."),
                date(*s.interim_assessment) + " / " + date(*s.final_assessment), req_src, "application.supervision.interim_assessment");
        } else if ((out.period_from && *s.interim_assessment < *out.period_from) || (out.proof_due && *s.final_assessment > *out.proof_due)) {
            add("supervisor_assessment", CheckStatus::problem,
                tr("De beoordelingen moeten binnen je tijdelijke registratie vallen, de eindbeoordeling uiterlijk " + (out.proof_due ? date(*out.proof_due) : std::string()) + ".",
                   "The assessments must fall inside your temporary registration, the final one by " + (out.proof_due ? date(*out.proof_due) : std::string()) + "."),
                tr("Dan kan de eindbeoordeling mee als bewijs.", "Then the final assessment can go with your proof."), req_src,
                out.period_from && *s.interim_assessment < *out.period_from ? "application.supervision.interim_assessment" : "application.supervision.final_assessment");
        } else {
            add("supervisor_assessment", CheckStatus::ok,
                tr("Supervisor beoordeelt tussentijds op " + date(*s.interim_assessment) + " en aan het eind op " + date(*s.final_assessment) + ".",
                   "Supervisor assesses midway on " + date(*s.interim_assessment) + " and at the end on " + date(*s.final_assessment) + "."),
                {}, req_src);
        }
    }

    void reminders() {
        int non_accredited = 0;
        for (const auto& act : p.activities)
            if (!act.accredited && !is_planned(act, a.check_date) && a.window.contains(act.date)) ++non_accredited;
        if (non_accredited > 0)
            add("evidence", CheckStatus::info,
                tr("Upload in je digitale portfolio bewijs van je " + std::to_string(non_accredited) + " niet-geaccrediteerde activiteit" + (non_accredited == 1 ? "" : "en") + ".",
                   "Upload evidence of your " + std::to_string(non_accredited) + " non-accredited activit" + (non_accredited == 1 ? "y" : "ies") + " to your digital portfolio."),
                {}, points_short_scheme() ? rs.cite("points_plan") : rs.cite("reentry_plan"));
        add("work_experience_form", CheckStatus::info,
            tr("Vul in je digitale portfolio ook het formulier werkervaring in, met bewijs.", "Also fill in the work-experience form in your digital portfolio, with evidence."),
            {}, points_short_scheme() ? rs.cite("points_plan") : rs.cite("reentry_plan"));
    }

    ApplicationCheck run() {
        plan_period();
        if (!has_application_form(a.regime)) return std::move(out);
        applicant();
        definition();
        circumstances();
        activities();
        coverage();
        if (is_reentry(a.regime)) {
            hours_plan();
            reentry_plans();
            supervision();
        }
        reminders();
        return std::move(out);
    }
};

}  // namespace

ApplicationCheck check_application(const Portfolio& p, const Assessment& a, const RuleSet& rs, std::string_view lang) {
    if (!has_for_marks(p) && p.other_registrations.empty()) return Checker{Wording(lang), p, a, rs, {}}.run();
    // More than one registration: the form is the named one's, with the entries it counts;
    // "go to" still points at the entry as the portfolio numbers it.
    const RegistrationView v = counted_view(p, 0, rs);
    ApplicationCheck check = Checker{Wording(lang), v.portfolio, a, rs, {}}.run();
    for (CheckItem& item : check.items) item.field = portfolio_field(item.field, v);
    return check;
}

}  // namespace herreg
