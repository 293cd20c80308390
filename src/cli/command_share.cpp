// herreg share [--base URL] [--rules DIR] FILE|-    a link that opens the portfolio in the web app
// herreg share --decode LINK|-                      the portfolio JSON a link holds
// The link carries the whole portfolio in its #p= fragment (share_link.h), so a helpdesk can
// turn a member's link into a file, fix it, and send a link back. The default --base is the
// address scripts/serve.sh serves on; pass the association's own page for real links.
#include "cli_io.h"
#include "commands.h"
#include "input/input_error.h"
#include "portfolio_command.h"
#include "share/share_link.h"

#include <iostream>

namespace herreg::cli {

namespace {

constexpr const char* kUsage =
    "usage: herreg share [--base URL] [--rules DIR] FILE|-   the portfolio as a link (default base http://127.0.0.1:8080/)\n"
    "       herreg share --decode LINK|-                    the portfolio JSON from a link\n";
constexpr const char* kDefaultBase = "http://127.0.0.1:8080/";

// A link from the command line or, for "-", from stdin: links of a large portfolio are
// longer than some shells like as an argument.
std::string decode_link(const std::string& arg) {
    const std::string json = decode_share_link(arg == "-" ? read_input("-") : arg);
    // Links from the app may hold a draft; it must still be a readable portfolio.
    try {
        read_portfolio(json, ReadMode::draft);
    } catch (const InputError& e) {
        throw InputError("share link", Message{"cli.share_no_portfolio", {e.line()}});
    }
    return json;
}

// Read and checked as `assess` does (rules, categories, dates), so the link opens without
// complaint; the link then holds the canonical text of what was read.
std::string encode_link(const std::string& file, const std::string& base, const std::optional<std::string>& rules_dir) {
    const Portfolio p = read_portfolio(read_input(file));
    Portfolio checked = p;
    if (!checked.check_date) checked.check_date = today();
    const Rulebook book = load_rulebook(rules_dir);
    assess(checked, book.for_portfolio(checked));
    return share_link(base, write_portfolio(p));
}

}  // namespace

int command_share(const Args& args) {
    bool decode = false;
    std::optional<std::string> base, rules_dir, input;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const bool has_value = i + 1 < args.size();
        if (a == "--decode") decode = true;
        else if (a == "--base" && has_value) base = args[++i];
        else if (a == "--rules" && has_value) rules_dir = args[++i];
        else if (!input && (a == "-" || a.rfind("--", 0) != 0)) input = a;
        else {
            std::cerr << "herreg share: unexpected argument '" << a << "'\n" << kUsage;
            return 2;
        }
    }
    if (!input || (decode && (base || rules_dir))) {
        std::cerr << kUsage;
        return 2;
    }
    std::string out;
    try {
        out = decode ? decode_link(*input) : encode_link(*input, base.value_or(kDefaultBase), rules_dir) + "\n";
    } catch (const std::exception& e) {
        std::cerr << "herreg: " << e.what() << "\n";
        return 1;
    }
    return deliver("share", std::nullopt, out);
}

}  // namespace herreg::cli
