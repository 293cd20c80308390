// The assessment engine: count, compare, decide the scheme, date the deadlines.
// The order follows domain.md's regime decision; every step records why.
#include "assessment/assessment.h"

#include "input/input_error.h"
#include "text/labels.h"
#include "text/number_format.h"
#include "rules/rulebook.h"
#include "portfolio/registrations.h"
#include "dates/working_days.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace herreg {

namespace {

constexpr double kEpsilon = 1e-9;

std::string nl_num(double x) { return format_number(x, "nl"); }
std::string en_num(double x) { return format_number(x, "en"); }
double round2(double x) { return std::round(x * 100.0) / 100.0; }

// Names of the outcomes no rules file names (they are not schemes of a register).
Text generic_name(Regime regime) { return {regime_label(regime, "nl"), regime_label(regime, "en")}; }

// The id a reason or note of a scheme is named by ("dispensation_applies").
std::string id_of(Regime r) { return std::string(regime_id(r)); }

// Whole number of a Sourced value known to be small (months, years, days).
// A number of the rules this outcome needs. A rules file may leave any number open (null); one
// that is needed here and left open is said, never read (it was undefined behaviour).
int whole(const Sourced& s) {
    if (!s.value) throw InputError("rules", Message{"rules.number_needed", {s.source}});
    return int(std::lround(*s.value));
}

// A span of months as a reader says it: whole years as years ("5 jaar"), else months.
std::string nl_span(int months) {
    if (months % 12 == 0) return std::to_string(months / 12) + " jaar";
    return std::to_string(months) + (months == 1 ? " maand" : " maanden");
}
std::string en_span(int months) {
    if (months % 12 == 0) return std::to_string(months / 12) + (months == 12 ? " year" : " years");
    return std::to_string(months) + (months == 1 ? " month" : " months");
}

struct Engine {
    Engine(const Portfolio& portfolio, const RuleSet& rules) : p(portfolio), rs(rules) {}
    const Portfolio& p;
    const RuleSet& rs;
    const RuleVersion* v = nullptr;
    Assessment a;
    bool registered = false;
    Date period_start, period_end;
    std::optional<Date> last_filing_day;   // empty when the register gives no late window
    bool expired_specialisation = false;

    void reason(std::string id, std::string nl, std::string en, std::string source) {
        a.reasons.push_back({std::move(id), {std::move(nl), std::move(en)}, std::move(source)});
    }
    void warn(std::string id, std::string nl, std::string en, std::string source) {
        a.warnings.push_back({std::move(id), {std::move(nl), std::move(en)}, std::move(source)});
    }
    void note(const Note& n, const std::string& id) {
        Reason r{id, n.text, n.source};
        (n.warning ? a.warnings : a.reasons).push_back(std::move(r));
    }
    void deadline(std::string id, Date d, std::string source) { a.deadlines.push_back({std::move(id), d, std::move(source)}); }

    void check_input() {
        if (!p.check_date) throw InputError("check_date", Message{"json.missing"});
        // A draft from the app may hold what read_portfolio refuses in files: check it here.
        if (p.registration.period_start && p.registration.period_end &&
            *p.registration.period_end <= *p.registration.period_start)
            throw InputError("registration.period_end", Message{"portfolio.period_end_before_start", {to_iso(*p.registration.period_start)}});
        for (size_t i = 0; i < p.hours.size(); ++i)
            if (p.hours[i].to < p.hours[i].from)
                throw InputError("hours[" + std::to_string(i) + "].to",
                                 Message{"portfolio.ends_before_start", {to_iso(p.hours[i].from), to_iso(p.hours[i].to)}});
        if (p.registration.initial && !p.registration.period_start)
            throw InputError("registration.period_start", Message{"portfolio.period_start_missing"});
        check_names(p, rs);   // categories, kinds, thresholds: the same check as an opened file gets
    }

    void place_in_calendar() {
        const Date check = *p.check_date;
        a.check_date = check;
        registered = p.registration.initial;
        bool before_all = false;
        if (registered) {
            period_start = *p.registration.period_start;
            v = &rs.version_for(period_start, &before_all);
            period_end = p.registration.period_end.value_or(add_years(period_start, whole(v->period_years)));
        } else {
            v = &rs.version_for(check, &before_all);
        }
        auto warn_if_before_all = [&] {
            if (!before_all) return;
            warn("criteria_version_before_all",
                 "De periode begon vóór de oudste bekende criteriaset; herreg rekent met de set vanaf " +
                     to_dutch(*v->effective_from) + ". Controleer de criteria die voor jouw periode golden.",
                 "The period began before the oldest criteria set known; herreg uses the set from " +
                     to_dutch(*v->effective_from) + ". Check the criteria that applied to your period.",
                 v->source);
        };

        const Window last_five_years{add_days(add_years(check, -whole(v->period_years)), 1), add_days(check, 1)};
        if (!registered) {
            warn_if_before_all();
            a.filing = Filing::NotRegistered;
            a.window = last_five_years;
            reason("window_last_years",
                   "Zonder initiële registratie telt alles uit de laatste " + nl_num(*v->period_years.value) + " jaar vóór de peildatum.",
                   "Without an initial registration everything in the " + en_num(*v->period_years.value) + " years before the check date counts.",
                   rs.cite("last_years_window"));
            return;
        }
        if (check < period_start)
            throw InputError("check_date", Message{"portfolio.check_date_before_period", {to_iso(period_start)}});

        const auto& ex = v->expired_specialisation;
        if (ex && ex->after_months.known() && check > add_months(period_end, whole(ex->after_months))) {
            expired_specialisation = true;
            a.filing = Filing::Lapsed;
            a.window = last_five_years;
            return;
        }
        if (v->late_filing_months.known()) last_filing_day = add_months(period_end, whole(v->late_filing_months));
        if (check > last_filing_day.value_or(period_end)) {
            // A new registration is judged by the criteria in force now, not those of the old period.
            v = &rs.version_for(check, &before_all);
            warn_if_before_all();
            a.filing = Filing::Lapsed;
            a.window = last_five_years;
            warn("registration_lapsed",
                 "Je registratieperiode liep af op " + to_dutch(period_end) + " en is niet op tijd verlengd: je staat nu in het diplomaregister. herreg telt daarom de laatste " + nl_num(*v->period_years.value) + " jaar tot de peildatum. Zodra je aan de criteria voldoet, kun je opnieuw herregistratie aanvragen.",
                 "Your registration period ended on " + to_dutch(period_end) + " and was not renewed in time: you are now in the diploma register. herreg therefore counts the last " + en_num(*v->period_years.value) + " years up to the check date. Once you meet the criteria you can apply again.",
                 rs.cite("lapsed_registration"));
            return;
        }
        warn_if_before_all();
        a.window = Window{period_start, period_end};
        if (check >= period_end && last_filing_day) a.filing = Filing::LateWindow;
        else if (v->earliest_months.known() && check < add_months(period_start, whole(v->earliest_months))) a.filing = Filing::TooEarly;
        else a.filing = Filing::Open;
        reason("window_period",
               "Alleen wat binnen je registratieperiode van " + to_dutch(period_start) + " tot " + to_dutch(period_end) + " valt, telt mee.",
               "Only what falls inside your registration period from " + to_dutch(period_start) + " to " + to_dutch(period_end) + " counts.",
               rs.cite("period_window"));
    }

