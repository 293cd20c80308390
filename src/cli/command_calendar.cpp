// herreg calendar [--lang nl|en] [--rules DIR] [--out FILE|DIR] FILE|-
// The assessment's deadlines as an .ics file, on stdout or in --out. When --out
// names an existing folder the file gets its usual name there
// (termijnen-kp-2026-11-22.ics), as the app's download would.
#include "assessment/calendar_ics.h"
#include "portfolio_command.h"

#include <iostream>

namespace herreg::cli {

int command_calendar(const Args& args) {
    const auto opt = parse_portfolio_args(args, "calendar", "usage: herreg calendar [--lang nl|en] [--rules DIR] [--out FILE|DIR] FILE|-\n", {}, true);
    if (!opt) return 2;
    std::string ics;
    std::optional<std::filesystem::path> target;
    try {
        Assessed x;
        load_and_assess(*opt, x);
        // Build the whole calendar first: bad input must never leave half a file behind.
        ics = deadlines_ics(x.assessment, *x.rules, opt->lang);
        if (opt->out_path) target = output_path(*opt->out_path, calendar_file_name(x.assessment, opt->lang));
        // No deadlines is a valid answer, not an error (e.g. nothing is dated for an
        // unregistered person without a scheme): exit 0 with the empty calendar, but
        // say so, since an import that adds nothing looks like a failure otherwise.
        if (x.assessment.deadlines.empty())
            std::cerr << (opt->lang == "en" ? "herreg calendar: no deadlines for this portfolio; the calendar has no events\n"
                                            : "herreg calendar: geen termijnen voor dit portfolio; de agenda bevat geen afspraken\n");
    } catch (const std::exception& e) {
        std::cerr << "herreg: " << e.what() << "\n";
        return 1;
    }
    return deliver("calendar", target, ics);
}

}  // namespace herreg::cli
