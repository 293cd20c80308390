#include "ui/session.h"

#include <utility>

#include "input_error.h"

namespace herreg::ui {

Session::Session(Rulebook rulebook) : rulebook_(std::move(rulebook)), portfolio_(empty_portfolio()) {}

Portfolio& Session::edit() {
    dirty_ = true;
    unsaved_ = true;
    ++revision_;
    return portfolio_;
}

void Session::replace(Portfolio p) {
    edit() = std::move(p);
}

void Session::clear() {
    edit() = empty_portfolio();
}

const RuleSet* Session::rules() const {
    if (portfolio_.register_id.empty()) return nullptr;
    return rulebook_.find(portfolio_.register_id, portfolio_.specialisation);
}

void Session::refresh(const Date& today) {
    if (!dirty_) return;
    dirty_ = false;
    assessment_.reset();
    check_.reset();   // made from the old assessment
    error_field_.clear();
    error_message_.clear();
    check_date_ = portfolio_.check_date.value_or(today);
    if (portfolio_.register_id.empty()) return;
    try {
        const RuleSet& rs = rulebook_.for_portfolio(portfolio_);
        Portfolio p = portfolio_;
        p.check_date = check_date_;
        assessment_ = assess(p, rs);
        assessed_rules_ = &rs;
    } catch (const InputError& e) {
        error_field_ = e.field();
        error_message_ = e.what();
        if (!error_field_.empty() && error_message_.rfind(error_field_ + ": ", 0) == 0)
            error_message_ = error_message_.substr(error_field_.size() + 2);
    } catch (const std::exception& e) {   // a bug, not bad input: still no crash
        error_message_ = e.what();
    }
}

Portfolio Session::assessed_portfolio() const {
    Portfolio p = portfolio_;
    if (!p.check_date) p.check_date = check_date_;
    return p;
}

const ApplicationCheck* Session::application_check(std::string_view lang) const {
    if (!assessment_ || !assessed_rules_ || !has_application_form(assessment_->regime)) return nullptr;
    if (!check_ || check_revision_ != revision_ || check_lang_ != lang) {
        check_.reset();   // should it throw (a bug, not input), there is no stale check left
        check_ = check_application(assessed_portfolio(), *assessment_, *assessed_rules_, lang);
        check_revision_ = revision_;
        check_lang_ = std::string(lang);
    }
    return &*check_;
}

bool Session::take_unsaved() {
    return std::exchange(unsaved_, false);
}

Portfolio empty_portfolio() {
    Portfolio p;
    p.registration.initial = true;
    return p;
}

}  // namespace herreg::ui