    // Threshold for a criterion: the portfolio's own number overrides the rules file.
    std::pair<std::optional<double>, std::string> threshold(const std::string& id, const Sourced* from_rules) const {
        if (auto it = p.thresholds.find(id); it != p.thresholds.end()) return {it->second, kPortfolioThresholdsSource};
        if (from_rules) return {from_rules->value, from_rules->source};
        return {std::nullopt, ""};
    }

    std::vector<std::string> criterion_ids() const {
        std::vector<std::string> ids;
        for (const auto& [id, _] : v->criteria) ids.push_back(id);
        for (const auto& [id, _] : p.thresholds) {
            if (std::find(ids.begin(), ids.end(), id) != ids.end()) continue;
            rs.require_criterion(id, "thresholds." + id);
            ids.push_back(id);
        }
        return ids;
    }

    std::vector<CriterionResult> judge(const Tally& t) const {
        std::vector<CriterionResult> out;
        for (const std::string& id : criterion_ids()) {
            CriterionResult c;
            c.id = id;
            auto [req, src] = threshold(id, v->criterion(id));
            c.required = req;
            c.source = src;
            if (id == "hours") c.achieved = t.hours;
            else if (id == "points_total") c.achieved = t.points_total, c.non_accredited = t.points_non_accredited;
            else if (id == "points_accredited") c.achieved = t.points_accredited;
            else {
                const std::string cat = id.substr(7);
                auto it = t.points_by_category.find(cat);
                c.achieved = it == t.points_by_category.end() ? 0 : it->second;
                auto na = t.non_accredited_by_category.find(cat);
                c.non_accredited = na == t.non_accredited_by_category.end() ? 0 : na->second;
            }
            // Hours are pro rata: round to 2 decimals so 1599.9999999 does not fail 1600.
            c.achieved = std::round(c.achieved * 100.0) / 100.0;
            if (c.required) c.met = c.achieved + kEpsilon >= *c.required;
            out.push_back(c);
        }
        return out;
    }

    static std::optional<bool> all_met(const std::vector<CriterionResult>& cs) {
        bool any_known = false, all = true;
        for (const auto& c : cs) {
            if (!c.met) continue;
            any_known = true;
            all = all && *c.met;
        }
        return any_known ? std::optional<bool>(all) : std::nullopt;
    }

    // Hours / points sufficient? Empty when the needed thresholds are unknown.
    std::optional<bool> hours_ok() const {
        const CriterionResult* c = a.criterion("hours");
        if (!c) return true;
        return c->met;
    }
    std::optional<bool> points_ok() const {
        bool any = false, any_known = false, all = true;
        for (const auto& c : a.criteria) {
            if (!c.is_points()) continue;
            any = true;
            if (!c.met) continue;
            any_known = true;
            all = all && *c.met;
        }
        if (!any) return true;
        if (!any_known) return std::nullopt;
        return all;
    }

    void compute_plan_figures() {
        double total_short = 0, category_short = 0, accredited_short = 0;
        for (const auto& c : a.criteria) {
            if (!c.required || !c.met || *c.met) continue;
            const double short_by = *c.required - c.achieved;
            if (c.id == "hours") a.plan.hours_missing = short_by;
            else if (c.id == "points_total") total_short = short_by;
            else if (c.id == "points_accredited") accredited_short = short_by;
            else category_short += short_by;
        }
        // One extra point counts towards the total, its category and the accredited
        // minimum at once, so the least that closes every gap is the largest of the three.
        a.plan.points_missing = std::round(std::max({total_short, category_short, accredited_short}) * 100.0) / 100.0;
        a.plan.hours_missing = std::round(a.plan.hours_missing * 100.0) / 100.0;
    }

    void find_last_worked() {
        a.last_worked = p.last_worked;
        if (!a.last_worked) {
            // Hours that start after the check date are planned: they say nothing of when the
            // person last worked.
            for (const auto& entered : p.hours) {
                const HoursEntry h = as_worked(entered, a.check_date);
                if (h.hours > 0 && h.from <= a.check_date && (!a.last_worked || h.to > *a.last_worked)) a.last_worked = h.to;
            }
            if (a.last_worked && *a.last_worked > a.check_date) a.last_worked = a.check_date;
        }
        // Work before the window does not count as work in it (domain: no hours -> not worked in the window).
        if (a.last_worked && *a.last_worked >= add_years(a.check_date, -whole(v->period_years)))
            a.months_not_worked = std::max(0, whole_months_between(*a.last_worked, a.check_date));
    }

    // The source of a kind-level rule, from the first kind that has it (the engine names no kind).
    std::string kind_source(Sourced KindDef::*field) const {
        for (const auto& k : rs.kinds)
            if ((k.*field).known()) return (k.*field).source;
        return "";
    }

    // "1 punt telt", "2 punten tellen": a count of points not counted, noun and verb agreeing.
    static std::string nl_points_not_counted(double x) {
        return nl_num(x) + (std::fabs(x - 1) < kEpsilon ? " punt telt niet mee" : " punten tellen niet mee");
    }
    static std::string en_points(double x) { return en_num(x) + (std::fabs(x - 1) < kEpsilon ? " point" : " points"); }

