// The portfolio being edited and what the core concludes about it. No ImGui here: views
// change the portfolio through edit(), and the assessment is recomputed once per change
// (it takes well under a millisecond), never per frame.
//
// Helpdesk "what if": next to the portfolio as entered there can be a second scenario, a copy
// the helpdesk changes (more hours, a course planned, a later check date) to compare with.
// Every step edits the *active* scenario through the same calls, so the whole wizard works on
// either; the comparison view reads both. Only the scenario as entered is the member's data.
#pragma once
#include <functional>
#include <optional>
#include <string>

#include "forms/application_check.h"
#include "assessment/assessment.h"
#include "input/input_error.h"
#include "portfolio/registrations.h"
#include "portfolio/portfolio.h"
#include "rules/rulebook.h"

namespace herreg::ui {

enum class Scenario { as_entered = 0, what_if = 1 };

class Session {
public:
    explicit Session(Rulebook rulebook);
    // The rules read when first needed, not when the session is made: the welcome screen
    // needs none, and in the browser reading the built-in files cost its first frame about a
    // quarter of its time (the app reads them right after that frame: app.cpp).
    using ReadRules = std::function<Rulebook()>;
    explicit Session(ReadRules read_later);

    // ------------------------------------------------ the active scenario
    const Portfolio& portfolio() const { return active().portfolio; }
    // For changes: marks the portfolio changed (recomputed on the next refresh(), autosaved).
    // The first change to the data as entered while a what-if exists is held as pending
    // (as_entered_edit_pending): the app asks once whether that was meant.
    Portfolio& edit();
    // The what-if's portfolio, whichever scenario the steps edit (the quick what-ifs).
    Portfolio& edit_what_if();
    bool as_entered_edit_pending() const { return before_as_entered_edit_.has_value(); }
    void confirm_as_entered_edits();     // yes: this and later changes stand, not asked again
    void undo_as_entered_edit();         // no: the data as entered as it was; the what-if is edited
    // A file opened, a sample, a restore, "clear my data": new data for the scenario as
    // entered. A what-if belonged to the old data and is dropped.
    void replace(Portfolio p);
    void clear();                // an empty portfolio

    // Reads the rules first if they are not yet (and throws what reading them throws).
    const Rulebook& rulebook() const;
    bool rules_read() const { return rulebook_.has_value(); }
    // The rules of the chosen register (nullptr when none chosen or unknown).
    const RuleSet* rules() const { return rules_for(active().portfolio); }
    // An association's own rules file, already checked (Rulebook::problems_in found nothing):
    // its register takes the place of the built-in one with the same id, or is added. Both
    // scenarios are assessed again with it. Throws InputError as Rulebook::add_own does.
    const RuleSet& add_own_rules(const RulesFile& file, bool* replaced = nullptr);
    // The own rules file the chosen register comes from; nullptr for herreg's built-in rules.
    const std::string* own_rules_file() const;

    // Recomputes what changed (both scenarios). `today` fills an empty check date, as the CLI does.
    void refresh(const Date& today);

    const Assessment* assessment() const { return assessment(which_); }
    // Why there is no assessment: the core's error, naming the field (nullptr when there is
    // one, or when the portfolio is simply not far enough yet). Kept as the error, not its
    // text, so it is worded in whatever language the page is in when it is shown.
    const InputError* error() const { return error(which_); }
    // The date the assessment was made for.
    Date check_date() const { return active().check_date; }

    // True once per change of either scenario: the caller autosaves.
    bool take_unsaved();
    // Counts changes; views use it to know when to re-read their edit buffers.
    unsigned long revision() const { return revision_; }

    // The application for the scheme that applies. The portfolio as the CLI reads it for
    // `herreg form`: the check date filled in (with `today` when empty).
    Portfolio assessed_portfolio() const { return assessed_portfolio(which_); }
    // The rule set the last assessment used (nullptr when there is none).
    const RuleSet* assessed_rules() const { return assessed_rules(which_); }
    // The pre-check (check_application) in `lang`; nullptr when there is no assessment or its
    // outcome has no application form. Computed on demand, once per change and language;
    // the pointer is valid until the next change.
    const ApplicationCheck* application_check(std::string_view lang) const;

