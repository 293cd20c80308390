// compare_scenarios: one row per thing either scenario concludes, the value as the member
// reads it, and which way it moved. A row's change is `same` exactly when both sides show
// the same text: a highlight the reader cannot see the reason for would only confuse.
#include "helpdesk/scenario_compare.h"

#include "text/labels.h"
#include "assessment/summary_text.h"
#include "text/wording.h"

#include <algorithm>

namespace herreg {

const char* change_id(Change c) {
    switch (c) {
        case Change::same: return "same";
        case Change::better: return "better";
        case Change::worse: return "worse";
        case Change::different: return "different";
    }
    return "different";
}

std::string change_label(Change c, std::string_view lang) {
    const Wording w(lang);
    switch (c) {
        case Change::same: return w.tr("gelijk", "same");
        case Change::better: return w.tr("beter", "better");
        case Change::worse: return w.tr("slechter", "worse");
        case Change::different: return w.tr("anders", "different");
    }
    return {};
}

const ComparisonRow* ScenarioComparison::row(std::string_view id) const {
    for (const auto& g : groups)
        for (const auto& r : g.rows)
            if (r.id == id) return &r;
    return nullptr;
}

const ComparisonGroup* ScenarioComparison::group(std::string_view id) const {
    for (const auto& g : groups)
        if (g.id == id) return &g;
    return nullptr;
}

namespace {

// Which way a number moved; `lower_is_better` for what is missing, higher for what is there.
Change direction(double a, double b, bool lower_is_better) {
    if (a == b) return Change::different;   // same figure, other text: the unit or rules differ
    return (b < a) == lower_is_better ? Change::better : Change::worse;
}

Change direction(const std::optional<bool>& a, const std::optional<bool>& b) {
    if (a && b && *a != *b) return *b ? Change::better : Change::worse;
    return Change::different;
}

// The deadlines a member has to act by: more time to do so is better.
bool act_by(std::string_view id) { return id == "last_filing_day" || id == "proof_due"; }

struct Builder : Wording {
    const Assessment& a;
    const RuleSet& ra;
    const Assessment& b;
    const RuleSet& rb;
    const PlanOutlook oa, ob;
    ScenarioComparison out;

    Builder(const Portfolio& pa, const Assessment& a_, const RuleSet& ra_, const Portfolio& pb, const Assessment& b_,
            const RuleSet& rb_, std::string_view lang)
        : Wording(lang), a(a_), ra(ra_), b(b_), rb(rb_), oa(plan_outlook(pa, a_)), ob(plan_outlook(pb, b_)) {}

    std::string opt(const std::optional<std::string>& v) const { return v ? *v : std::string(kAbsentValue); }

    ComparisonGroup& group(std::string id, const std::string& nl, const std::string& e) {
        out.groups.push_back({std::move(id), tr(nl, e), {}});
        return out.groups.back();
    }

    // `decide` is asked only when the texts differ.
    template <class Decide>
    void add(ComparisonGroup& g, std::string id, std::string label, std::string va, std::string vb, Decide decide) {
        ComparisonRow r{std::move(id), std::move(label), std::move(va), std::move(vb), Change::same};
        if (r.a != r.b) r.change = decide();
        g.rows.push_back(std::move(r));
    }

    std::string yes_no_unknown(const std::optional<bool>& m) const {
        if (!m) return tr("onbekend", "unknown");
        return *m ? tr("ja", "yes") : tr("nee", "no");
    }
    std::string scheme(const Assessment& x) const { return x.regime == Regime::undecided ? tr("nog niet te bepalen", "not decided yet") : regime_label(x.regime, lang); }
    std::optional<std::string> months(const std::optional<int>& m) const {
        if (!m) return std::nullopt;
        return std::to_string(*m) + (*m == 1 ? tr(" maand", " month") : tr(" maanden", " months"));
    }
    std::optional<std::string> years(const Assessment& x) const {
        if (!x.definitive_years) return std::nullopt;
        const std::string n = x.definitive_years_min ? std::to_string(*x.definitive_years_min) + tr(" of ", " or ") + std::to_string(*x.definitive_years)
                                                     : std::to_string(*x.definitive_years);
        return n + (n == "1" ? tr(" jaar", " year") : tr(" jaar", " years"));
    }

    void outcome() {
        ComparisonGroup& g = group("outcome", "Uitkomst", "Outcome");
        add(g, "verdict", tr("Voldoet aan de criteria", "Meets the criteria"), yes_no_unknown(a.meets), yes_no_unknown(b.meets),
            [&] { return direction(a.meets, b.meets); });
        add(g, "regime", tr("Regeling", "Scheme"), scheme(a), scheme(b), [] { return Change::different; });
        const auto ta = months(a.temporary_months), tb = months(b.temporary_months);
        if (ta || tb) add(g, "temporary_months", tr("Tijdelijke registratie", "Temporary registration"), opt(ta), opt(tb), [] { return Change::different; });
        const auto da = years(a), db = years(b);
        if (da || db) add(g, "definitive_years", tr("Daarna definitieve registratie", "Then definitive registration"), opt(da), opt(db), [] { return Change::different; });
    }

