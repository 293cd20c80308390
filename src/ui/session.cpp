#include "ui/session.h"

#include <utility>

#include "input/input_error.h"

namespace herreg::ui {

Session::Session(Rulebook rulebook) : rulebook_(std::move(rulebook)) { as_entered_.portfolio = empty_portfolio(); }

Session::Session(ReadRules read_later) : read_later_(std::move(read_later)) { as_entered_.portfolio = empty_portfolio(); }

const Rulebook& Session::rulebook() const {
    if (!rulebook_) {
        rulebook_ = read_later_();   // a throw leaves them unread: the next use tries again
        read_later_ = nullptr;
    }
    return *rulebook_;
}

Rulebook& Session::book() {
    rulebook();
    return *rulebook_;
}

void Session::changed(State& st) {
    st.dirty = true;
    unsaved_ = true;
    ++revision_;
}

Portfolio& Session::edit() {
    State& st = get(which_);
    if (which_ == Scenario::as_entered && what_if_ && !as_entered_edits_confirmed_ && !before_as_entered_edit_)
        before_as_entered_edit_ = st.portfolio;
    changed(st);
    return st.portfolio;
}

Portfolio& Session::edit_what_if() {
    State& st = get(what_if_ ? Scenario::what_if : which_);
    changed(st);
    return st.portfolio;
}

void Session::confirm_as_entered_edits() {
    before_as_entered_edit_.reset();
    as_entered_edits_confirmed_ = true;
}

void Session::undo_as_entered_edit() {
    if (!before_as_entered_edit_) return;
    as_entered_.portfolio = std::move(*before_as_entered_edit_);
    before_as_entered_edit_.reset();
    changed(as_entered_);
    select(Scenario::what_if);
}

void Session::replace(Portfolio p) {
    drop_what_if();
    changed(as_entered_);
    as_entered_.portfolio = std::move(p);
}

void Session::clear() { replace(empty_portfolio()); }

const RuleSet* Session::rules_for(const Portfolio& p) const {
    if (p.register_id.empty()) return nullptr;
    return rulebook().find(p.register_id, p.specialisation);
}

const RuleSet& Session::add_own_rules(const RulesFile& file, bool* replaced) {
    const RuleSet& rs = book().add_own(file, replaced);
    // Adding a set may move the others: nothing may keep pointing into the old ones.
    for (State* st : {&as_entered_, what_if_ ? &*what_if_ : nullptr}) {
        if (!st) continue;
        st->assessment.reset();
        st->assessed_rules = nullptr;
        st->others.clear();   // their rules pointers too
        st->dirty = true;
    }
    check_.reset();
    ++revision_;   // not unsaved: the portfolio itself did not change
    return rs;
}

const std::string* Session::own_rules_file() const {
    const RuleSet* rs = rules();
    return rs ? rulebook().own_file(*rs) : nullptr;
}

void Session::refresh(const Date& today) {
    refresh(as_entered_, today);
    if (what_if_) refresh(*what_if_, today);
}

void Session::refresh(State& st, const Date& today) {
    if (!st.dirty) return;
    st.dirty = false;
    st.assessment.reset();
    check_.reset();   // may have been made from the old assessment
    st.error.reset();
    st.check_date = st.portfolio.check_date.value_or(today);
    if (st.portfolio.register_id.empty()) return;
    try {
        const RuleSet& rs = rulebook().for_portfolio(st.portfolio);
        Portfolio p = st.portfolio;
        p.check_date = st.check_date;
        st.assessment = assess(p, rs);
        st.assessed_rules = &rs;
        st.others.clear();
        st.others_error.reset();
        if (!p.other_registrations.empty()) {
            try {
                st.others = assess_other_registrations(p, rulebook());
            } catch (const std::exception& e) {   // a bug: each registration's own problem is in st.others
                st.others_error = InputError("", Message{"app.fault", {e.what()}});
            }
        }
    } catch (const InputError& e) {
        st.error = e;
    } catch (const std::exception& e) {   // a bug, not bad input: still no crash, and said as a fault
        st.error = InputError("", Message{"app.fault", {e.what()}});
    }
}

const Assessment* Session::assessment(Scenario s) const {
    const State& st = get(s);
    return st.assessment ? &*st.assessment : nullptr;
}

const RuleSet* Session::assessed_rules(Scenario s) const {
    const State& st = get(s);
    return st.assessment ? st.assessed_rules : nullptr;
}

Portfolio Session::assessed_portfolio(Scenario s) const {
    const State& st = get(s);
    Portfolio p = st.portfolio;
    if (!p.check_date) p.check_date = st.check_date;
    return p;
}

const ApplicationCheck* Session::application_check(std::string_view lang) const {
    const State& st = active();
    if (!st.assessment || !st.assessed_rules || !has_application_form(st.assessment->regime)) return nullptr;
    if (!check_ || check_revision_ != revision_ || check_lang_ != lang || check_scenario_ != which_) {
        check_.reset();   // should it throw (a bug, not input), there is no stale check left
        check_ = check_application(assessed_portfolio(), *st.assessment, *st.assessed_rules, lang);
        check_revision_ = revision_;
        check_lang_ = std::string(lang);
        check_scenario_ = which_;
    }
    return &*check_;
}

Portfolio Session::with_what_if() const {
    Portfolio p = as_entered_.portfolio;
    if (what_if_) {
        Portfolio w = what_if_->portfolio;
        w.helpdesk = {};
        p.helpdesk.what_if_json = write_portfolio(w);
    }
    return p;
}

void Session::replace_with_what_if(Portfolio p) {
    std::optional<std::string> w = std::move(p.helpdesk.what_if_json);
    p.helpdesk.what_if_json.reset();
    replace(std::move(p));
    // Read already when the whole portfolio was (portfolio_json.cpp checks it as a draft).
    if (w) restore_what_if(read_portfolio(*w, ReadMode::draft));
}

void Session::start_what_if() {
    if (!what_if_) {
        what_if_ = as_entered_;   // assessment included: nothing to recompute yet
        what_if_->portfolio.helpdesk = {};   // the notes stay with the data as entered
        ++revision_;
        unsaved_ = true;
    }
    select(Scenario::what_if);
}

void Session::select(Scenario s) {
    if (s == Scenario::what_if && !what_if_) return;
    if (s == which_) return;
    which_ = s;
    ++revision_;   // views re-read their edit buffers from the other portfolio
}

void Session::adopt_what_if() {
    if (!what_if_) return;
    State adopted = std::move(*what_if_);
    adopted.portfolio.helpdesk = as_entered_.portfolio.helpdesk;   // the conversation's notes stay
    drop_what_if();
    as_entered_ = std::move(adopted);
    changed(as_entered_);
}

void Session::drop_what_if() {
    before_as_entered_edit_.reset();   // the question was about this what-if
    as_entered_edits_confirmed_ = false;
    if (!what_if_ && which_ == Scenario::as_entered) return;
    what_if_.reset();
    which_ = Scenario::as_entered;
    check_.reset();
    ++revision_;
    unsaved_ = true;
}

void Session::restore_what_if(Portfolio p) {
    p.helpdesk = {};
    State st;
    st.portfolio = std::move(p);
    what_if_ = std::move(st);
    ++revision_;
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
