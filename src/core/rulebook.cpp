#include "rulebook.h"

#include "input_error.h"
#include "portfolio.h"

namespace herreg {

Rulebook Rulebook::from_files(const std::vector<RulesFile>& files) {
    Rulebook book;
    for (const auto& f : files) book.add(load_rules(f.text, f.name));
    return book;
}

void Rulebook::add(RuleSet rs) {
    for (auto& existing : sets_) {
        if (existing.register_id == rs.register_id && existing.specialisation == rs.specialisation) {
            existing = std::move(rs);
            return;
        }
    }
    sets_.push_back(std::move(rs));
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

}  // namespace herreg
