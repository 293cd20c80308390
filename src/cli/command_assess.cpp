// herreg assess [--text] [--lang nl|en] [--rules DIR] FILE|-
#include "assessment/assessment_json.h"
#include "portfolio_command.h"
#include "portfolio/registrations.h"
#include "assessment/summary_text.h"

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
        const auto others = assess_other_registrations(x.portfolio, x.book);
        if (opt->has("--text")) {
            out = summary_text(x.assessment, *x.rules, opt->lang);
            for (const auto& o : others)
                out += "\n" + (o.error ? o.key + ": " + o.error->field() + ": " + o.error->problem(parse_lang(opt->lang, Lang::nl)) + "\n"
                                        : summary_text(o.assessment, *o.rules, opt->lang));
        } else {
            auto j = assessment_to_json(x.assessment);
            if (!x.portfolio.other_registrations.empty()) j["other_registrations"] = other_assessments_to_json(others);
            out = j.dump(2) + "\n";
        }
    } catch (const std::exception& e) {
        std::cerr << "herreg: " << e.what() << "\n";
        return 1;
    }
    return deliver("assess", std::nullopt, out);
}

}  // namespace herreg::cli
