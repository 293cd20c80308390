// herreg assess [--text] [--lang nl|en] [--rules DIR] FILE|-
#include "assessment_json.h"
#include "portfolio_command.h"
#include "summary_text.h"

#include <iostream>

namespace herreg::cli {

int command_assess(const Args& args) {
    const auto opt = parse_portfolio_args(args, "assess", "usage: herreg assess [--text] [--lang nl|en] [--rules DIR] FILE|-\n", {"--text"}, false);
    if (!opt) return 2;
    std::string out;
    try {
        Assessed x;
        load_and_assess(*opt, x);
        // Build the whole output first: bad input must never leave half a JSON behind.
        out = opt->has("--text") ? summary_text(x.assessment, *x.rules, opt->lang) : assessment_to_json(x.assessment).dump(2) + "\n";
    } catch (const std::exception& e) {
        std::cerr << "herreg: " << e.what() << "\n";
        return 1;
    }
    return deliver("assess", std::nullopt, out);
}

}  // namespace herreg::cli