    void meeting_warnings() {
        const Tally& t = a.tally;
        if (t.points_over_meeting_rate > 0)
            warn("points_over_meeting_rate",
                 nl_points_not_counted(t.points_over_meeting_rate) + ": voor dit soort activiteit telt elke bijeenkomst een vast aantal punten. Staat één regel voor meer bijeenkomsten, vul dan het aantal bijeenkomsten in.",
                 en_points(t.points_over_meeting_rate) + " not counted: this kind of activity counts a fixed number of points per meeting. If one entry stands for several meetings, fill in how many.",
                 kind_source(&KindDef::points_per_meeting));
        if (t.points_meetings_too_short > 0)
            warn("meetings_too_short",
                 nl_points_not_counted(t.points_meetings_too_short) + ": de bijeenkomsten waren korter dan dit soort activiteit vraagt.",
                 en_points(t.points_meetings_too_short) + " not counted: the meetings were shorter than this kind of activity requires.",
                 kind_source(&KindDef::min_meeting_hours));
        if (t.meetings_length_unknown > 0)
            warn("meeting_length_unknown",
                 (t.meetings_length_unknown == 1 ? std::string("Bij 1 activiteit staat") : "Bij " + std::to_string(t.meetings_length_unknown) + " activiteiten staat") + " niet hoe lang de bijeenkomst duurde. Dit soort activiteit telt alleen bij een minimale duur: vul de duur in, of controleer het zelf.",
                 (t.meetings_length_unknown == 1 ? std::string("1 activity does") : std::to_string(t.meetings_length_unknown) + " activities do") + " not say how long the meeting lasted. This kind counts only from a minimum length: fill in the length, or check it yourself.",
                 kind_source(&KindDef::min_meeting_hours));
    }

    // Entries with the same date, title and kind inside the window: likely typed or imported twice.
    void duplicate_warning() {
        std::vector<const Activity*> in;
        for (const auto& act : p.activities)
            if (a.window.contains(act.date)) in.push_back(&act);
        std::stable_sort(in.begin(), in.end(), [](const Activity* x, const Activity* y) {
            return std::tie(x->date, x->title, x->kind) < std::tie(y->date, y->title, y->kind);
        });
        // Each group of alike entries once, with how many there are: "3× ‘Intervisie’ op 12-03-2025".
        std::vector<std::pair<const Activity*, size_t>> groups;
        for (size_t i = 1; i < in.size(); ++i) {
            const Activity& x = *in[i - 1];
            const Activity& y = *in[i];
            if (!(x.date == y.date && x.title == y.title && x.kind == y.kind)) continue;
            if (!groups.empty() && groups.back().first->date == x.date && groups.back().first->title == x.title && groups.back().first->kind == x.kind)
                ++groups.back().second;
            else
                groups.emplace_back(in[i - 1], 2);
        }
        if (groups.empty()) return;
        bool all_pairs = true;
        std::string nl_list, en_list;
        for (size_t i = 0; i < groups.size(); ++i) {
            const auto& [act, n] = groups[i];
            all_pairs = all_pairs && n == 2;
            if (i >= 3) continue;
            const std::string times = n > 2 ? std::to_string(n) + "× " : "";
            const std::string title = act->title.empty() ? "(zonder titel)" : act->title;
            const std::string title_en = act->title.empty() ? "(untitled)" : act->title;
            nl_list += (i ? ", " : "") + (times + "‘" + title + "’ op " + to_dutch(act->date));
            en_list += (i ? ", " : "") + (times + "‘" + title_en + "’ on " + to_dutch(act->date));
        }
        if (groups.size() > 3) nl_list += " en nog " + std::to_string(groups.size() - 3), en_list += " and " + std::to_string(groups.size() - 3) + " more";
        warn("possible_duplicates",
             "Mogelijk dubbel ingevoerd (zelfde datum, titel en soort): " + nl_list +
                 (all_pairs ? ". Is het dezelfde activiteit, verwijder dan een van beide; beide tellen nu mee."
                            : ". Is het dezelfde activiteit, laat er dan één staan; nu tellen ze allemaal mee."),
             "Possibly entered more than once (same date, title and kind): " + en_list +
                 (all_pairs ? ". If it is the same activity, remove one; both count now." : ". If it is the same activity, keep one; all of them count now."),
             "");
    }

    void count_and_judge() {
        const Date check = a.check_date;
        a.tally = count(p, rs, a.window, check, check);
        a.criteria = judge(a.tally);
        a.meets = all_met(a.criteria);
        compute_plan_figures();

        // Planned work (activities dated, hours falling, after the check date): today's
        // figures plus it, to the period's end.
        int planned = 0;
        for (const auto& act : p.activities)
            if (is_planned(act, check) && a.window.contains(act.date)) ++planned;
        const Tally t = count(p, rs, a.window, check, add_days(a.window.to, -1));
        const double planned_hours = round2(t.hours - a.tally.hours);
        if (planned > 0 || planned_hours > 0) {
            Projection pr;
            pr.criteria = judge(t);
            pr.meets = all_met(pr.criteria);
            pr.planned_activities = planned;
            pr.planned_points = round2(t.points_total - a.tally.points_total);
            pr.planned_hours = planned_hours;
            a.projection = pr;
        }
        if (a.tally.points_capped_away > 0)
            warn("points_capped",
                 nl_num(a.tally.points_capped_away) + " punten tellen niet mee omdat het jaarmaximum voor dat soort activiteit al bereikt is.",
                 en_num(a.tally.points_capped_away) + " points do not count because the yearly maximum for that kind of activity was already reached.",
                 rs.kinds.empty() ? "" : rs.kinds.front().cap_per_year.source);
        meeting_warnings();
        duplicate_warning();
        for (const auto& c : a.criteria) {
            if (!c.required) {
                warn("threshold_unknown_" + c.id,
                     "De norm voor " + criterion_label(c.id, rs, "nl") + " staat niet in de bronnen; vul hem in om dit criterium te laten meetellen.",
                     "The threshold for " + criterion_label(c.id, rs, "en") + " is not in the sources; fill it in to have this criterion count.",
                     c.source);
            } else if (c.met && *c.met && c.is_points() && c.non_accredited > 0 && c.achieved - *c.required < 1 - kEpsilon) {
                warn("no_margin_" + c.id,
                     "Je haalt " + criterion_label(c.id, rs, "nl") + " precies, zonder marge, en " + nl_num(c.non_accredited) + " van die punten komen uit niet-geaccrediteerde activiteiten. Die tellen alleen als het bewijs wordt goedgekeurd.",
                     "You meet " + criterion_label(c.id, rs, "en") + " exactly, with no margin, and " + en_num(c.non_accredited) + " of those points come from non-accredited activities. They count only if the evidence is accepted.",
                     rs.cite("non_accredited_evidence"));
            }
        }
        if (v->hours_spread_months.known() && a.tally.first_hours_day && a.tally.last_hours_day) {
            const int spread = whole_months_between(*a.tally.first_hours_day, add_days(*a.tally.last_hours_day, 1));
            if (spread < whole(v->hours_spread_months))
                warn("hours_spread",
                     "Je uren liggen binnen " + std::to_string(spread) + " maanden; de werkervaring moet over minimaal " + std::to_string(whole(v->hours_spread_months)) + " maanden zijn opgedaan.",
                     "Your hours fall within " + std::to_string(spread) + " months; the work experience must be spread over at least " + std::to_string(whole(v->hours_spread_months)) + " months.",
                     v->hours_spread_months.source);
        }
        find_last_worked();
    }

