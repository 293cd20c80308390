// The portfolio: what a professional enters about their registration, hours and
// development activities. It is the app's save file, the CLI's input and the
// test cases' input (format "herreg-portfolio/1", see README "Portfolio format").
#pragma once
#include "forms/application.h"
#include "dates/civil_date.h"

// Declarations only: the screens that include this need not parse all of nlohmann/json.
#include <nlohmann/json_fwd.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace herreg {

// Version 1 holds one registration; version 2 adds other_registrations and entries marked
// `for` some of them (README "Portfolio format"). A portfolio that uses neither is written as
// version 1, so herreg versions that read only version 1 still open it.
inline constexpr const char* kPortfolioFormat = "herreg-portfolio/1";
inline constexpr const char* kPortfolioFormat2 = "herreg-portfolio/2";

struct HoursEntry {
    std::optional<int> year;   // set when entered per calendar year; from/to then span it
    Date from, to;             // inclusive
    double hours = 0;
    // The registrations (registration_key) these hours count for; empty: every one the
    // portfolio holds.
    std::vector<std::string> for_registrations;
};

struct Activity {
    Date date;
    std::string title, provider;
    std::string category;              // bij_en_nascholing, overige, dba, ... (per register)
    std::optional<std::string> kind;   // a capped activity type (NVvPO), if any
    double points = 0;
    bool accredited = false;
    // For a kind that counts per meeting (NVvPO): how many meetings the entry covers (empty: one)
    // and how long each lasted in hours (empty: not said).
    std::optional<int> meetings;
    std::optional<double> meeting_hours;
    int meeting_count() const { return meetings.value_or(1); }
    std::vector<std::string> for_registrations;   // as HoursEntry's
};

struct Registration {
    bool initial = true;                // false: only a diploma registration
    std::optional<Date> period_start;   // current (or last) period
    std::optional<Date> period_end;     // defaults to start + the register's period length
};

// Another registration of the same professional (format 2): a base registration beside its
// specialisations (003), each with its own register, period and answers; the hours and
// activities are the portfolio's, shared unless marked `for` one of them.
struct OtherRegistration {
    std::string register_id;
    std::string profession;
    std::optional<std::string> specialisation;
    Registration registration;
    std::optional<Date> last_worked;
    std::vector<std::string> circumstances;
    std::map<std::string, bool> plan_not_carried_out;
    std::map<std::string, std::optional<double>> thresholds;
};

// The helpdesk's side of a conversation about this portfolio (README "Portfolio format",
// `helpdesk`): whom it was with, the case, what was agreed, and the what-if it made. Saved
// with the portfolio, so a file, the autosave and a link keep them; none of it is assessed.
struct HelpdeskNotes {
    std::string case_number;   // the association's own reference
    std::string member;        // the member's name as the helpdesk wrote it down
    std::string advisor;       // who took the call
    std::string notes;         // what was agreed: whole, however long (kMaxNotesText)
    // The what-if scenario beside the data as entered: the JSON text of a portfolio document of
    // its own (without a helpdesk of its own), read as a draft is (read_portfolio(*what_if_json,
    // ReadMode::draft)).
    std::optional<std::string> what_if_json;
    bool empty() const { return case_number.empty() && member.empty() && advisor.empty() && notes.empty() && !what_if_json; }
};

struct Portfolio {
    std::string register_id;
    std::string profession;
    std::optional<std::string> specialisation;
    std::optional<Date> check_date;      // the app and CLI fill in today when absent
    Registration registration;
    std::optional<Date> last_worked;
    std::vector<std::string> circumstances;
    // Per special scheme (dispensation, deferral, reentry): was it used before without its plan
    // being carried out? A scheme missing here has not been asked (001 §1.3, 002).
    std::map<std::string, bool> plan_not_carried_out;
    std::map<std::string, std::optional<double>> thresholds;   // criterion id -> required (null: unknown)
    std::vector<HoursEntry> hours;
    std::vector<Activity> activities;
    Application application;   // the scheme's application form, while it is being filled in
    std::vector<OtherRegistration> other_registrations;   // format 2
    HelpdeskNotes helpdesk;
    // Fields this version does not model (forms, notes, ...) kept for a lossless round trip:
    // the JSON text of an object of them, empty when there are none. Text, so that this header
    // needs no more than json_fwd.hpp; unknown_fields() and set_unknown_fields() take it apart.
    std::string extra_json;
};

