#include "portfolio_command.h"

#include "cli_io.h"

#include <algorithm>
#include <iostream>

namespace herreg::cli {

bool PortfolioArgs::has(const char* s) const { return std::find(switches.begin(), switches.end(), s) != switches.end(); }

std::optional<PortfolioArgs> parse_portfolio_args(const Args& args, const char* command, const char* usage,
                                                  std::initializer_list<const char*> switches, bool with_out) {
    PortfolioArgs r;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const bool has_value = i + 1 < args.size();
        if (a == "--lang" && has_value) r.lang = args[++i];
        else if (a == "--rules" && has_value) r.rules_dir = args[++i];
        else if (with_out && a == "--out" && has_value) r.out_path = args[++i];
        else if (std::find(switches.begin(), switches.end(), a) != switches.end()) r.switches.push_back(a);
        else if (!r.file && (a == "-" || a.rfind("--", 0) != 0)) r.file = a;
        else {
            std::cerr << "herreg " << command << ": unexpected argument '" << a << "'\n" << usage;
            return std::nullopt;
        }
    }
    if (!r.file) {
        std::cerr << usage;
        return std::nullopt;
    }
    if (r.lang != "nl" && r.lang != "en") {
        std::cerr << "herreg " << command << ": --lang must be nl or en\n";
        return std::nullopt;
    }
    return r;
}

void load_and_assess(const PortfolioArgs& args, Assessed& out) {
    out.book = load_rulebook(args.rules_dir);
    out.portfolio = read_portfolio(read_input(*args.file));
    if (!out.portfolio.check_date) out.portfolio.check_date = today();
    out.rules = &out.book.for_portfolio(out.portfolio);
    out.assessment = assess(out.portfolio, *out.rules);
}

int deliver(const char* command, const std::optional<std::filesystem::path>& target, const std::string& bytes) {
    if (target) {
        std::string why;
        if (!write_output_file(*target, bytes, why)) {
            std::cerr << "herreg " << command << ": cannot write " << target->string() << ": " << why << "\n";
            return 1;
        }
        return 0;
    }
    std::cout << bytes << std::flush;
    if (!std::cout) {
        std::cerr << "herreg " << command << ": cannot write to standard output\n";
        return 1;
    }
    return 0;
}

std::filesystem::path output_path(const std::string& out, const std::string& name) {
    std::filesystem::path p(out);
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) p /= name;
    return p;
}

}  // namespace herreg::cli