    void set_temporary(int months, const Sourced& definitive, const Sourced& proof_days) {
        a.temporary_months = months;
        if (definitive.known()) a.definitive_years = whole(definitive);
        if (definitive.min) a.definitive_years_min = int(std::lround(*definitive.min));
        // The temporary registration follows on a current registration, else starts on the filing day (001 §1.1).
        const bool follows_current = registered && a.filing != Filing::Lapsed && period_end > a.check_date;
        const Date start = follows_current ? period_end : a.check_date;
        const Date end = add_months(start, months);
        deadline("temporary_start", start, rs.cite("temporary_start"));
        deadline("temporary_end", end, rs.cite("temporary_end"));
        std::optional<Date> proof_due;
        if (proof_days.known()) proof_due = add_days(end, -whole(proof_days));
        if (proof_due) deadline("proof_due", *proof_due, proof_days.source);
        if (a.definitive_years) deadline("definitive_end", add_years(end, *a.definitive_years), definitive.source);
        // The missing points must be in when the proof is due, not when the registration ends.
        a.plan.until = proof_due.value_or(end);
        a.plan.months = std::max(1, proof_due ? whole_months_between(start, *proof_due) : months);
        if (a.plan.points_missing > 0) a.plan.points_per_month = std::round(a.plan.points_missing / *a.plan.months * 10.0) / 10.0;
        if (registered && a.filing == Filing::Lapsed)
            reason("temporary_start_on_filing",
                   "Je registratie is verlopen: de tijdelijke registratie begint op de dag dat je indient, niet eerder. Dien daarom zo snel mogelijk in; elke dag later schuift alle datums op.",
                   "Your registration has lapsed: the temporary registration starts on the day you file, not earlier. File as soon as you can; every day later moves every date.",
                   rs.cite("temporary_start"));
        const Sourced* choice = v->procedure_value("start_choice_months_max");
        if (!registered && choice && choice->known())
            reason("start_choice",
                   "Met alleen een diplomaregistratie mag je een startdatum kiezen tot " + nl_span(whole(*choice)) + " na de indiening; zonder keuze geldt de datum van indienen.",
                   "With only a diploma registration you may choose a start date up to " + en_span(whole(*choice)) + " after filing; otherwise the filing date applies.",
                   choice->source);
    }

    void decide_expired() {
        const auto& ex = *v->expired_specialisation;
        a.regime = Regime::specialisation_expired;
        a.regime_name = ex.name;
        a.definitive_years = whole(ex.new_period_years);
        a.next_steps = ex.steps;
        reason("specialisation_expired",
               "Je specialisatieregistratie liep af op " + to_dutch(period_end) + " en is niet binnen " + std::to_string(whole(ex.after_months)) + " maanden verlengd. Een specialisatie heeft geen diplomaregister: er geldt een aparte procedure om weer te worden opgenomen.",
               "Your specialisation registration ended on " + to_dutch(period_end) + " and was not renewed within " + std::to_string(whole(ex.after_months)) + " months. A specialisation has no diploma register: a separate procedure applies to be listed again.",
               ex.source);
        reason("specialisation_window",
               "Bij een verlopen specialisatie kijkt het register naar je punten en uren over de laatste " + nl_span(12 * whole(v->period_years)) + "; herreg telt daarom vanaf " + to_dutch(a.window.from) + ".",
               "For an expired specialisation the register looks at your points and hours over the last " + en_span(12 * whole(v->period_years)) + "; herreg therefore counts from " + to_dutch(a.window.from) + ".",
               ex.source);
        // A new period only when the criteria are met: with too few points or hours there is none to date.
        if (a.meets && *a.meets) {
            deadline("new_period_start", a.check_date, ex.source);
            deadline("new_period_end", add_years(a.check_date, whole(ex.new_period_years)), ex.new_period_years.source);
        }
        if (a.meets && !*a.meets)
            warn("specialisation_short",
                 "Je haalt de criteria over de laatste " + nl_span(12 * whole(v->period_years)) + " nog niet. Je portfolio wordt pas heropend als punten en uren toereikend zijn.",
                 "You do not yet meet the criteria over the last " + en_span(12 * whole(v->period_years)) + ". Your portfolio is only reopened once points and hours suffice.",
                 ex.source);
    }

