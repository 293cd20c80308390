// herreg: the native command line for helpdesks, batch runs and tests.
#include "commands.h"

#include <iostream>
#include <new>

namespace {

int run(int argc, char** argv) {
    using namespace herreg::cli;
    const Args all(argv + 1, argv + argc);
    const std::string usage =
        "usage:\n"
        "  herreg assess [--text] [--lang nl|en] [--rules DIR] FILE|-   assess a portfolio (JSON out)\n"
        "  herreg calendar [--lang nl|en] [--rules DIR] [--out FILE|DIR]\n"
        "                  FILE|-                                       the deadlines as an .ics calendar\n"
        "  herreg form [--lang nl|en] [--rules DIR] [--text]\n"
        "              [--out FILE|DIR|-] FILE|-                        the scheme's application form (PDF)\n"
        "  herreg batch [--rules DIR] [--out FILE] [--threads N] FILE|-  one CSV row per JSON Lines portfolio\n"
        "                                                               (all cores unless --threads)\n"
        "  herreg compare [--lang nl|en] [--rules DIR] [--text|--json] [--pdf OUT]\n"
        "                 [--notes FILE] [--member NAME] [--advisor NAME] [--dates a|b]\n"
        "                 A B                                           two scenarios side by side (helpdesk)\n"
        "  herreg share [--base URL] [--rules DIR] FILE|-               the portfolio as a link that opens it in the\n"
        "                                                               web app (base default http://127.0.0.1:8080/)\n"
        "  herreg share --decode LINK|-                                 the portfolio JSON a share link holds\n"
        "  herreg validate-rules DIR                                    check rules files\n"
        "  herreg bench [--iterations N]                                time the assessment\n"
        "  herreg bench --batch N [--threads T]                         herreg batch's throughput on N generated members\n";
    if (all.empty() || all[0] == "--help" || all[0] == "-h") {
        std::cout << usage;
        return all.empty() ? 2 : 0;
    }
    const Args rest(all.begin() + 1, all.end());
    if (all[0] == "assess") return command_assess(rest);
    if (all[0] == "calendar") return command_calendar(rest);
    if (all[0] == "form") return command_form(rest);
    if (all[0] == "batch") return command_batch(rest);
    if (all[0] == "compare") return command_compare(rest);
    if (all[0] == "share") return command_share(rest);
    if (all[0] == "validate-rules") return command_validate_rules(rest);
    if (all[0] == "bench") return command_bench(rest);
    std::cerr << "herreg: unknown command '" << all[0] << "'\n" << usage;
    return 2;
}
}  // namespace

// Memory running out (a memory limit, a huge input that passed every check) ends the command
// with one line, as bad input does, not with an abort from deep inside a parser.
int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::bad_alloc&) {
        std::cerr << "herreg: out of memory\n";
        return 1;
    }
}
