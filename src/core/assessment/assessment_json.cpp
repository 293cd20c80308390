#include "assessment/assessment_json.h"

#include <cmath>

namespace herreg {

using Json = nlohmann::ordered_json;

namespace {

// Whole numbers print as integers (1600, not 1600.0); others keep their decimals.
Json number(double x) {
    if (std::fabs(x - std::round(x)) < 1e-9 && std::fabs(x) < 1e15) return Json(static_cast<long long>(std::llround(x)));
    return Json(x);
}

template <class T>
Json optional(const std::optional<T>& v) {
    if (!v) return nullptr;
    if constexpr (std::is_floating_point_v<T>) return number(*v);
    else return Json(*v);
}

Json criteria_json(const std::vector<CriterionResult>& cs) {
    Json out = Json::array();
    for (const auto& c : cs) {
        Json j = {{"id", c.id}, {"required", optional(c.required)}, {"achieved", number(c.achieved)},
                  {"met", optional(c.met)}, {"source", c.source}};
        if (c.is_points()) j["non_accredited"] = number(c.non_accredited);
        out.push_back(j);
    }
    return out;
}

Json reasons_json(const std::vector<Reason>& rs) {
    Json out = Json::array();
    for (const auto& r : rs) out.push_back({{"id", r.id}, {"text", r.text.nl}, {"text_en", r.text.en}, {"source", r.source}});
    return out;
}

}  // namespace

const char* filing_id(Filing f) {
    switch (f) {
        case Filing::NotRegistered: return "not_registered";
        case Filing::TooEarly: return "too_early";
        case Filing::Open: return "open";
        case Filing::LateWindow: return "late_window";
        case Filing::Lapsed: return "lapsed";
    }
    return "open";
}

Json assessment_to_json(const Assessment& a) {
    Json j = Json::object();
    j["meets"] = nullptr;   // placeholder keeps the verdict first in the output
    j["regime"] = nullptr;
    j["register"] = a.register_id;
    j["specialisation"] = a.specialisation ? Json(*a.specialisation) : Json(nullptr);
    j["check_date"] = to_iso(a.check_date);
    j["window"] = {{"from", to_iso(a.window.from)}, {"to", to_iso(add_days(a.window.to, -1))}};
    j["filing"] = filing_id(a.filing);
    j["meets"] = optional(a.meets);
    j["criteria"] = criteria_json(a.criteria);
    const bool decided = a.regime != Regime::undecided;
    j["regime"] = decided ? Json(std::string(regime_id(a.regime))) : Json(nullptr);
    j["regime_name"] = decided ? Json(a.regime_name.nl) : Json(nullptr);
    j["temporary_months"] = optional(a.temporary_months);
    j["definitive_years"] = optional(a.definitive_years);
    if (a.definitive_years_min) j["definitive_years_min"] = *a.definitive_years_min;
    j["plan"] = {{"hours_required", optional(a.plan.hours_required)},
                 {"points_missing", number(a.plan.points_missing)},
                 {"hours_missing", number(a.plan.hours_missing)},
                 {"months", optional(a.plan.months)},
                 {"until", a.plan.until ? Json(to_iso(*a.plan.until)) : Json(nullptr)},
                 {"points_per_month", optional(a.plan.points_per_month)}};
    Json deadlines = Json::object();
    for (const auto& d : a.deadlines) deadlines[d.id] = to_iso(d.date);
    j["deadlines"] = deadlines;
    j["last_worked"] = a.last_worked ? Json(to_iso(*a.last_worked)) : Json(nullptr);
    j["months_not_worked"] = optional(a.months_not_worked);
    j["points_non_accredited"] = number(a.tally.points_non_accredited);
    if (a.projection) {
        j["projection"] = {{"meets", optional(a.projection->meets)},
                           {"planned_activities", a.projection->planned_activities},
                           {"planned_points", number(a.projection->planned_points)},
                           {"planned_hours", number(a.projection->planned_hours)},
                           {"criteria", criteria_json(a.projection->criteria)}};
    }
    j["reasons"] = reasons_json(a.reasons);
    j["warnings"] = reasons_json(a.warnings);
    if (!a.next_steps.empty()) {
        Json steps = Json::array();
        for (const auto& s : a.next_steps) steps.push_back({{"text", s.text.nl}, {"text_en", s.text.en}, {"source", s.source}});
        j["next_steps"] = steps;
    }
    return j;
}

}  // namespace herreg