    void decide() {
        if (expired_specialisation) return decide_expired();

        const auto hours = hours_ok();
        const auto points = points_ok();
        if (hours && points && *hours && *points) {
            if (!registered && v->initial_and_periodic) {
                const auto& ip = *v->initial_and_periodic;
                a.regime = Regime::initial_and_periodic;
                a.regime_name = ip.name;
                a.definitive_years = whole(ip.registration_years);
                deadline("registration_end", add_years(a.check_date, *a.definitive_years), ip.registration_years.source);
                reason("initial_and_periodic",
                       "Je hebt nog geen initiële registratie maar voldoet over de afgelopen " + nl_span(12 * whole(v->period_years)) + " aan de criteria: je kunt je initieel en periodiek tegelijk registreren, voor " + nl_span(12 * *a.definitive_years) + ".",
                       "You have no initial registration yet but meet the criteria over the last " + en_span(12 * whole(v->period_years)) + ": you can register initially and periodically at once, for " + en_span(12 * *a.definitive_years) + ".",
                       ip.source);
            } else {
                a.regime = Regime::reregistration;
                a.regime_name = generic_name(Regime::reregistration);
                reason("criteria_met",
                       "Je voldoet aan alle bekende criteria: je kunt herregistratie aanvragen.",
                       "You meet every known criterion: you can apply for re-registration.",
                       v->source);
                if (!registered)
                    warn("no_initial_scheme",
                         "Dit register beschrijft geen aparte route voor wie nog niet geregistreerd is; neem contact op met het register.",
                         "This register describes no separate route for people not yet registered; contact the register.",
                         rs.about.source);
            }
            return;
        }
        if (!hours || (*hours && !points)) {
            a.reasons.push_back({"undecided",
                                 {"herreg kan nog geen regeling bepalen: een of meer normen zijn onbekend. Vul ze in bij de criteria.",
                                  "herreg cannot decide a scheme yet: one or more thresholds are unknown. Fill them in with the criteria."},
                                 rs.about.source});
            return;
        }
        if (*hours) return decide_points_short();
        decide_reentry(points);
    }


    void not_eligible() {
        a.regime = Regime::not_eligible;
        a.regime_name = generic_name(Regime::not_eligible);
    }

    // A special scheme's preconditions: an initial registration (001 and 002 Bijlage 1) and, for a
    // scheme that bars itself after a plan not carried out (001 §1.3, 002 Beoordeling), the answer
    // to whether that happened. False, with the reason, when the scheme cannot be used.
    bool scheme_open(const SchemeConditions& sc, const std::string& scheme_id, const Text& name) {
        const std::string nl = lower_first(name.nl), en = lower_first(name.en);
        if (!registered && sc.requires_initial_registration.value) {
            not_eligible();
            std::string route_nl = "Wat overblijft is een initiële registratie op grond van je diploma.";
            std::string route_en = "What remains is an initial registration on the strength of your diploma.";
            if (v->initial_and_periodic) {
                route_nl += " Voldoe je over de afgelopen " + nl_num(*v->period_years.value) + " jaar aan de criteria, dan kan ook de " + lower_first(v->initial_and_periodic->name.nl) + ".";
                route_en += " Once you meet the criteria over the last " + en_num(*v->period_years.value) + " years, " + lower_first(v->initial_and_periodic->name.en) + " is possible too.";
            }
            reason("initial_registration_required",
                   "Je voldoet niet aan alle criteria, en de " + nl + " is alleen voor wie al een initiële registratie heeft. " + route_nl,
                   "You do not meet every criterion, and the " + en + " is only for people with an initial registration. " + route_en,
                   sc.requires_initial_registration.source);
            return false;
        }
        if (!sc.no_reuse_after_unfinished_plan.value) return true;
        const auto answer = p.plan_not_carried_out.find(scheme_id);
        if (answer == p.plan_not_carried_out.end()) {
            warn("scheme_used_before_unasked",
                 "Heb je de " + nl + " al eens gebruikt zonder dat het plan van aanpak (volledig) is uitgevoerd? Dan kun je de regeling niet opnieuw gebruiken. Beantwoord de vraag bij de stap Registratie.",
                 "Have you used the " + en + " before without the plan being (fully) carried out? Then you cannot use it again. Answer the question in the Registration step.",
                 sc.no_reuse_after_unfinished_plan.source);
        } else if (answer->second) {
            not_eligible();
            reason("scheme_used_before",
                   "Je hebt de " + nl + " eerder gebruikt zonder dat het plan van aanpak (volledig) is uitgevoerd: dan kun je deze regeling niet opnieuw gebruiken. Neem contact op met het register over wat nog wel kan.",
                   "You used the " + en + " before without the plan being (fully) carried out: you cannot use this scheme again. Contact the register about what remains possible.",
                   sc.no_reuse_after_unfinished_plan.source);
            return false;
        }
        return true;
    }

    // The circumstances the schemes name, as examples in a sentence ("ziekte, zwangerschap, ...").
    static std::string circumstance_examples(std::string_view lang) {
        std::string out;
        for (const std::string& c : known_circumstances())
            if (c != "other") out += (out.empty() ? "" : ", ") + lower_first(circumstance_label(c, lang));
        return out;
    }

    void decide_points_short() {
        if (!v->points_short) return no_scheme();
        const auto& ps = *v->points_short;
        if (!scheme_open(ps, id_of(ps.regime), ps.name)) return;
        if (ps.requires_circumstances.value && p.circumstances.empty()) {
            a.regime = Regime::not_eligible;
            a.regime_name = generic_name(Regime::not_eligible);
            reason("no_circumstances",
                   "Je hebt genoeg uren maar te weinig punten. De " + lower_first(ps.name.nl) + " is alleen voor wie door bijzondere omstandigheden (" + circumstance_examples("nl") + ") punten tekortkomt. Je hebt geen omstandigheden opgegeven.",
                   "You have enough hours but too few points. The " + lower_first(ps.name.en) + " is only for people short of points through special circumstances (" + circumstance_examples("en") + "). You gave no circumstances.",
                   ps.requires_circumstances.source);
            return;
        }
        a.regime = ps.regime;
        a.regime_name = ps.name;
        reason(id_of(ps.regime) + "_applies",
               "Je hebt genoeg uren werkervaring maar " + nl_num(a.plan.points_missing) + " punten te weinig, door bijzondere omstandigheden: de " + ps.name.nl + " is van toepassing. Je haalt de ontbrekende punten binnen de tijdelijke registratie van maximaal " + std::to_string(whole(ps.temporary_months)) + " maanden.",
               "You have enough hours but are " + en_num(a.plan.points_missing) + " points short through special circumstances: the " + ps.name.en + " applies. You make up the missing points within the temporary registration of at most " + std::to_string(whole(ps.temporary_months)) + " months.",
               ps.source);
        set_temporary(whole(ps.temporary_months), ps.definitive_years, ps.proof_due_days_before_end);
        for (size_t i = 0; i < ps.notes.size(); ++i) note(ps.notes[i], id_of(ps.regime) + "_note_" + std::to_string(i + 1));
    }

