// Fuzz target: the portfolio reader, and the assessment of whatever it accepts.
//
// Any text may arrive as a portfolio (an opened file, a pasted link, stdin of the CLI):
// read_portfolio must answer with a Portfolio or an InputError, nothing else. An accepted
// portfolio, complete or draft, goes the CLI's and the app's way (src/cli/portfolio_command.cpp,
// src/ui/session.cpp: rules for its register, assess) and on to every text the CLI and the app make from an assessment, so the
// engine is fuzzed with every portfolio the reader lets through.
//
// Property besides "no crash": what is saved reads back the same (write_portfolio is the
// app's save file; a file the app wrote that it cannot reopen loses the user's work).
#include "forms/application_check.h"
#include "forms/application_form.h"
#include "assessment/assessment.h"
#include "assessment/assessment_json.h"
#include "assessment/calendar_ics.h"
#include "forms/form_text.h"
#include "fuzz_support.h"
#include "portfolio/portfolio.h"
#include "assessment/summary_text.h"

using namespace herreg;
using namespace herreg::fuzz;

namespace {

// A fixed day for portfolios without a check date (the CLI takes today): runs repeat.
constexpr Date kCheckDate{2026, 6, 15};

void assess_everything(Portfolio p) {
    if (!p.check_date) p.check_date = kCheckDate;
    const RuleSet* rules = nullptr;
    if (!only_input_errors("Rulebook::for_portfolio", [&] { rules = &embedded_rulebook().for_portfolio(p); })) return;
    Assessment a;
    if (!only_input_errors("assess", [&] { a = assess(p, *rules); })) return;
    // Past assess the input has been checked: nothing may throw any more, not even InputError.
    try {
        (void)assessment_to_json(a).dump(2);
        for (const char* lang : {"nl", "en"}) {
            (void)summary_text(a, *rules, lang);
            (void)deadlines_ics(a, *rules, lang);
            if (has_application_form(a.regime)) {
                const ApplicationCheck check = check_application(p, a, *rules, lang);
                (void)render_text(application_document(p, a, *rules, check, lang));
            }
        }
    } catch (const std::exception& e) {
        fail(std::string("after assess, the output threw ") + typeid(e).name() + ": " + e.what());
    }
}

void read_and_assess(std::string_view text, ReadMode mode) {
    Portfolio p;
    if (!only_input_errors("read_portfolio", [&] { p = read_portfolio(text, mode); })) return;

    const std::string saved = write_portfolio(p);
    Portfolio again;
    try {
        again = read_portfolio(saved, mode);
    } catch (const std::exception& e) {
        fail(std::string("a saved portfolio does not read back: ") + e.what() + "\n" + saved);
    }
    if (write_portfolio(again) != saved) fail("a saved portfolio reads back different:\n" + saved);

    // The app assesses drafts too (src/ui/session.cpp): assess() must refuse what a draft
    // lets through (a reversed range, a period that ends before it starts) with an InputError.
    assess_everything(std::move(p));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text = as_text(data, size);
    read_and_assess(text, ReadMode::complete);
    read_and_assess(text, ReadMode::draft);   // the app's autosave
    return 0;
}