    std::optional<std::string> criterion_value(const CriterionResult* c) const {
        if (!c) return std::nullopt;
        std::string s = num(c->achieved);
        s += c->required ? tr(" van ", " of ") + num(*c->required) : tr(", norm onbekend", ", threshold unknown");
        if (c->met) s += *c->met ? " ✓" : " ✗";
        return s;
    }
    static std::optional<double> shortfall(const CriterionResult& c) {
        if (!c.required) return std::nullopt;
        return std::max(0.0, *c.required - c.achieved);
    }
    static Change criterion_change(const CriterionResult* x, const CriterionResult* y) {
        if (!x || !y) return Change::different;
        if (x->met.has_value() != y->met.has_value()) return Change::different;
        if (x->met && *x->met != *y->met) return direction(x->met, y->met);
        const auto sx = shortfall(*x), sy = shortfall(*y);
        if (sx && sy && *sx != *sy) return direction(*sx, *sy, true);
        if (x->required == y->required && x->achieved != y->achieved) return direction(x->achieved, y->achieved, false);
        return Change::different;
    }

    void criteria() {
        ComparisonGroup& g = group("criteria", "Criteria", "Criteria");
        std::vector<std::string> ids;
        for (const auto& c : a.criteria) ids.push_back(c.id);
        for (const auto& c : b.criteria)
            if (std::find(ids.begin(), ids.end(), c.id) == ids.end()) ids.push_back(c.id);
        for (const auto& id : ids) {
            const CriterionResult* x = a.criterion(id);
            const CriterionResult* y = b.criterion(id);
            add(g, "criterion." + id, criterion_label(id, x ? ra : rb, lang), opt(criterion_value(x)), opt(criterion_value(y)),
                [&] { return criterion_change(x, y); });
        }
    }

    std::optional<std::string> time_available(const Plan& p) const {
        if (!p.months) return std::nullopt;
        return *months(p.months) + (p.until ? tr(" (tot ", " (until ") + date(*p.until) + ")" : std::string());
    }
    // No pace where nothing is missing: that is a pace of zero, not an unknown one.
    static std::optional<double> pace(const Plan& p) {
        if (p.points_per_month) return p.points_per_month;
        if (p.points_missing <= 0) return 0.0;
        return std::nullopt;
    }

    void todo() {
        ComparisonGroup& g = group("todo", "Nog te doen", "Still to do");
        const Plan& pa = a.plan;
        const Plan& pb = b.plan;
        add(g, "plan.points_missing", tr("Nog te halen punten", "Points still needed"), num(pa.points_missing), num(pb.points_missing),
            [&] { return direction(pa.points_missing, pb.points_missing, true); });
        add(g, "plan.hours_missing", tr("Tekort aan uren", "Hours short"), num(pa.hours_missing), num(pb.hours_missing),
            [&] { return direction(pa.hours_missing, pb.hours_missing, true); });
        if (pa.hours_required || pb.hours_required)
            // No hours to work in a scenario without a plan of hours: none is fewer than some.
            add(g, "plan.hours_required", tr("Uren te werken in het plan", "Hours to work in the plan"),
                pa.hours_required ? num(*pa.hours_required) : kAbsentValue, pb.hours_required ? num(*pb.hours_required) : kAbsentValue,
                [&] { return direction(pa.hours_required.value_or(0), pb.hours_required.value_or(0), true); });
        if (pa.months || pb.months)
            add(g, "plan.months", tr("Beschikbare tijd", "Time available"), opt(time_available(pa)), opt(time_available(pb)), [&] {
                return pa.months && pb.months ? direction(*pa.months, *pb.months, false) : Change::different;
            });
        if (pa.points_per_month || pb.points_per_month)
            add(g, "plan.points_per_month", tr("Tempo (punten per maand)", "Pace (points a month)"),
                pa.points_per_month ? num(*pa.points_per_month) : kAbsentValue, pb.points_per_month ? num(*pb.points_per_month) : kAbsentValue, [&] {
                    const auto x = pace(pa), y = pace(pb);
                    return x && y ? direction(*x, *y, true) : Change::different;
                });
    }

    // What the plan brings, as the pre-check counts it (plan_coverage.h).
    static const PlanCoverage* cover(const PlanOutlook& o, const std::string& id) {
        for (const auto& c : o.coverage)
            if (c.criterion == id) return &c;
        return nullptr;
    }
    std::string cover_value(const PlanCoverage* c) const {
        if (!c) return tr("geen tekort", "nothing missing");
        return tr("ontbreekt ", "missing ") + num(c->missing) + tr(", gepland ", ", planned ") + num(c->planned) + (c->covered() ? " ✓" : " ✗");
    }
    static double gap(const PlanCoverage* c) { return c ? std::max(0.0, c->missing - c->planned) : 0.0; }
    std::string points_of(double points) const { return num(points) + tr(" punten", " points"); }