    void decide_reentry(const std::optional<bool>& points) {
        if (!v->reentry) return no_scheme();
        const auto& re = *v->reentry;
        if (!scheme_open(re, kReentrySchemeId, re.name)) return;
        const int group3_after = whole(re.break_months_group3);
        const int break_min = whole(re.break_months_min);
        const bool long_break = !a.months_not_worked || *a.months_not_worked > group3_after;
        Regime regime = Regime::undecided;
        if (long_break) {
            regime = Regime::reentry_3;
        } else if (!points) {
            const std::string g1 = std::to_string(reentry_group(Regime::reentry_1)), g2 = std::to_string(reentry_group(Regime::reentry_2));
            const std::string groups_1_2 = g1 + " of " + g2, groups_1_2_en = g1 + " or " + g2;
            a.reasons.push_back({"undecided",
                                 {"Je hebt te weinig uren; of je in groep " + groups_1_2 + " valt, hangt af van de puntennormen, die onbekend zijn. Vul ze in.",
                                  "You are short of hours; whether you are in group " + groups_1_2_en + " depends on the point thresholds, which are unknown. Fill them in."},
                                 re.source});
            return;
        } else {
            regime = *points ? Regime::reentry_1 : Regime::reentry_2;
        }
        const ReentryGroup& g = *re.group(regime);
        a.regime = regime;
        a.regime_name = g.name;
        const std::string worked_nl = a.months_not_worked ? "laatst gewerkt op " + to_dutch(*a.last_worked) + " (" + std::to_string(*a.months_not_worked) + (*a.months_not_worked == 1 ? " maand" : " maanden") + " geleden)" : "in de afgelopen " + nl_span(12 * whole(v->period_years)) + " niet in je beroep gewerkt";
        const std::string worked_en = a.months_not_worked ? "last worked on " + to_dutch(*a.last_worked) + " (" + std::to_string(*a.months_not_worked) + (*a.months_not_worked == 1 ? " month" : " months") + " ago)" : "not worked in your profession in the last " + en_span(12 * whole(v->period_years));
        const bool pts = points.value_or(false);
        reason(id_of(regime) + "_applies",
               "Je hebt te weinig uren werkervaring (" + nl_num(a.plan.hours_missing) + " uur tekort), " + worked_nl + (pts ? "; je punten zijn wel voldoende" : "; je punten zijn onvoldoende") + ". Je valt onder de " + re.name.nl + ", " + g.name.nl + ".",
               "You are short of work experience (" + en_num(a.plan.hours_missing) + " hours), " + worked_en + (pts ? "; your points do suffice" : "; your points fall short") + ". The " + re.name.en + " applies: " + g.name.en + ".",
               re.source);
        // 002 sorts groups 1 and 2 by "did development activities" in its text and by points in its
        // table: some points, but too few, is group 2 by the table and group 1 by the text.
        if (re.text_groups_by_any_activity.value && regime == Regime::reentry_2 && a.tally.points_total > 0) {
            const Text& other = re.group(Regime::reentry_1)->name;
            warn("groups_text_differs",
                 "Volgens de tabel van de regeling val je in " + lower_first(g.name.nl) + ", omdat je punten onvoldoende zijn. De tekst van de regeling deelt in naar of je deskundigheidsbevorderende activiteiten hebt gedaan; jij hebt " + nl_num(a.tally.points_total) + " punten behaald en zou daarmee in " + lower_first(other.nl) + " vallen. herreg volgt de tabel. Vraag het register welke groep voor jou geldt.",
                 "By the scheme's table you are in " + lower_first(g.name.en) + ", because your points fall short. The scheme's text sorts by whether you did development activities at all; you have " + en_num(a.tally.points_total) + " points and would be in " + lower_first(other.en) + ". herreg follows the table. Ask the register which group applies to you.",
                 re.text_groups_by_any_activity.source);
        }
        if (regime == Regime::reentry_3 && pts)
            warn("group3_points_met",
                 "Je hebt meer dan " + nl_span(group3_after) + " niet gewerkt maar wel genoeg punten. De bronnen noemen " + lower_first(g.name.nl) + " met te weinig punten; herreg kiest deze groep omdat de werkonderbreking het zwaarst weegt.",
                 "You have not worked for more than " + en_span(group3_after) + " but have enough points. The sources describe " + lower_first(g.name.en) + " with too few points; herreg chooses it because the break weighs heaviest.",
                 re.source);
        if (!long_break && *a.months_not_worked < break_min)
            warn("short_break",
                 "Je werkonderbreking is korter dan " + nl_span(break_min) + "; de " + lower_first(re.name.nl) + " spreekt van een onderbreking van " + nl_span(break_min) + " tot " + nl_span(group3_after) + ". herreg deelt je in op basis van je punten; overleg met het register.",
                 "Your break is shorter than " + en_span(break_min) + "; the " + lower_first(re.name.en) + " speaks of a break of " + en_span(break_min) + " to " + en_span(group3_after) + ". herreg assigns the group by your points; check with the register.",
                 re.break_months_min.source);
        const int months = whole(g.temporary_months);
        set_temporary(months, g.definitive_years, re.proof_due_days_before_end);
        if (g.hours_required.known()) {
            a.plan.hours_required = *g.hours_required.value;
            reason("hours_required",
                   "Je plan van aanpak laat zien hoe je het tekort aan uren compenseert: minimaal " + nl_num(*g.hours_required.value) + " uur in " + std::to_string(months) + " maanden.",
                   "Your plan shows how you make up the hours: at least " + en_num(*g.hours_required.value) + " hours in " + std::to_string(months) + " months.",
                   g.hours_required.source);
        } else if (re.hours_per_week.known()) {
            // Weeks of the temporary period, counted as 52 a year so the figure does not depend on the start date.
            const double hours = *re.hours_per_week.value * months * 52.0 / 12.0;
            a.plan.hours_required = std::round(hours);
            reason("hours_required",
                   "Tijdens de tijdelijke herregistratie werk je gemiddeld " + nl_num(*re.hours_per_week.value) + " uur per week: ongeveer " + nl_num(*a.plan.hours_required) + " uur in " + std::to_string(months) + " maanden.",
                   "During the temporary re-registration you work on average " + en_num(*re.hours_per_week.value) + " hours a week: about " + en_num(*a.plan.hours_required) + " hours in " + std::to_string(months) + " months.",
                   re.hours_per_week.source);
        }
        if (g.supervisor_assessment_required.value)
            reason("supervisor_assessment",
                   "Voor " + lower_first(g.name.nl) + " is een beoordeling door je supervisor verplicht, tussentijds en na afloop van het begeleidingstraject.",
                   "For " + lower_first(g.name.en) + " your supervisor must assess the result, midway and at the end of the mentoring.",
                   g.supervisor_assessment_required.source);
        if (a.definitive_years_min)
            reason("definitive_range",
                   "Na uitvoering van het plan volgt een definitieve registratie van " + std::to_string(*a.definitive_years_min) + " of " + std::to_string(*a.definitive_years) + " jaar.",
                   "After the plan, a definitive registration of " + std::to_string(*a.definitive_years_min) + " or " + std::to_string(*a.definitive_years) + " years follows.",
                   g.definitive_years.source);
        for (size_t i = 0; i < re.notes.size(); ++i) note(re.notes[i], "reentry_note_" + std::to_string(i + 1));
        if (p.circumstances.empty())
            warn("reentry_reasons",
                 "In je aanvraag beschrijf je waarom je niet aan de criteria hebt voldaan; geef je omstandigheden op.",
                 "Your application describes why you did not meet the criteria; add your circumstances.",
                 rs.cite("application_reasons"));
    }

