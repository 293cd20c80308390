// herreg form [--lang nl|en] [--rules DIR] [--text] [--out FILE|DIR|-] FILE|-
// The application form of the scheme that applies, as a PDF (the same bytes the
// web app downloads) or as plain text. Without --out the PDF gets its usual name
// (aanvraag-dispensatie-2026-11-22.pdf) in the current folder and the text goes to
// stdout; "--out -" writes either to stdout. The pre-check's verdict goes to stderr:
// a helpdesk running this sees at once whether the application would come back.
#include "forms/application_check.h"
#include "forms/application_form.h"
#include "embedded_fonts.h"
#include "forms/form_text.h"
#include "text/labels.h"
#include "pdf_form.h"
#include "portfolio_command.h"

#include <iostream>

namespace herreg::cli {

int command_form(const Args& args) {
    const auto opt = parse_portfolio_args(args, "form", "usage: herreg form [--lang nl|en] [--rules DIR] [--text] [--out FILE|DIR|-] FILE|-\n",
                                          {"--text"}, true);
    if (!opt) return 2;
    const bool en = opt->lang == "en", text = opt->has("--text");
    std::string output;
    std::optional<std::filesystem::path> target;
    int problems = 0;
    try {
        Assessed x;
        load_and_assess(*opt, x);
        const Assessment& a = x.assessment;
        if (!has_application_form(a.regime)) {
            std::cerr << "herreg form: " << (en ? "no application form: the outcome is '" : "geen aanvraagformulier: de uitkomst is '")
                      << (a.regime == Regime::undecided ? (en ? "undecided" : "onbeslist") : regime_label(a.regime, opt->lang)) << "' ("
                      << (en ? "forms exist for dispensation, deferral and re-entry" : "formulieren zijn er voor dispensatie, uitstel en herintreding")
                      << ")\n";
            return 1;
        }
        const ApplicationCheck check = check_application(x.portfolio, a, *x.rules, opt->lang);
        problems = check.problems();
        const FormDocument doc = application_document(x.portfolio, a, *x.rules, check, opt->lang);
        // Everything is built before anything is written: bad input leaves no half file.
        output = text ? render_text(doc) : pdf::render_pdf(doc, pdf::embedded_fonts());
        const std::string name = doc.file_stem + (text ? ".txt" : ".pdf");
        if (opt->out_path && *opt->out_path != "-") target = output_path(*opt->out_path, name);
        else if (!opt->out_path && !text) target = name;
    } catch (const std::exception& e) {
        std::cerr << "herreg: " << e.what() << "\n";
        return 1;
    }
    if (const int rc = deliver("form", target, output); rc != 0) return rc;
    if (target) std::cerr << "herreg form: " << (en ? "wrote " : "geschreven: ") << target->string() << "\n";
    if (problems == 0) std::cerr << (en ? "pre-check: nothing to resolve\n" : "controle: niets op te lossen\n");
    else
        std::cerr << (en ? "pre-check: " : "controle: ") << problems
                  << (en ? (problems == 1 ? " item" : " items") : (problems == 1 ? " onderdeel" : " onderdelen"))
                  << (en ? " to resolve (see the form's section 'Check before filing')\n" : " om op te lossen (zie 'Controle vóór indienen' in het formulier)\n");
    return 0;
}

}  // namespace herreg::cli
