#include "portfolio/registrations.h"

#include "assessment/assessment_json.h"
#include "dates/civil_date.h"

#include <algorithm>

namespace herreg {

namespace {

bool counts_for(const std::vector<std::string>& marks, const std::string& key) {
    return marks.empty() || std::find(marks.begin(), marks.end(), key) != marks.end();
}

// "activities[7].category" -> 7 and the rest (".category"), for list `name`.
bool split_index(const std::string& field, const std::string& name, size_t& index, std::string& rest) {
    const std::string head = name + "[";
    if (field.rfind(head, 0) != 0) return false;
    const size_t close = field.find(']', head.size());
    if (close == std::string::npos || close == head.size()) return false;
    index = 0;
    for (size_t i = head.size(); i < close; ++i) {
        if (field[i] < '0' || field[i] > '9') return false;
        index = index * 10 + size_t(field[i] - '0');
    }
    rest = field.substr(close + 1);
    return true;
}

InputError with_field(const InputError& e, const std::string& field) { return InputError(field, e.message()); }

}  // namespace

RegistrationView registration_view(const Portfolio& p, size_t i) {
    RegistrationView v;
    Portfolio& out = v.portfolio;
    out.check_date = p.check_date;
    out.extra_json.clear();
    // A Portfolio and an OtherRegistration name a registration's fields alike.
    const auto take = [&out](const auto& r) {
        out.register_id = r.register_id;
        out.profession = r.profession;
        out.specialisation = r.specialisation;
        out.registration = r.registration;
        out.last_worked = r.last_worked;
        out.circumstances = r.circumstances;
        out.plan_not_carried_out = r.plan_not_carried_out;
        out.thresholds = r.thresholds;
    };
    if (i == 0) {
        take(p);
        out.application = p.application;   // the form belongs to the registration the portfolio names
    } else {
        take(p.other_registrations.at(i - 1));
    }
    const std::string key = registration_key(out.register_id, out.specialisation);
    for (size_t k = 0; k < p.hours.size(); ++k) {
        if (!counts_for(p.hours[k].for_registrations, key)) continue;
        out.hours.push_back(p.hours[k]);
        v.hours_from.push_back(k);
    }
    for (size_t k = 0; k < p.activities.size(); ++k) {
        if (!counts_for(p.activities[k].for_registrations, key)) continue;
        out.activities.push_back(p.activities[k]);
        v.activities_from.push_back(k);
    }
    return v;
}

std::string portfolio_field(const std::string& field, const RegistrationView& v) {
    size_t index = 0;
    std::string rest;
    if (split_index(field, "hours", index, rest) && index < v.hours_from.size())
        return "hours[" + std::to_string(v.hours_from[index]) + "]" + rest;
    if (split_index(field, "activities", index, rest) && index < v.activities_from.size())
        return "activities[" + std::to_string(v.activities_from[index]) + "]" + rest;
    return field;
}

InputError in_portfolio(const InputError& e, const RegistrationView& v) {
    const std::string field = portfolio_field(e.field(), v);
    return field == e.field() ? e : with_field(e, field);
}

RegistrationView counted_view(const Portfolio& p, size_t i, const RuleSet& rs, std::vector<size_t>* left_out) {
    RegistrationView v = registration_view(p, i);
    if (p.other_registrations.empty()) return v;
    RegistrationView kept;
    kept.portfolio = std::move(v.portfolio);
    kept.portfolio.activities.clear();
    kept.hours_from = std::move(v.hours_from);
    for (size_t k = 0; k < v.activities_from.size(); ++k) {
        const Activity& a = p.activities[v.activities_from[k]];
        if (!fits_register(a, rs) && a.for_registrations.empty()) {
            if (left_out) left_out->push_back(v.activities_from[k]);
            continue;
        }
        kept.portfolio.activities.push_back(a);
        kept.activities_from.push_back(v.activities_from[k]);
    }
    return kept;
}

bool fits_register(const Activity& a, const RuleSet& rs) {
    const KindDef* kind = a.kind ? rs.kind(*a.kind) : nullptr;
    return rs.category(a.category) && (!a.kind || (kind && kind->category == a.category));
}

Assessment assess_registration(const Portfolio& p, size_t i, const RuleSet& rs, std::vector<size_t>* left_out) {
    // In a portfolio of more than one registration, a shared activity of a category or kind
    // this register does not have (NVvPO's 'dba' beside a KP registration) does not count
    // here; one marked for this registration must fit it.
    std::vector<size_t> dropped;
    const RegistrationView kept = counted_view(p, i, rs, &dropped);
    Assessment a;
    try {
        a = assess_single(kept.portfolio, rs);
    } catch (const InputError& e) {
        const InputError mapped = in_portfolio(e, kept);
        if (i == 0) throw mapped;
        // Hours and activities are the portfolio's own; the rest is this registration's (a check
        // date before its period is about its period start).
        const std::string under = "other_registrations[" + std::to_string(i - 1) + "]";
        const std::string& f = mapped.field();
        if (f.rfind("hours[", 0) == 0 || f.rfind("activities[", 0) == 0) throw mapped;
        throw with_field(mapped, under + "." + (f == "check_date" ? std::string("registration.period_start") : f));
    }
    if (!dropped.empty()) {
        std::string titles;
        for (size_t k : dropped) {
            const std::string& t = p.activities[k].title;
            titles += (titles.empty() ? "" : ", ") + (t.empty() ? to_iso(p.activities[k].date) : "'" + t + "'");
        }
        const std::string n = std::to_string(dropped.size());
        const bool one = dropped.size() == 1;
        a.warnings.push_back(
            {"activities_left_out",
             {(one ? "1 activiteit telt" : n + " activiteiten tellen") +
                  " hier niet mee: dit register heeft die categorie of dat soort activiteit niet (" + titles + ").",
              (one ? "1 activity does" : n + " activities do") +
                  " not count here: this register does not have that category or kind of activity (" + titles + ")."},
             ""});
    }
    if (left_out) *left_out = std::move(dropped);
    return a;
}

std::vector<OtherAssessment> assess_other_registrations(const Portfolio& p, const Rulebook& book) {
    std::vector<OtherAssessment> out;
    for (size_t i = 0; i < p.other_registrations.size(); ++i) {
        const OtherRegistration& o = p.other_registrations[i];
        OtherAssessment x;
        x.key = registration_key(o.register_id, o.specialisation);
        try {
            try {
                x.rules = &book.for_portfolio(registration_view(p, i + 1).portfolio);
            } catch (const InputError& e) {
                throw with_field(e, "other_registrations[" + std::to_string(i) + "]." + e.field());
            }
            x.assessment = assess_registration(p, i + 1, *x.rules, &x.activities_left_out);
        } catch (const InputError& e) {
            x.error = e;   // the others, and the registration the portfolio names, still stand
        }
        out.push_back(std::move(x));
    }
    return out;
}

nlohmann::ordered_json other_assessments_to_json(const std::vector<OtherAssessment>& others) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& x : others) {
        nlohmann::ordered_json j;
        j["registration"] = x.key;
        if (x.error) {
            j["error"] = {{"field", x.error->field()}, {"message", x.error->what()}};
            list.push_back(std::move(j));
            continue;
        }
        const nlohmann::ordered_json fields = assessment_to_json(x.assessment);
        for (const auto& [k, value] : fields.items()) j[k] = value;
        j["activities_left_out"] = x.activities_left_out;
        list.push_back(std::move(j));
    }
    return list;
}

}  // namespace herreg