    void no_scheme() {
        a.regime = Regime::no_scheme;
        a.regime_name = generic_name(Regime::no_scheme);
        reason("no_scheme",
               "Je voldoet niet aan alle criteria en de bronnen beschrijven voor " + rs.short_name + " geen dispensatie- of herintrederregeling. Neem contact op met het register over je mogelijkheden.",
               "You do not meet every criterion and the sources describe no dispensation or re-entry scheme for " + rs.short_name + ". Contact the register about your options.",
               rs.about.source);
    }

    void calendar_deadlines() {
        if (registered && !expired_specialisation) {
            deadline("period_end", period_end, v->period_years.source);
            if (last_filing_day) deadline("last_filing_day", *last_filing_day, v->late_filing_months.source);
            if (v->earliest_months.known())
                deadline("earliest_reregistration", add_months(period_start, whole(v->earliest_months)), v->earliest_months.source);
        }
        if (a.filing == Filing::TooEarly) {
            const Date from = add_months(period_start, whole(v->earliest_months));
            warn("too_early",
                 "Herregistratie kan pas vanaf " + to_dutch(from) + " (" + nl_span(whole(v->earliest_months)) + " na de start van je periode).",
                 "Re-registration is only possible from " + to_dutch(from) + " (" + en_span(whole(v->earliest_months)) + " after your period began).",
                 v->earliest_months.source);
        }
        if (a.filing == Filing::LateWindow && a.regime == Regime::reregistration)
            warn("late_window",
                 "Je periode is afgelopen; je kunt nog indienen tot en met " + to_dutch(*last_filing_day) + ", maar alleen activiteiten binnen de periode tellen.",
                 "Your period has ended; you can still file until " + to_dutch(*last_filing_day) + ", but only activities inside the period count.",
                 v->late_filing_months.source);
        if (a.regime == Regime::reregistration && registered && a.filing != Filing::Lapsed) {
            const int years = whole(v->period_years);
            deadline("new_period_end", add_years(period_end, years), v->period_years.source);
            if (v->flexible_start.value && a.filing == Filing::Open)
                deadline("new_period_end_if_started_now", add_years(a.check_date, years), v->flexible_start.source);
        }
        // Still inside a running period and short: time left, and the pace that closes the gap.
        if (registered && !expired_specialisation && a.filing != Filing::Lapsed && a.filing != Filing::LateWindow &&
            a.meets && !*a.meets) {
            const int left = whole_months_between(a.check_date, period_end);
            if (left > 0) {
                warn("period_running",
                     "Je periode loopt nog tot " + to_dutch(period_end) + " (" + std::to_string(left) + (left == 1 ? " maand" : " maanden") + "): wat nu ontbreekt, kun je vaak nog binnen de periode halen. De regeling hierboven geldt als je tekort blijft.",
                     "Your period runs until " + to_dutch(period_end) + " (" + std::to_string(left) + (left == 1 ? " month" : " months") + "): what is missing now can often still be gained within the period. The scheme above applies if you stay short.",
                     rs.cite("period_window"));
                if (!a.plan.months) {
                    a.plan.months = left;
                    a.plan.until = period_end;
                    if (a.plan.points_missing > 0) a.plan.points_per_month = std::round(a.plan.points_missing / left * 10.0) / 10.0;
                }
            }
        }
        const bool applying = a.regime != Regime::undecided && a.regime != Regime::not_eligible && a.regime != Regime::no_scheme;
        if (applying && a.filing != Filing::TooEarly) {
            if (const Sourced* wd = v->procedure_value("completeness_working_days_max"); wd && wd->known()) {
                const Date by = add_working_days(a.check_date, whole(*wd));
                deadline("completeness_check_by", by, wd->source);
                if (const Sourced* weeks = v->procedure_value("assessment_weeks"); weeks && weeks->known() && a.regime != Regime::reregistration)
                    deadline("assessment_by", add_days(by, 7 * whole(*weeks)), weeks->source);
            }
            if (const Sourced* ob = v->procedure_value("objection_weeks"); ob && ob->known())
                reason("objection",
                       "Ben je het niet eens met de beslissing, dan kun je binnen " + std::to_string(whole(*ob)) + " weken met redenen bezwaar maken.",
                       "If you disagree with the decision you can object, with reasons, within " + std::to_string(whole(*ob)) + " weeks.",
                       ob->source);
        }
        std::stable_sort(a.deadlines.begin(), a.deadlines.end(), [](const Deadline& x, const Deadline& y) { return x.date < y.date; });
    }

    void step(std::string nl, std::string en, std::string source) {
        a.next_steps.push_back({{std::move(nl), std::move(en)}, std::move(source), false});
    }

