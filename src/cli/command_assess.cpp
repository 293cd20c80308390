// herreg assess [--text] [--lang nl|en] [--rules DIR] FILE|-
#include "assessment_json.h"
#include "cli_io.h"
#include "commands.h"
#include "input_error.h"
#include "summary_text.h"

#include <iostream>

namespace herreg::cli {

int command_assess(const Args& args) {
    bool text = false;
    std::string lang = "nl";
    std::optional<std::string> rules_dir, file;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--text") text = true;
        else if (a == "--lang" && i + 1 < args.size()) lang = args[++i];
        else if (a == "--rules" && i + 1 < args.size()) rules_dir = args[++i];
        else if (!file && (a == "-" || a.rfind("--", 0) != 0)) file = a;
        else {
            std::cerr << "herreg assess: unexpected argument '" << a << "'\n"
                      << "usage: herreg assess [--text] [--lang nl|en] [--rules DIR] FILE|-\n";
            return 2;
        }
    }
    if (!file) {
        std::cerr << "usage: herreg assess [--text] [--lang nl|en] [--rules DIR] FILE|-\n";
        return 2;
    }
    if (lang != "nl" && lang != "en") {
        std::cerr << "herreg assess: --lang must be nl or en\n";
        return 2;
    }
    try {
        const Rulebook book = load_rulebook(rules_dir);
        Portfolio p = read_portfolio(read_input(*file));
        if (!p.check_date) p.check_date = today();
        const RuleSet& rs = book.for_portfolio(p);
        const Assessment a = assess(p, rs);
        // Build the whole output first: bad input must never leave half a JSON behind.
        const std::string out = text ? summary_text(a, rs, lang) : assessment_to_json(a).dump(2) + "\n";
        std::cout << out;
        return 0;
    } catch (const InputError& e) {
        std::cerr << "herreg: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "herreg: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace herreg::cli
