#include "rules/rulebook.h"

#include <algorithm>

#include "input/input_error.h"
#include "portfolio/portfolio.h"
#include "assessment/regime.h"
#include "portfolio/registrations.h"
#include "text/utf8_text.h"

namespace herreg {

Rulebook Rulebook::from_files(const std::vector<RulesFile>& files) {
    Rulebook book;
    for (const auto& f : files) book.add(load_rules(f.text, f.name));
    return book;
}

void Rulebook::add(RuleSet rs, std::string own_file) {
    for (size_t i = 0; i < sets_.size(); ++i) {
        if (sets_[i].register_id == rs.register_id && sets_[i].specialisation == rs.specialisation) {
            sets_[i] = std::move(rs);
            own_files_[i] = std::move(own_file);
            return;
        }
    }
    sets_.push_back(std::move(rs));
    own_files_.push_back(std::move(own_file));
}

const RuleSet* Rulebook::find(std::string_view register_id, const std::optional<std::string>& specialisation) const {
    for (const auto& rs : sets_)
        if (rs.register_id == register_id && rs.specialisation == specialisation) return &rs;
    return nullptr;
}

const RuleSet& Rulebook::for_portfolio(const Portfolio& p) const {
    if (const RuleSet* rs = find(p.register_id, p.specialisation)) return *rs;
    std::string registers, specialisations;
    bool register_known = false;
    for (const auto& rs : sets_) {
        if (rs.register_id == p.register_id) {
            register_known = true;
            if (rs.specialisation) specialisations += (specialisations.empty() ? "" : ", ") + *rs.specialisation;
        }
        if (registers.find(rs.register_id) == std::string::npos)
            registers += (registers.empty() ? "" : ", ") + rs.register_id;
    }
    if (!register_known)
        throw InputError("register", Message{"rules.unknown_register", {p.register_id, registers}});
    if (p.specialisation)
        throw InputError("specialisation",
                         Message{"rules.unknown_specialisation", {*p.specialisation, p.register_id, specialisations}});
    throw InputError("specialisation", Message{"rules.needs_specialisation", {p.register_id, specialisations}});
}

void Rulebook::check_portfolio(const Portfolio& p) const {
    if (p.register_id.empty()) return;   // not chosen yet: nothing to check against
    if (!has_for_marks(p) && p.other_registrations.empty()) return check_names(p, for_portfolio(p));
    // Each registration with what counts for it, as assess() takes them: an activity marked for
    // one registration only is not checked against another's register, and a shared one a
    // register has no category for is left out there, not refused.
    for (size_t i = 0; i <= p.other_registrations.size(); ++i) {
        RegistrationView v;
        const std::string under = i == 0 ? "" : "other_registrations[" + std::to_string(i - 1) + "].";
        try {
            const RuleSet& rs = for_portfolio(registration_view(p, i).portfolio);
            v = counted_view(p, i, rs);
            check_names(v.portfolio, rs);
        } catch (const InputError& e) {
            const InputError mapped = in_portfolio(e, v);
            const std::string& f = mapped.field();
            if (under.empty() || f.rfind("hours[", 0) == 0 || f.rfind("activities[", 0) == 0) throw mapped;
            throw InputError(under + f, mapped.message());
        }
    }
}

std::vector<InputError> Rulebook::problems_in(const RulesFile& file) { return validate_rules(file.text, file.name); }

const RuleSet& Rulebook::add_own(const RulesFile& file, bool* replaced) {
    RuleSet rs = load_rules(file.text, file.name);
    const RuleSet* before = find(rs.register_id, rs.specialisation);
    if (replaced) *replaced = before != nullptr;
    const std::string register_id = rs.register_id;
    const std::optional<std::string> specialisation = rs.specialisation;
    add(std::move(rs), file.name);
    return *find(register_id, specialisation);
}

const std::string* Rulebook::own_file(const RuleSet& rs) const {
    for (size_t i = 0; i < sets_.size(); ++i)
        if (&sets_[i] == &rs) return own_files_[i].empty() ? nullptr : &own_files_[i];
    return nullptr;
}

bool Rulebook::has_own() const {
    for (const auto& f : own_files_)
        if (!f.empty()) return true;
    return false;
}

void check_names(const Portfolio& p, const RuleSet& rs) {
    // The profession is printed on the form and named in the texts: one the register has (or
    // none yet). Unchecked, any text went through, 100,000 characters of it into the PDF.
    if (!p.profession.empty() && !rs.professions.empty() &&
        std::none_of(rs.professions.begin(), rs.professions.end(), [&](const Named& n) { return n.id == p.profession; })) {
        std::string known;
        for (const Named& n : rs.professions) known += (known.empty() ? "" : ", ") + n.id;
        const std::string shown = p.profession.size() > 60 ? p.profession.substr(0, utf8_floor_boundary(p.profession, 57)) + "..." : p.profession;
        throw InputError("profession", Message{"rules.unknown_profession", {shown, rs.register_id, known}});
    }
    for (size_t i = 0; i < p.activities.size(); ++i) {
        const Activity& act = p.activities[i];
        // Spelled out only for a message: a batch checks millions of activities that are fine.
        const auto path = [i] { return "activities[" + std::to_string(i) + "]"; };
        if (!rs.category(act.category)) {
            std::string known;
            for (const auto& c : rs.categories) known += (known.empty() ? "" : ", ") + c.id;
            throw InputError(path() + ".category", Message{"rules.unknown_activity_category", {act.category, rs.register_id, known}});
        }
        if (act.kind) {
            const KindDef* k = rs.kind(*act.kind);
            if (!k) {
                std::string known;
                for (const auto& kd : rs.kinds) known += (known.empty() ? "" : ", ") + kd.id;
                throw InputError(path() + ".kind", known.empty() ? Message{"rules.unknown_kind_none", {*act.kind, rs.register_id}}
                                                                 : Message{"rules.unknown_kind", {*act.kind, rs.register_id, known}});
            }
            if (k->category != act.category)
                throw InputError(path() + ".category", Message{"rules.kind_other_category", {k->id, k->category, act.category}});
        }
    }
    for (const auto& [id, _] : p.thresholds) rs.require_criterion(id, "thresholds." + id);
}

// The register's schemes that bar themselves after a plan not carried out, once each, by the
// id a portfolio's plan_not_carried_out uses (001 §1.3, 002).
std::vector<std::pair<std::string, Text>> schemes_barred_after_unfinished_plan(const RuleSet& rs) {
    std::vector<std::pair<std::string, Text>> out;
    auto add = [&](const std::string& id, const Text& name) {
        for (const auto& [have, _] : out)
            if (have == id) return;
        out.emplace_back(id, name);
    };
    for (const RuleVersion& v : rs.versions) {
        if (v.points_short && v.points_short->no_reuse_after_unfinished_plan.value) add(std::string(regime_id(v.points_short->regime)), v.points_short->name);
        if (v.reentry && v.reentry->no_reuse_after_unfinished_plan.value) add(kReentrySchemeId, v.reentry->name);
    }
    return out;
}

}  // namespace herreg