    // When to apply for a special scheme, from the dates computed: from the earliest day when
    // that is still ahead; while the period runs, before it ends (the temporary registration
    // then follows on the current one); in the late window, by its last day (it then starts on
    // the day of filing). A lapsed registration files on any day: the reason says so.
    void scheme_filing_step() {
        if (!registered || a.filing == Filing::Lapsed) return;
        const Deadline* end = a.deadline("period_end");
        const Deadline* last = a.deadline("last_filing_day");
        const Deadline* earliest = a.deadline("earliest_reregistration");
        if (!end) return;
        // When the temporary registration starts is the register's own rule: said only where
        // its rules file cites a source for it.
        const std::string start_source = rs.cite("temporary_start");
        const std::string follows_nl = start_source.empty() ? "." : ": dan sluit de tijdelijke registratie aan op je huidige registratie.";
        const std::string follows_en = start_source.empty() ? "." : ": the temporary registration then follows on from your current one.";
        if (end->date > a.check_date) {
            const bool too_early = a.filing == Filing::TooEarly && earliest && earliest->date > a.check_date;
            const std::string when_nl = too_early ? "tussen " + to_dutch(earliest->date) + " en " : "vóór ";
            const std::string when_en = too_early ? "between " + to_dutch(earliest->date) + " and " : "before ";
            step("Je periode loopt nog tot " + to_dutch(end->date) + ". Haal wat ontbreekt zo mogelijk binnen je periode; lukt dat niet, dien je aanvraag dan " +
                     when_nl + to_dutch(end->date) + " in" + follows_nl,
                 "Your period runs until " + to_dutch(end->date) + ". Gain what is missing within it if you can; if not, file your application " + when_en +
                     to_dutch(end->date) + follows_en,
                 too_early ? earliest->source : start_source);
        } else if (last && last->date >= a.check_date) {
            step("Dien je aanvraag zo snel mogelijk in, uiterlijk op " + to_dutch(last->date) +
                     (start_source.empty() ? "." : ": de tijdelijke registratie begint op de dag dat je indient."),
                 "File your application as soon as you can, by " + to_dutch(last->date) + " at the latest" +
                     (start_source.empty() ? "." : ": the temporary registration starts on the day you file."),
                 start_source);
        }
    }

    // What to do next, on every outcome: the rules file's steps where it gives them (an expired
    // specialisation, the application for a special scheme), then the dated steps.
    void next_steps() {
        if (expired_specialisation) return;   // the procedure's own steps (003 §4)
        const Deadline* due = a.deadline("proof_due");
        const Deadline* end = a.deadline("period_end");
        const Deadline* last = a.deadline("last_filing_day");
        const bool temporary = a.temporary_months.has_value();
        if (a.regime == Regime::reregistration) {
            step("Controleer of al je activiteiten in je digitale portfolio staan, met het bewijs erbij voor elke niet-geaccrediteerde activiteit.",
                 "Check whether all your activities are in your digital portfolio, with the evidence for each non-accredited one.",
                 rs.cite("non_accredited_evidence"));
            if (a.filing == Filing::TooEarly) {
                const Deadline* from = a.deadline("earliest_reregistration");
                step("Vraag herregistratie aan vanaf " + to_dutch(from->date) + ".", "Apply for re-registration from " + to_dutch(from->date) + ".", from->source);
            } else if (end && a.filing != Filing::Lapsed && end->date > a.check_date) {
                // Before the period ends; after it only within the late window, if the register has one.
                step("Vraag herregistratie aan vóór " + to_dutch(end->date) + ", het einde van je registratieperiode." +
                         (last ? " Daarna kan het nog tot en met " + to_dutch(last->date) + "." : std::string()),
                     "Apply for re-registration before " + to_dutch(end->date) + ", the end of your registration period." +
                         (last ? " After that you can still do so until " + to_dutch(last->date) + "." : std::string()),
                     last ? last->source : end->source);
            } else if (last && a.filing != Filing::Lapsed) {
                step("Vraag herregistratie aan, uiterlijk op " + to_dutch(last->date) + ".",
                     "Apply for re-registration by " + to_dutch(last->date) + " at the latest.", last->source);
            } else {
                step("Vraag herregistratie aan.", "Apply for re-registration.", v->source);
            }
        } else if (a.regime == Regime::initial_and_periodic) {
            step("Vraag de " + lower_first(a.regime_name.nl) + " aan, met al je activiteiten en je werkervaring in je portfolio.",
                 "Apply for " + lower_first(a.regime_name.en) + ", with all your activities and your work experience in your portfolio.",
                 v->initial_and_periodic->source);
        } else if (temporary) {
            scheme_filing_step();
            a.next_steps.insert(a.next_steps.end(), v->application_steps.begin(), v->application_steps.end());
            if (due)
                step("Voer je plan van aanpak uit en lever uiterlijk " + to_dutch(due->date) + " het bewijs in dat het is uitgevoerd.",
                     "Carry out your plan and hand in the evidence that it was carried out by " + to_dutch(due->date) + ".",
                     due->source);
        } else if (a.regime == Regime::not_eligible || a.regime == Regime::no_scheme) {
            step("Neem contact op met het register over wat voor jou nog mogelijk is; dit overzicht kun je meesturen.",
                 "Contact the register about what is still possible for you; you can send this summary along.",
                 rs.about.source);
        } else if (a.regime == Regime::undecided) {
            step("Vul de normen in die de bronnen niet geven (vraag ze na bij het register); dan kan herreg een regeling bepalen.",
                 "Fill in the thresholds the sources do not give (ask the register); herreg can then decide a scheme.",
                 rs.about.source);
        }
    }

    Assessment run() {
        check_input();
        a.register_id = rs.register_id;
        a.specialisation = rs.specialisation;
        place_in_calendar();
        count_and_judge();
        decide();
        calendar_deadlines();
        next_steps();
        for (const auto& c : rs.conditions) note(c, "condition");
        if (v->criteria_note) note(*v->criteria_note, "criteria_note");
        return std::move(a);
    }
};

}  // namespace

const CriterionResult* Assessment::criterion(std::string_view id) const {
    for (const auto& c : criteria)
        if (c.id == id) return &c;
    return nullptr;
}

const Deadline* Assessment::deadline(std::string_view id) const {
    for (const auto& d : deadlines)
        if (d.id == id) return &d;
    return nullptr;
}

Assessment assess_single(const Portfolio& p, const RuleSet& rules) {
    Engine e(p, rules);
    return e.run();
}

Assessment assess(const Portfolio& p, const RuleSet& rules) {
    if (!has_for_marks(p) && p.other_registrations.empty()) return assess_single(p, rules);
    return assess_registration(p, 0, rules);
}

}  // namespace herreg