    // ------------------------------------------------ the two scenarios
    bool has_what_if() const { return what_if_.has_value(); }
    Scenario editing() const { return which_; }
    // Starts a what-if as a copy of the portfolio as entered (or goes back to the one there is)
    // and makes it the one the steps edit.
    void start_what_if();
    void select(Scenario s);             // which one the steps edit (what_if only when there is one)
    void adopt_what_if();                // the what-if becomes the portfolio as entered
    void drop_what_if();                 // back to the portfolio as entered only
    // A what-if restored from the browser's storage (the helpdesk reloaded the page).
    void restore_what_if(Portfolio p);

    // The helpdesk's notes on the conversation: part of the portfolio as entered (saved with it,
    // in a file and a link), whichever scenario the steps edit. Notes are never assessed: a
    // change is saved (and counts as a change of what was opened), nothing is recomputed.
    const HelpdeskNotes& notes() const { return as_entered_.portfolio.helpdesk; }
    HelpdeskNotes& notes_for_edit() { return as_entered_.portfolio.helpdesk; }
    void notes_changed() {
        unsaved_ = true;
        ++revision_;
    }

    // The portfolio as entered with the what-if inside it (helpdesk.what_if), for a link that
    // carries both; and the reverse: a portfolio that carries a what-if becomes the data as
    // entered beside that what-if (what was opened: a link, a file).
    Portfolio with_what_if() const;
    void replace_with_what_if(Portfolio p);

    const Portfolio& portfolio(Scenario s) const { return get(s).portfolio; }
    const Assessment* assessment(Scenario s) const;
    const RuleSet* assessed_rules(Scenario s) const;
    Portfolio assessed_portfolio(Scenario s) const;
    const InputError* error(Scenario s) const { return get(s).error ? &*get(s).error : nullptr; }
    const std::vector<OtherAssessment>& other_assessments() const { return active().others; }
    const std::optional<InputError>& other_registrations_error() const { return active().others_error; }

private:
    struct State {
        Portfolio portfolio;
        std::optional<Assessment> assessment;
        // The portfolio's other registrations (format 2), each assessed on its own rules; what
        // stopped them, when something did (the first assessment still stands).
        std::vector<OtherAssessment> others;
        std::optional<InputError> others_error;
        std::optional<InputError> error;
        Date check_date;
        const RuleSet* assessed_rules = nullptr;
        bool dirty = true;
    };
    const State& active() const { return get(which_); }
    const State& get(Scenario s) const { return s == Scenario::what_if && what_if_ ? *what_if_ : as_entered_; }
    State& get(Scenario s) { return s == Scenario::what_if && what_if_ ? *what_if_ : as_entered_; }
    const RuleSet* rules_for(const Portfolio& p) const;
    void refresh(State& st, const Date& today);
    void changed(State& st);

    Rulebook& book();   // rulebook(), for changes (add_own_rules)
    // Filled on the first use (rulebook() is const to its callers: reading is not a change).
    mutable std::optional<Rulebook> rulebook_;
    mutable ReadRules read_later_;
    // Before the first change to the data as entered while there is a what-if (not yet confirmed).
    std::optional<Portfolio> before_as_entered_edit_;
    bool as_entered_edits_confirmed_ = false;
    State as_entered_;
    std::optional<State> what_if_;
    Scenario which_ = Scenario::as_entered;
    mutable std::optional<ApplicationCheck> check_;
    mutable unsigned long check_revision_ = 0;
    mutable std::string check_lang_;
    mutable Scenario check_scenario_ = Scenario::as_entered;
    bool unsaved_ = false;
    unsigned long revision_ = 0;
};

// A portfolio to start from: the first register's defaults, nothing entered.
Portfolio empty_portfolio();

}  // namespace herreg::ui
