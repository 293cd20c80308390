#include "portfolio_generator.h"

namespace herreg::test {

Activity random_activity(Rng& rng, const RuleSet& rs, const Date& check_date, int days_before) {
    Activity a;
    a.date = add_days(check_date, -days_before);
    a.title = "Activiteit " + std::to_string(rng.in(1, 40));
    a.provider = "Aanbieder";
    a.category = rs.categories[size_t(rng.in(0, int(rs.categories.size()) - 1))].id;
    if (!rs.kinds.empty() && rng.chance(40)) {
        const KindDef& k = rs.kinds[size_t(rng.in(0, int(rs.kinds.size()) - 1))];
        a.kind = k.id;
        a.category = k.category;
        if (rng.chance(40)) a.meetings = rng.in(1, 4);
        if (rng.chance(60)) a.meeting_hours = rng.in(2, 8) / 2.0;   // 1 to 4 hours
    }
    a.points = rng.in(0, 40) / 2.0;
    a.accredited = rng.chance(60);
    return a;
}

HoursEntry random_hours(Rng& rng, const Date& check_date) {
    HoursEntry h;
    if (rng.chance(50)) {
        h.year = check_date.y - rng.in(-1, 6);
        h.from = Date{*h.year, 1, 1};
        h.to = Date{*h.year, 12, 31};
        h.hours = rng.in(0, 1400);
    } else {
        h.from = add_days(check_date, -rng.in(-400, 2300));
        h.to = add_days(h.from, rng.in(0, 500));
        h.hours = rng.in(0, 900);
    }
    return h;
}

Portfolio generate_portfolio(uint64_t seed, const Rulebook& book) {
    Rng rng(seed);
    const auto& sets = book.sets();
    const RuleSet& rs = sets[size_t(rng.in(0, int(sets.size()) - 1))];
    Portfolio p;
    p.register_id = rs.register_id;
    p.specialisation = rs.specialisation;
    if (!rs.professions.empty()) p.profession = rs.professions[size_t(rng.in(0, int(rs.professions.size()) - 1))].id;
    const Date check{2022 + rng.in(0, 5), rng.in(1, 12), rng.in(1, 28)};
    p.check_date = check;
    p.registration.initial = rng.chance(85);
    if (p.registration.initial) {
        Date start = add_months(check, -rng.in(0, 90));
        start.d = rng.in(1, 28);
        if (check < start) start = check;
        p.registration.period_start = start;
    }
    if (rng.chance(30)) p.last_worked = add_months(check, -rng.in(0, 90));
    if (rng.chance(50)) {
        const auto& known = known_circumstances();
        p.circumstances.push_back(known[size_t(rng.in(0, int(known.size()) - 1))]);
    }
    // Thresholds the sources do not give, filled in as an association or the person might.
    for (const RuleVersion& v : rs.versions)
        for (const auto& [id, value] : v.criteria)
            if (!value.known() && !p.thresholds.count(id) && rng.chance(75))
                p.thresholds[id] = id == "hours" ? rng.in(4, 30) * 80.0 : rng.in(1, 40) * 5.0;
    const int hour_entries = rng.in(0, 6);
    for (int i = 0; i < hour_entries; ++i) p.hours.push_back(random_hours(rng, check));
    const int activities = rng.in(0, 30);
    for (int i = 0; i < activities; ++i) p.activities.push_back(random_activity(rng, rs, check, rng.in(-500, 2500)));
    if (rng.chance(30)) {
        const char* schemes[] = {"dispensation", "deferral", "reentry"};
        const char* scheme = schemes[rng.in(0, 2)];
        p.plan_not_carried_out[scheme] = rng.chance(50);
    }
    return p;
}

}  // namespace herreg::test
