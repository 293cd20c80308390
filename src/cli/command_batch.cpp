// herreg batch [--rules DIR] [--out FILE] [--threads N] FILE|-
// Many portfolios, one per line (JSON Lines, each with an "id"), to one CSV row each.
// A bad line is reported on stderr with its line number and the run goes on; the exit
// code is 1 when any line was bad. On a terminal a progress line counts along.
// The lines are assessed on all cores (batch_runner.cpp); the output is the same for any N.
#include "batch_csv.h"
#include "batch_runner.h"
#include "cli_io.h"
#include "commands.h"
#include "registrations.h"
#include "json_input.h"
#include "portfolio_command.h"
#include "portfolio_fast_reader.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <unistd.h>

namespace herreg::cli {

namespace {

constexpr const char* kUsage = "usage: herreg batch [--rules DIR] [--out FILE] [--threads N] FILE|-\n";

// The id of a line: text or a whole number, so spreadsheets' numeric member ids work too.
std::string line_id(const Json& doc) {
    const Json* id = find_member(doc, "id");
    if (!id || id->is_null()) throw InputError("id", Message{"cli.id_missing"});
    if (id->is_string()) return id->get<std::string>();
    if (id->is_number_integer() || id->is_number_unsigned()) return id->dump();
    throw InputError("id", Message{"cli.bad_id", {quote_value(*id)}});
}

// The line's portfolio and its id. The fast reader takes the plain lines; whatever it is not
// sure of goes the ordinary way, which names the problem (JSON, then id, then portfolio).
Portfolio read_line(const std::string& line, std::string& id) {
    if (std::optional<Portfolio> p = read_complete_portfolio_fast(line)) {
        id = line_id(p->extra);   // "id" is not a portfolio field: it waits in `extra`
        return std::move(*p);
    }
    const Json doc = parse_json_document(line, "portfolio");
    require_object(doc, "");
    id = line_id(doc);
    return portfolio_from_json(doc);
}

// --threads N: a whole number from 1 to 256.
std::optional<unsigned> parse_threads(const std::string& text) {
    if (text.empty() || text.size() > 3 || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    const int n = std::stoi(text);
    if (n < 1 || n > 256) return std::nullopt;
    return unsigned(n);
}

}  // namespace

std::string batch_line(const std::string& line, const Rulebook& book, const Date& today_date) {
    std::string id;
    Portfolio p = read_line(line, id);
    if (!p.check_date) p.check_date = today_date;
    // A row per registration: the one the portfolio names, then its others (same id).
    std::string rows = batch_csv_row(id, assess(p, book.for_portfolio(p)));
    if (!p.other_registrations.empty())
        for (const auto& x : assess_other_registrations(p, book)) {
            if (x.error) throw *x.error;   // the line is reported with the field, as any bad line
            rows += batch_csv_row(id, x.assessment);
        }
    return rows;
}

int command_batch(const Args& args) {
    // --threads is batch's own; the rest are the options every portfolio command reads.
    Args rest;
    unsigned threads = default_batch_threads();
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] != "--threads") {
            rest.push_back(args[i]);
            continue;
        }
        const auto n = i + 1 < args.size() ? parse_threads(args[i + 1]) : std::nullopt;
        if (!n) {
            std::cerr << "herreg batch: --threads needs a whole number from 1 to 256\n" << kUsage;
            return 2;
        }
        threads = *n;
        ++i;
    }
    const auto opt = parse_portfolio_args(rest, "batch", kUsage, {}, true);
    if (!opt) return 2;
    const std::optional<std::string>&rules_dir = opt->rules_dir, &out_path = opt->out_path, &file = opt->file;
    Rulebook book;
    try {
        book = load_rulebook(rules_dir);
    } catch (const std::exception& e) {
        std::cerr << "herreg: " << e.what() << "\n";
        return 1;
    }
    // Reading stdin line by line through C stdio is a call per byte; batch uses only the
    // C++ streams, so they may keep their own buffers (nothing was read or written yet).
    std::ios::sync_with_stdio(false);
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

    BatchSettings settings;
    settings.threads = threads;
    settings.progress = isatty(STDERR_FILENO);
    settings.today = today();
    const BatchCounts n = run_batch(in, out, std::cerr, book, settings);
    out.flush();
    if (!out) {
        std::cerr << "herreg batch: writing the output failed\n";
        return 1;
    }
    std::cerr << "herreg batch: " << n.good << (n.good == 1 ? " portfolio" : " portfolios") << " assessed, " << n.bad << " bad line" << (n.bad == 1 ? "" : "s") << "\n";
    return n.bad == 0 ? 0 : 1;
}

}  // namespace herreg::cli
