// herreg batch [--rules DIR] [--out FILE] FILE|-
// Many portfolios, one per line (JSON Lines, each with an "id"), to one CSV row each.
// A bad line is reported on stderr with its line number and the run goes on; the exit
// code is 1 when any line was bad. On a terminal a progress line counts along.
#include "batch_csv.h"
#include "cli_io.h"
#include "commands.h"
#include "json_input.h"
#include "portfolio_command.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <unistd.h>

namespace herreg::cli {

namespace {

constexpr const char* kUsage = "usage: herreg batch [--rules DIR] [--out FILE] FILE|-\n";

// The id of a line: text or a whole number, so spreadsheets' numeric member ids work too.
std::string line_id(const Json& doc) {
    const Json* id = find_member(doc, "id");
    if (!id || id->is_null()) throw InputError("id", "missing (every line needs an \"id\")");
    if (id->is_string()) return id->get<std::string>();
    if (id->is_number_integer() || id->is_number_unsigned()) return id->dump();
    throw InputError("id", "expected text or a whole number, got " + quote_value(*id));
}

}  // namespace

std::string batch_line(const std::string& line, const Rulebook& book, const Date& today_date) {
    const Json doc = parse_json_document(line, "portfolio");
    require_object(doc, "");
    const std::string id = line_id(doc);
    Portfolio p = portfolio_from_json(doc);
    if (!p.check_date) p.check_date = today_date;
    return batch_csv_row(id, assess(p, book.for_portfolio(p)));
}

int command_batch(const Args& args) {
    const auto opt = parse_portfolio_args(args, "batch", kUsage, {}, true);
    if (!opt) return 2;
    const std::optional<std::string>&rules_dir = opt->rules_dir, &out_path = opt->out_path, &file = opt->file;
    Rulebook book;
    try {
        book = load_rulebook(rules_dir);
    } catch (const std::exception& e) {
        std::cerr << "herreg: " << e.what() << "\n";
        return 1;
    }
    std::ifstream in_file;
    if (*file != "-") {
        in_file.open(*file, std::ios::binary);
        if (!in_file) {
            std::cerr << "herreg: " << *file << ": cannot be read\n";
            return 1;
        }
    }
    std::istream& in = *file == "-" ? std::cin : in_file;
    std::ofstream out_file;
    if (out_path) {
        out_file.open(*out_path, std::ios::binary | std::ios::trunc);
        if (!out_file) {
            std::cerr << "herreg batch: cannot write " << *out_path << "\n";
            return 1;
        }
    }
    std::ostream& out = out_path ? static_cast<std::ostream&>(out_file) : std::cout;

    const bool progress = isatty(STDERR_FILENO);
    const Date today_date = today();
    out << batch_csv_header();
    std::string line;
    long number = 0, good = 0, bad = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        try {
            out << batch_line(line, book, today_date);
            ++good;
        } catch (const std::exception& e) {
            ++bad;
            std::cerr << "herreg batch: line " << number << ": " << e.what() << "\n";
        }
        if (progress && number % 5000 == 0) std::cerr << "\rherreg batch: " << number << " lines" << std::flush;
    }
    if (progress) std::cerr << "\r";
    out.flush();
    if (!out) {
        std::cerr << "herreg batch: writing the output failed\n";
        return 1;
    }
    std::cerr << "herreg batch: " << good << " portfolios assessed, " << bad << " bad line" << (bad == 1 ? "" : "s") << "\n";
    return bad == 0 ? 0 : 1;
}

}  // namespace herreg::cli
