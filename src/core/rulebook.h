// All loaded registers, found by (register, specialisation). The app and CLI
// fill it from the rules files embedded at build time; tests and embedding
// associations may add their own files.
#pragma once
#include "rules.h"

#include <memory>
#include <string>
#include <vector>

namespace herreg {

struct Portfolio;

struct RulesFile {
    std::string name;   // for messages: "kp.json"
    std::string text;
};

class Rulebook {
public:
    // Throws InputError naming the file and path of the first problem.
    static Rulebook from_files(const std::vector<RulesFile>& files);
    void add(RuleSet rs);   // replaces a set with the same register and specialisation

    const RuleSet* find(std::string_view register_id, const std::optional<std::string>& specialisation) const;
    // The set a portfolio needs; throws InputError("register"/"specialisation", ...) naming the known ones.
    const RuleSet& for_portfolio(const Portfolio& p) const;
    const std::vector<RuleSet>& sets() const { return sets_; }

private:
    std::vector<RuleSet> sets_;
};

}  // namespace herreg