// The id plan_not_carried_out uses for the re-entry scheme (all its groups); the points-short
// schemes go by their regime (dispensation, deferral).
inline constexpr const char* kReentrySchemeId = "reentry";

// How an entry's `for` names a registration: "kp", or with its specialisation
// "vvocm/kinderoefentherapie".
std::string registration_key(std::string_view register_id, const std::optional<std::string>& specialisation);
// An hours entry or activity marked `for` some registrations (format 2).
bool has_for_marks(const Portfolio& p);
// When the app changes which registrations a portfolio holds, the marks follow: a registration
// that becomes another (the register of the one the portfolio names is changed) takes its marks
// along; a removed one leaves none behind (an entry marked for it alone then counts for all).
void rename_registration_marks(Portfolio& p, const std::string& from, const std::string& to);
void forget_registration_marks(Portfolio& p, const std::string& key);

// The app's edits of which registrations a portfolio holds, keeping what was typed and the
// file readable: the named registration becomes (register, specialisation), swapping places
// with an other registration that is it (marks follow a plain change); other registration i
// goes, with its marks.
void name_registration(Portfolio& p, const std::string& register_id, const std::optional<std::string>& specialisation,
                       const std::string& default_profession);
void remove_other_registration(Portfolio& p, size_t i);

// The circumstance ids the special schemes recognise (001 §1.4, 002).
const std::vector<std::string>& known_circumstances();

// Complete: what the CLI and an assessment need. Draft: a portfolio still being filled in
// (the app's autosave): a missing register or period start is fine, but everything that
// is there must still be well-formed; a reversed range or an over-long text is kept for the
// user to fix (assess() refuses them). Opened: a file opened in the app, which replaces what
// is there only when it is sound: it may be as unfinished as a draft (the app saves drafts),
// but what it holds meets the limits of a complete one, and a check date does not lie
// before the period's start.
enum class ReadMode { complete, draft, opened };

// Throws InputError naming the field for anything malformed; register,
// category and kind names are checked later against the rules.
Portfolio read_portfolio(std::string_view json_text, ReadMode mode = ReadMode::complete);
Portfolio portfolio_from_json(const nlohmann::json& doc, ReadMode mode = ReadMode::complete);
nlohmann::json portfolio_to_json(const Portfolio& p);
std::string write_portfolio(const Portfolio& p);   // pretty-printed, stable key order

// Upper bounds that catch typos and hostile numbers, not real-life limits.
inline constexpr double kMaxPointsPerActivity = 1000;
inline constexpr double kMaxHoursPerDay = 24;
inline constexpr size_t kMaxActivityText = 500;   // title, provider
inline constexpr size_t kMaxHelpdeskName = 500;   // helpdesk.case_number, .member, .advisor
inline constexpr size_t kMaxNotesText = 20000;    // helpdesk.notes: pages of agreements
// Entries in `hours` and in `activities`: five years of daily hours fit many times over.
inline constexpr size_t kMaxListEntries = 10000;
inline constexpr int kMaxMeetingsPerActivity = 366;
// Registrations in one portfolio (other_registrations, an entry's `for`): four specialisations
// and a base registration are all a person can hold; the limit only stops hostile files.
inline constexpr size_t kMaxRegistrations = 32;
// Fields herreg does not know are kept for the file's next reader, at most this many bytes of
// JSON for all of them together (names included): every save writes them again, and 4.8 MB of
// them made each keystroke in the app take most of a second.
inline constexpr size_t kMaxUnknownFieldsBytes = 100000;
size_t unknown_fields_bytes(const nlohmann::json& extra);
// The unknown fields as a JSON object (empty when there are none), and back.
nlohmann::json unknown_fields(const Portfolio& p);
void set_unknown_fields(Portfolio& p, const nlohmann::json& fields);

}  // namespace herreg
