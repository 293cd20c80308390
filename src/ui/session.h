// The portfolio being edited and what the core concludes about it. No ImGui here: views
// change the portfolio through edit(), and the assessment is recomputed once per change
// (it takes well under a millisecond), never per frame.
#pragma once
#include <optional>
#include <string>

#include "application_check.h"
#include "assessment.h"
#include "portfolio.h"
#include "rulebook.h"

namespace herreg::ui {

class Session {
public:
    explicit Session(Rulebook rulebook);

    const Portfolio& portfolio() const { return portfolio_; }
    // For changes: marks the portfolio changed (recomputed on the next refresh(), autosaved).
    Portfolio& edit();
    void replace(Portfolio p);   // a file opened, a sample, a restore
    void clear();                // "clear my data": an empty portfolio

    const Rulebook& rulebook() const { return rulebook_; }
    // The rules of the chosen register (nullptr when none chosen or unknown).
    const RuleSet* rules() const;

    // Recomputes when something changed. `today` fills an empty check date, as the CLI does.
    void refresh(const Date& today);

    const Assessment* assessment() const { return assessment_ ? &*assessment_ : nullptr; }
    // Why there is no assessment: the field and the core's message (empty when there is one,
    // or when the portfolio is simply not far enough yet).
    const std::string& error_field() const { return error_field_; }
    const std::string& error_message() const { return error_message_; }
    // The date the assessment was made for.
    Date check_date() const { return check_date_; }

    // True once per change: the caller autosaves.
    bool take_unsaved();
    // Counts changes; views use it to know when to re-read their edit buffers.
    unsigned long revision() const { return revision_; }

    // The application for the scheme that applies. The portfolio as the CLI reads it for
    // `herreg form`: the check date filled in (with `today` when empty).
    Portfolio assessed_portfolio() const;
    // The rule set the last assessment used (nullptr when there is none).
    const RuleSet* assessed_rules() const { return assessment_ ? assessed_rules_ : nullptr; }
    // The pre-check (check_application) in `lang`; nullptr when there is no assessment or its
    // outcome has no application form. Computed on demand, once per change and language;
    // the pointer is valid until the next change.
    const ApplicationCheck* application_check(std::string_view lang) const;

private:
    Rulebook rulebook_;
    Portfolio portfolio_;
    std::optional<Assessment> assessment_;
    std::string error_field_, error_message_;
    Date check_date_;
    const RuleSet* assessed_rules_ = nullptr;
    mutable std::optional<ApplicationCheck> check_;
    mutable unsigned long check_revision_ = 0;
    mutable std::string check_lang_;
    bool dirty_ = true;
    bool unsaved_ = false;
    unsigned long revision_ = 0;
};

// A portfolio to start from: the first register's defaults, nothing entered.
Portfolio empty_portfolio();

}  // namespace herreg::ui
