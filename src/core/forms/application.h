// The application for a scheme (dispensation, deferral, re-entry 1-3): what the
// professional writes on the register's form besides their portfolio (001 §1.2,
// §2.1; 002). Saved inside the portfolio file under "application"; every field is
// optional, so a half-filled form is a valid save.
#pragma once
#include "dates/civil_date.h"

// Declarations only: the screens that include this need not parse all of nlohmann/json.
#include <nlohmann/json_fwd.hpp>

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace herreg {

// The five questions of the self-evaluation, per competence (001 §2.1, 002).
inline constexpr int kSelfEvaluationQuestions = 5;

struct CompetenceAnswers {
    std::string competence;   // a competence id from the rules file
    std::array<std::string, kSelfEvaluationQuestions> answers;
};

// How the missing work experience is made up during the temporary registration (re-entry).
struct HoursPlan {
    std::optional<double> hours_per_week;
    std::optional<Date> from, to;   // empty: the temporary registration's own dates
    std::string workplace;          // practice or employer where the hours are worked
    std::string description;
};

struct Supervision {
    std::string name;
    std::string registration_number;
    std::optional<bool> periodically_registered;   // empty: not answered yet
    std::optional<double> hours;
    std::string evaluation;                        // how the supervision is evaluated and assessed
    // Group 3: the supervisor assesses the result in between and at the end (001 Bijlage 1).
    std::optional<Date> interim_assessment, final_assessment;
};

// The EVC route: an assessment at a university of applied sciences whose result and
// training plan are submitted instead of the self-evaluation and plans (001 §2.1).
struct EvcRoute {
    bool chosen = false;
    std::string institution;
    std::string result;
    std::string plan;
};

struct Application {
    // The applicant.
    std::string name;
    std::string registration_number;   // the register's number for this professional
    std::string email;
    // The special circumstances: which (Portfolio::circumstances), when, and why.
    std::optional<Date> circumstances_from, circumstances_to;
    std::string reasons;
    // The plan of action. The planned activities themselves are the portfolio's
    // activities dated after the check date.
    std::string points_plan;
    HoursPlan hours_plan;
    std::string training_plan;    // scholingsplan
    std::string mentoring_plan;   // begeleidingsplan
    std::vector<CompetenceAnswers> self_evaluation;
    Supervision supervision;
    EvcRoute evc;

    // The answers for one competence, added empty when missing.
    CompetenceAnswers& answers_for(const std::string& competence);
    const CompetenceAnswers* find_answers(const std::string& competence) const;
    bool empty() const;
};

// Longest text accepted in one field: generous for a plan, small enough that a
// hostile file cannot make the PDF or the autosave balloon.
inline constexpr size_t kMaxApplicationText = 20000;
// A name, number or e-mail address: one line on every page of the form.
inline constexpr size_t kMaxApplicationLine = 200;

// Reads the "application" member. `path` names it in errors ("application").
// Throws InputError naming the field for a wrong type, a bad date or (when `limit_lengths`;
// not for the app's drafts, which must read back whatever was typed) an over-long text.
Application application_from_json(const nlohmann::json& j, const std::string& path, bool limit_lengths = true);
nlohmann::json application_to_json(const Application& a);

}  // namespace herreg
