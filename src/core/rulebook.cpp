#include "rulebook.h"

#include "input_error.h"
#include "portfolio.h"

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
        throw InputError("register", "unknown register \"" + p.register_id + "\" (known: " + registers + ")");
    if (p.specialisation)
        throw InputError("specialisation", "unknown specialisation \"" + *p.specialisation + "\" for register " +
                                               p.register_id + " (known: " + specialisations + ")");
    throw InputError("specialisation", "register " + p.register_id + " needs a specialisation (one of: " + specialisations + ")");
}

void Rulebook::check_portfolio(const Portfolio& p) const {
    if (p.register_id.empty()) return;   // not chosen yet: nothing to check against
    check_names(p, for_portfolio(p));
}

std::vector<std::string> Rulebook::problems_in(const RulesFile& file) { return validate_rules(file.text, file.name); }

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
    for (size_t i = 0; i < p.activities.size(); ++i) {
        const Activity& act = p.activities[i];
        // Spelled out only for a message: a batch checks millions of activities that are fine.
        const auto path = [i] { return "activities[" + std::to_string(i) + "]"; };
        if (!rs.category(act.category)) {
            std::string known;
            for (const auto& c : rs.categories) known += (known.empty() ? "" : ", ") + c.id;
            throw InputError(path() + ".category", "unknown category \"" + act.category + "\" for register " +
                                                     rs.register_id + " (known: " + known + ")");
        }
        if (act.kind) {
            const KindDef* k = rs.kind(*act.kind);
            if (!k) {
                std::string known;
                for (const auto& kd : rs.kinds) known += (known.empty() ? "" : ", ") + kd.id;
                throw InputError(path() + ".kind", "unknown kind \"" + *act.kind + "\" for register " + rs.register_id +
                                                     (known.empty() ? " (it has no capped kinds)" : " (known: " + known + ")"));
            }
            if (k->category != act.category)
                throw InputError(path() + ".category", "kind " + k->id + " belongs to category " + k->category +
                                                         ", not " + act.category);
        }
    }
    for (const auto& [id, _] : p.thresholds) rs.require_criterion(id, "thresholds." + id);
}

}  // namespace herreg