    void planned() {
        if (oa.empty() && ob.empty()) return;   // nothing planned on either side: plan.points_missing says it
        ComparisonGroup g{"planned", tr("Wat je plan brengt", "What your plan brings"), {}};
        std::vector<std::string> ids;
        for (const auto* o : {&oa, &ob})
            for (const auto& c : o->coverage)
                if (std::find(ids.begin(), ids.end(), c.criterion) == ids.end()) ids.push_back(c.criterion);
        for (const auto& id : ids) {
            const PlanCoverage* x = cover(oa, id);
            const PlanCoverage* y = cover(ob, id);
            add(g, "planned.cover." + id, criterion_label(id, x ? ra : rb, lang), cover_value(x), cover_value(y),
                [&] { return direction(gap(x), gap(y), true); });
        }
        if (oa.activities || ob.activities) {
            const auto value = [&](const PlanOutlook& o) { return std::to_string(o.activities) + " (" + points_of(o.points) + ")"; };
            add(g, "planned.activities", tr("Geplande activiteiten die meetellen", "Planned activities that count"), value(oa), value(ob),
                [&] { return direction(oa.points, ob.points, false); });
        }
        if (oa.late_points > 0 || ob.late_points > 0) {
            const auto until = oa.counts_until ? oa.counts_until : ob.counts_until;
            add(g, "planned.late_points",
                until ? tr("Gepland na " + date(*until) + " (telt niet)", "Planned after " + date(*until) + " (does not count)")
                      : tr("Gepland te laat (telt niet)", "Planned too late (does not count)"),
                points_of(oa.late_points), points_of(ob.late_points), [&] { return direction(oa.late_points, ob.late_points, true); });
        }
        if (oa.done || ob.done)
            add(g, "planned.done", tr("Plan klaar op", "Plan done by"), oa.done ? date(*oa.done) : kAbsentValue,
                ob.done ? date(*ob.done) : kAbsentValue, [] { return Change::different; });
        if (oa.hours_per_week || ob.hours_per_week) {
            const auto week = [&](const PlanOutlook& o) { return o.hours_per_week ? num(*o.hours_per_week) + tr(" uur", " hours") : std::string(kAbsentValue); };
            add(g, "planned.hours_per_week", tr("Uren per week in je plan", "Hours a week in your plan"), week(oa), week(ob),
                [&] { return direction(oa.hours_per_week.value_or(0), ob.hours_per_week.value_or(0), false); });
            const auto hours = [&](const PlanOutlook& o) {
                if (!o.planned_hours) return std::string(kAbsentValue);
                std::string s = num(*o.planned_hours);
                if (o.hours_required) s += tr(" van ", " of ") + num(*o.hours_required) + (o.hours_covered() ? " ✓" : " ✗");
                return s;
            };
            add(g, "planned.hours", tr("Geplande uren", "Planned hours"), hours(oa), hours(ob),
                [&] { return direction(oa.planned_hours.value_or(0), ob.planned_hours.value_or(0), false); });
        }
        if (!g.rows.empty()) out.groups.push_back(std::move(g));
    }

    void deadlines() {
        ComparisonGroup& g = group("deadlines", "Termijnen", "Deadlines");
        // Union of both, each placed by the earlier of its dates; ties keep A's order, then B's.
        struct Entry {
            std::string id;
            Date when;
        };
        std::vector<Entry> ids;
        for (const auto& d : a.deadlines) ids.push_back({d.id, d.date});
        for (const auto& d : b.deadlines) {
            auto it = std::find_if(ids.begin(), ids.end(), [&](const Entry& e) { return e.id == d.id; });
            if (it == ids.end()) ids.push_back({d.id, d.date});
            else it->when = std::min(it->when, d.date);
        }
        std::stable_sort(ids.begin(), ids.end(), [](const Entry& x, const Entry& y) { return x.when < y.when; });
        for (const auto& e : ids) {
            const Deadline* x = a.deadline(e.id);
            const Deadline* y = b.deadline(e.id);
            add(g, "deadline." + e.id, deadline_label(e.id, lang), x ? date(x->date) : kAbsentValue, y ? date(y->date) : kAbsentValue, [&] {
                if (x && y && act_by(e.id)) return y->date > x->date ? Change::better : Change::worse;
                return Change::different;
            });
        }
    }

    ScenarioComparison run() {
        out.lang = lang;
        out.verdict_a = verdict_sentence(a, lang);
        out.verdict_b = verdict_sentence(b, lang);
        outcome();
        criteria();
        todo();
        planned();
        deadlines();
        for (const auto& g : out.groups)
            for (const auto& r : g.rows)
                if (r.differs()) ++out.differences;
        return std::move(out);
    }
};

}  // namespace

ScenarioComparison compare_scenarios(const Portfolio& portfolio_a, const Assessment& a, const RuleSet& rules_a,
                                     const Portfolio& portfolio_b, const Assessment& b, const RuleSet& rules_b,
                                     std::string_view lang) {
    return Builder(portfolio_a, a, rules_a, portfolio_b, b, rules_b, lang).run();
}

}  // namespace herreg
