// Rules as data: what one register requires, read from one rules/*.json file.
// The engine knows no register by name; everything register-specific lives
// here, each number with the source it came from (OpenFisca-style: values
// keyed by effective date, each with its reference).
#pragma once
#include "dates/civil_date.h"
#include "input/input_error.h"
#include "assessment/regime.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace herreg {

inline constexpr const char* kRulesFormat = "herreg-rules/1";

struct Text {
    std::string nl, en;
    const std::string& in(std::string_view lang) const { return lang == "en" && !en.empty() ? en : nl; }
};

// A number with its source; `value` empty means the sources do not give it.
struct Sourced {
    std::optional<double> value;
    std::optional<double> min;   // when a source gives a range ("four or five years")
    std::string source;
    std::string note;
    bool known() const { return value.has_value(); }
};

struct SourcedFlag {
    bool value = false;
    std::string source;
};

struct Note {
    Text text;
    std::string source;
    bool warning = false;   // shown as a warning rather than a plain note
};

struct Named {
    std::string id;
    Text name;
};

struct CategoryDef : Named {};

struct KindDef : Named {
    std::string category;
    std::string canmeds;
    Sourced points_per_meeting;   // at most this many points per meeting an entry covers
    Sourced cap_per_year;
    Sourced min_meeting_hours;    // a meeting counts only when it lasts at least this long
};

struct ReentryGroup {
    Regime regime = Regime::reentry_1;
    Text name;
    Sourced temporary_months, definitive_years, hours_required;
    SourcedFlag supervisor_assessment_required;
};

// Preconditions a special scheme may state (001 and 002 Bijlage 1; 001 §1.3, 002 Beoordeling).
struct SchemeConditions {
    SourcedFlag requires_initial_registration;
    SourcedFlag no_reuse_after_unfinished_plan;   // a plan not carried out bars the scheme for good
};

struct PointsShortScheme : SchemeConditions {   // dispensation (KP) / deferral (KABIZ)
    Regime regime = Regime::dispensation;
    Text name;
    std::string source;
    SourcedFlag requires_circumstances;
    Sourced temporary_months, definitive_years, proof_due_days_before_end;
    std::vector<Note> notes;
};

struct ReentryScheme : SchemeConditions {
    Text name;
    std::string source;
    Sourced break_months_min, break_months_group3, proof_due_days_before_end, hours_per_week;
    SourcedFlag evc_alternative;
    // The scheme's text sorts groups 1 and 2 by whether any development activity was done,
    // where its table sorts them by points sufficient or not (002): flag where they differ.
    SourcedFlag text_groups_by_any_activity;
    std::vector<ReentryGroup> groups;   // in order 1, 2, 3
    std::vector<Note> notes;
    const ReentryGroup* group(Regime regime) const;
};

struct InitialAndPeriodicScheme {
    Text name;
    std::string source;
    Sourced registration_years;
};

struct ExpiredSpecialisationScheme {
    Text name;
    std::string source;
    Sourced after_months, new_period_years;
    std::vector<Note> steps;
};

struct RuleVersion {
    std::optional<Date> effective_from;   // empty: applies to every period
    std::string source;
    Sourced period_years, earliest_months, late_filing_months;
    SourcedFlag flexible_start;
    // Criterion id -> required value: hours, points_total, points_<category>, points_accredited.
    // Kept in the order of the file so output follows the register's own list.
    std::vector<std::pair<std::string, Sourced>> criteria;
    Sourced hours_spread_months;
    std::optional<Note> pacing_hint;
    std::optional<Note> criteria_note;
    // How a special scheme is applied for, in order (001 §1.1, 002 Procedure): the next steps
    // of the result, before the dated ones the engine adds.
    std::vector<Note> application_steps;
    std::map<std::string, Sourced> procedure;   // completeness_working_days_min/max, assessment_weeks, ...
    std::optional<InitialAndPeriodicScheme> initial_and_periodic;
    std::optional<PointsShortScheme> points_short;
    std::optional<ReentryScheme> reentry;
    std::optional<ExpiredSpecialisationScheme> expired_specialisation;

    const Sourced* criterion(std::string_view id) const;
    const Sourced* procedure_value(std::string_view key) const;
};

// What a rules file's `citations` may name: the sources of statements the engine makes about
// every register (only what falls in the period counts, a lapsed registration, ...). A statement
// whose citation a register does not give is made without one, never with another register's.
inline constexpr const char* kCitationKeys[] = {
    "period_window",            // only what falls inside the registration period counts
    "last_years_window",        // without a current period, the last years before the check date count
    "lapsed_registration",      // a period not renewed in time: the diploma register
    "non_accredited_evidence",  // non-accredited activities count only with accepted evidence
    "temporary_start",          // when a temporary registration starts
    "temporary_end",            // how long it runs
    "application_reasons",      // the application says why the criteria were not met
    // The application form's pre-check (application_check.cpp): what the assessors ask.
    "application_form",         // a complete form, with name and registration number
    "circumstances",            // the special circumstances a points-short scheme asks for
    "points_plan",              // the plan for the missing points
    "reentry_plan",             // the re-entry plan: hours, training, mentoring, self-evaluation
    "reentry_criteria",         // what the re-entry application is judged on
    "scheme_table",             // the table of schemes (what each group must do)
};

struct RuleSet {
    std::string register_id;
    std::optional<std::string> specialisation;
    Text name;
    std::string short_name;
    Note about;
    std::vector<Note> conditions;
    std::map<std::string, std::string> citations;   // kCitationKeys -> source
    // The source the file gives for a statement (kCitationKeys), or empty.
    std::string cite(std::string_view key) const;
    std::vector<Named> professions;
    std::vector<CategoryDef> categories;
    std::vector<KindDef> kinds;
    std::vector<Named> competences;                                   // the register's default list
    std::map<std::string, std::vector<Named>> profession_competences;  // a profession's own list
    std::string competences_source;
    std::vector<RuleVersion> versions;   // sorted by effective_from, undated first

    const CategoryDef* category(std::string_view id) const;
    const KindDef* kind(std::string_view id) const;
    // Where each category and kind sits in its list, for category() and kind(): filled by
    // index_ids(), which the reader calls (a rules file may hold tens of thousands, and every
    // activity is looked up). A RuleSet put together by hand has none: the look-ups then walk
    // the lists.
    std::map<std::string, size_t, std::less<>> category_at;
    std::map<std::string, size_t, std::less<>> kind_at;
    void index_ids();
    // A portfolio's own threshold names a criterion: hours, points_total, points_accredited or
    // points_<category>. Throws InputError at `path` listing the known ones otherwise.
    void require_criterion(const std::string& id, const std::string& path) const;
    // The version in force for a period that began on `period_start`: the last one
    // whose effective_from is on or before it. When the period began before every
    // dated version, the earliest one is returned and `*before_all` is set.
    const RuleVersion& version_for(const Date& period_start, bool* before_all = nullptr) const;
};

// Reads and checks one rules file. Throws InputError naming the JSON path.
RuleSet load_rules(std::string_view json_text, const std::string& file_name = "rules");

// Every problem in one rules file, each naming its path as the field (empty when valid; what()
// is "path: problem"). Unlike load_rules it does not stop at the first problem where it can go on.
std::vector<InputError> validate_rules(std::string_view json_text, const std::string& file_name = "rules");

}  // namespace herreg
