// All loaded registers, found by (register, specialisation). The app and CLI
// fill it from the rules files embedded at build time; tests and embedding
// associations may add their own files.
#pragma once
#include "rules/rules.h"

#include <memory>
#include <string>
#include <utility>
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
    // Replaces a set with the same register and specialisation, or adds it. `own_file` names
    // the file of an association's own rules (empty for the rules herreg comes with).
    void add(RuleSet rs, std::string own_file = {});

    const RuleSet* find(std::string_view register_id, const std::optional<std::string>& specialisation) const;
    // The set a portfolio needs; throws InputError("register"/"specialisation", ...) naming the known ones.
    const RuleSet& for_portfolio(const Portfolio& p) const;
    const std::vector<RuleSet>& sets() const { return sets_; }

    // Everything a portfolio names that these rules must know: its register and specialisation
    // (once a register is chosen), and what check_names() checks against that register's set.
    // Throws InputError naming the field. The app runs it on a file before the file replaces
    // what the user entered; assess() checks the same while it assesses.
    void check_portfolio(const Portfolio& p) const;

    // ------------------------------------------------ an association's own rules
    // A rules file from elsewhere (the app's "Open rules file"): every problem in it, each
    // naming its path (validate_rules); none when it can be used.
    static std::vector<InputError> problems_in(const RulesFile& file);
    // Adds a rules file that has no problems: its set takes the place of the set with the same
    // register and specialisation (herreg's own, or an own file opened earlier) or is added.
    // Returns the set as it is now in the book. Throws InputError as load_rules() does.
    // Pointers to sets stay valid only when a set is replaced, not when one is added.
    const RuleSet& add_own(const RulesFile& file, bool* replaced = nullptr);
    // The file `rs` comes from when it is an association's own; nullptr for herreg's own rules.
    const std::string* own_file(const RuleSet& rs) const;
    bool has_own() const;

private:
    std::vector<RuleSet> sets_;
    std::vector<std::string> own_files_;   // beside sets_: "" for herreg's own
};

// What a portfolio names inside its register: each activity's category and kind (and that the
// kind belongs to the category), and the criteria of its own thresholds. Throws InputError
// naming the field, e.g. activities[3].category, with the names the register does know.
void check_names(const Portfolio& p, const RuleSet& rs);

// The register's schemes that bar themselves after a plan not carried out, once each, by the
// id a portfolio's plan_not_carried_out uses (001 §1.3, 002): what the app asks, and what the
// helpdesk summary reports.
std::vector<std::pair<std::string, Text>> schemes_barred_after_unfinished_plan(const RuleSet& rs);

}  // namespace herreg
