// The "application" member of a portfolio file: read leniently (every field may be
// missing or null while the form is being filled in), written completely.
#include "forms/application.h"
#include "input/input_error.h"
#include "input/json_input.h"

#include <algorithm>

namespace herreg {

CompetenceAnswers& Application::answers_for(const std::string& competence) {
    for (auto& c : self_evaluation)
        if (c.competence == competence) return c;
    self_evaluation.push_back(CompetenceAnswers{competence, {}});
    return self_evaluation.back();
}

const CompetenceAnswers* Application::find_answers(const std::string& competence) const {
    for (const auto& c : self_evaluation)
        if (c.competence == competence) return &c;
    return nullptr;
}

bool Application::empty() const { return application_to_json(*this) == application_to_json(Application{}); }

namespace {

std::optional<bool> optional_bool(const Json& obj, const char* key, const std::string& path) {
    const Json* v = find_member(obj, key);
    if (!v || v->is_null()) return std::nullopt;
    if (!v->is_boolean()) throw InputError(path_join(path, key), Message{"json.expected_bool", {quote_value(*v)}});
    return v->get<bool>();
}

const Json* object_member(const Json& obj, const char* key, const std::string& path) {
    const Json* v = find_member(obj, key);
    if (!v || v->is_null()) return nullptr;
    require_object(*v, path_join(path, key));
    return v;
}

Json opt(const std::optional<Date>& d) { return d ? Json(to_iso(*d)) : Json(nullptr); }
Json opt(const std::optional<double>& x) { return x ? Json(*x) : Json(nullptr); }
Json opt(const std::optional<bool>& b) { return b ? Json(*b) : Json(nullptr); }

}  // namespace

Application application_from_json(const Json& j, const std::string& path, bool limit_lengths) {
    // A text field; drafts keep over-long texts so an autosave reads back whatever was typed.
    auto text = [limit_lengths](const Json& obj, const char* key, const std::string& at, size_t max = kMaxApplicationText) {
        std::string s = get_optional_string(obj, key, at).value_or("");
        if (limit_lengths && s.size() > max)
            throw InputError(path_join(at, key), Message{"application.too_long", {std::to_string(s.size()), std::to_string(max)}});
        return s;
    };
    require_object(j, path);
    Application a;
    a.name = text(j, "name", path, kMaxApplicationLine);
    a.registration_number = text(j, "registration_number", path, kMaxApplicationLine);
    a.email = text(j, "email", path, kMaxApplicationLine);
    a.circumstances_from = get_optional_date(j, "circumstances_from", path);
    a.circumstances_to = get_optional_date(j, "circumstances_to", path);
    a.reasons = text(j, "reasons", path);
    a.points_plan = text(j, "points_plan", path);
    a.training_plan = text(j, "training_plan", path);
    a.mentoring_plan = text(j, "mentoring_plan", path);

    if (const Json* h = object_member(j, "hours_plan", path)) {
        const std::string hp = path_join(path, "hours_plan");
        a.hours_plan.hours_per_week = get_optional_number(*h, "hours_per_week", hp, 0, 7 * 24);
        a.hours_plan.from = get_optional_date(*h, "from", hp);
        a.hours_plan.to = get_optional_date(*h, "to", hp);
        a.hours_plan.workplace = text(*h, "workplace", hp, kMaxApplicationLine);
        a.hours_plan.description = text(*h, "description", hp);
    }
    if (const Json* s = object_member(j, "supervision", path)) {
        const std::string sp = path_join(path, "supervision");
        a.supervision.name = text(*s, "name", sp, kMaxApplicationLine);
        a.supervision.registration_number = text(*s, "registration_number", sp, kMaxApplicationLine);
        a.supervision.periodically_registered = optional_bool(*s, "periodically_registered", sp);
        a.supervision.hours = get_optional_number(*s, "hours", sp, 0, 5000);
        a.supervision.evaluation = text(*s, "evaluation", sp);
        a.supervision.interim_assessment = get_optional_date(*s, "interim_assessment", sp);
        a.supervision.final_assessment = get_optional_date(*s, "final_assessment", sp);
    }
    if (const Json* e = object_member(j, "evc", path)) {
        const std::string ep = path_join(path, "evc");
        a.evc.chosen = get_bool(*e, "chosen", ep, false);
        a.evc.institution = text(*e, "institution", ep, kMaxApplicationLine);
        a.evc.result = text(*e, "result", ep);
        a.evc.plan = text(*e, "plan", ep);
    }
    if (const Json* se = find_member(j, "self_evaluation"); se && !se->is_null()) {
        const std::string sp = path_join(path, "self_evaluation");
        require_array(*se, sp);
        if (se->size() > 100) throw InputError(sp, Message{"application.too_many_competences"});
        for (size_t i = 0; i < se->size(); ++i) {
            const std::string ip = path_index(sp, i);
            const Json& item = (*se)[i];
            require_object(item, ip);
            CompetenceAnswers c;
            c.competence = get_string(item, "competence", ip);
            if (const Json* ans = find_member(item, "answers"); ans && !ans->is_null()) {
                const std::string ap = path_join(ip, "answers");
                require_array(*ans, ap);
                if (ans->size() > size_t(kSelfEvaluationQuestions))
                    throw InputError(ap, Message{"application.too_many_answers", {std::to_string(kSelfEvaluationQuestions)}});
                for (size_t k = 0; k < ans->size(); ++k) {
                    const Json& v = (*ans)[k];
                    const std::string kp = path_index(ap, k);
                    if (v.is_null()) continue;
                    if (!v.is_string()) throw InputError(kp, Message{"json.expected_text", {quote_value(v)}});
                    if (limit_lengths && v.get_ref<const std::string&>().size() > kMaxApplicationText)
                        throw InputError(kp, Message{"application.answer_too_long"});
                    c.answers[k] = v.get<std::string>();
                }
            }
            // A competence listed twice keeps its first answers: a merge, not a crash.
            if (!a.find_answers(c.competence)) a.self_evaluation.push_back(std::move(c));
        }
    }
    return a;
}

Json application_to_json(const Application& a) {
    Json self = Json::array();
    for (const auto& c : a.self_evaluation) self.push_back({{"competence", c.competence}, {"answers", c.answers}});
    return Json{
        {"name", a.name},
        {"registration_number", a.registration_number},
        {"email", a.email},
        {"circumstances_from", opt(a.circumstances_from)},
        {"circumstances_to", opt(a.circumstances_to)},
        {"reasons", a.reasons},
        {"points_plan", a.points_plan},
        {"hours_plan",
         {{"hours_per_week", opt(a.hours_plan.hours_per_week)},
          {"from", opt(a.hours_plan.from)},
          {"to", opt(a.hours_plan.to)},
          {"workplace", a.hours_plan.workplace},
          {"description", a.hours_plan.description}}},
        {"training_plan", a.training_plan},
        {"mentoring_plan", a.mentoring_plan},
        {"self_evaluation", self},
        {"supervision",
         {{"name", a.supervision.name},
          {"registration_number", a.supervision.registration_number},
          {"periodically_registered", opt(a.supervision.periodically_registered)},
          {"hours", opt(a.supervision.hours)},
          {"evaluation", a.supervision.evaluation},
          {"interim_assessment", opt(a.supervision.interim_assessment)},
          {"final_assessment", opt(a.supervision.final_assessment)}}},
        {"evc", {{"chosen", a.evc.chosen}, {"institution", a.evc.institution}, {"result", a.evc.result}, {"plan", a.evc.plan}}},
    };
}

}  // namespace herreg
