// herreg batch [--rules DIR] [--out FILE] [--threads N] [--lang nl|en] [--excel]
//              [--sort urgency] [--keep KEY,...] FILE|-
// Many portfolios, one per line (JSON Lines, each with an "id"), to one CSV row each (batch_csv.h).
// A bad line gets a row with its id and what is wrong, and is reported on stderr with its line
// number; the run goes on, and the exit code is 1 when any line was bad. Empty lines are
// skipped and counted; a line whose id came before says on which line. On a terminal a progress line counts along.
// The lines are assessed on all cores (batch_runner.cpp); the output is the same for any N.
#include "batch_csv.h"
#include "batch_runner.h"
#include "cli_io.h"
#include "commands.h"
#include "portfolio/registrations.h"
#include "input/json_input.h"
#include "portfolio_command.h"
#include "portfolio_fast_reader.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <new>
#include <unistd.h>

namespace herreg::cli {

namespace {

constexpr const char* kUsage =
    "usage: herreg batch [--rules DIR] [--out FILE] [--threads N] [--lang nl|en] [--excel] [--sort urgency]\n"
    "                    [--keep KEY,...] FILE|-\n";

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
        id = line_id(unknown_fields(*p));   // "id" is not a portfolio field: it waits with the unknown ones
        return std::move(*p);
    }
    try {
        const JsonUnwindRoom room(line);   // while the document lives (json_input.h)
        const Json doc = parse_json_document(line, "portfolio");
        require_object(doc, "");
        id = line_id(doc);
        return portfolio_from_json(doc);
    } catch (const std::bad_alloc&) {
        throw InputError("portfolio", Message{"json.out_of_memory"});
    }
}

// --threads N: a whole number from 1 to 256.
std::optional<unsigned> parse_threads(const std::string& text) {
    if (text.empty() || text.size() > 3 || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    const int n = std::stoi(text);
    if (n < 1 || n > 256) return std::nullopt;
    return unsigned(n);
}

}  // namespace

namespace {

// A --keep value as a spreadsheet cell: text as it is, anything else as its JSON.
std::string kept_value(const Json* v) {
    if (!v || v->is_null()) return {};
    return v->is_string() ? v->get<std::string>() : v->dump();
}

// The id of a line that could not be read as a portfolio, when the line is JSON with one.
std::string readable_id(const std::string& line) {
    try {
        const JsonUnwindRoom room(line);
        const Json doc = parse_json_document(line, "portfolio");
        return doc.is_object() ? line_id(doc) : std::string();
    } catch (const std::exception&) {
        return {};
    }
}

}  // namespace

BatchLine batch_line(const std::string& line, const Rulebook& book, const Date& today_date, const BatchFormat& format) {
    BatchLine out;
    try {
        Portfolio p = read_line(line, out.id);
        // The kept keys are no portfolio fields: they wait in `extra` with the id.
        std::vector<std::string> kept;
        if (!format.keep.empty()) {
            const Json extra = unknown_fields(p);
            for (const auto& key : format.keep) kept.push_back(kept_value(find_member(extra, key.c_str())));
        }
        if (!p.check_date) p.check_date = today_date;
        // A row per registration: the one the portfolio names, then its others (same id).
        out.rows.push_back(batch_csv_row(out.id, kept, assess(p, book.for_portfolio(p)), book.for_portfolio(p), format));
        if (!p.other_registrations.empty())
            for (const auto& x : assess_other_registrations(p, book)) {
                if (x.error) throw *x.error;   // the line is reported with the field, as any bad line
                out.rows.push_back(batch_csv_row(out.id, kept, x.assessment, *x.rules, format));
            }
    } catch (const std::exception& e) {
        // One row saying what is wrong (in Dutch when asked: an InputError knows its field).
        out.rows.clear();
        if (out.id.empty()) out.id = readable_id(line);
        out.problem = e.what();
        std::string said = out.problem;
        if (const auto* input = dynamic_cast<const InputError*>(&e); input && format.dutch)
            said = input->field().empty() ? input->problem(Lang::nl) : input->field() + ": " + input->problem(Lang::nl);
        out.rows.push_back(batch_csv_error_row(out.id, std::vector<std::string>(format.keep.size()), said, format));
    }
    return out;
}

int command_batch(const Args& args) {
    // --threads, --sort and --keep are batch's own; the rest are the options every portfolio
    // command reads. Without --lang the CSV is for machines (English codes), whatever the
    // other commands' default language.
    Args rest;
    unsigned threads = default_batch_threads();
    BatchSettings settings;
    bool lang_given = false;
    for (size_t i = 0; i < args.size(); ++i) {
        const bool has_value = i + 1 < args.size();
        if (args[i] == "--threads") {
            const auto n = has_value ? parse_threads(args[i + 1]) : std::nullopt;
            if (!n) {
                std::cerr << "herreg batch: --threads needs a whole number from 1 to 256\n" << kUsage;
                return 2;
            }
            threads = *n;
            ++i;
        } else if (args[i] == "--sort") {
            if (!has_value || args[i + 1] != "urgency") {
                std::cerr << "herreg batch: --sort takes 'urgency' (bad lines first, then the fewest days left)\n" << kUsage;
                return 2;
            }
            settings.sort_urgency = true;
            ++i;
        } else if (args[i] == "--keep") {
            std::string keys = has_value ? args[i + 1] : std::string();
            for (size_t at = 0; !keys.empty() && at <= keys.size();) {
                const size_t comma = std::min(keys.find(',', at), keys.size());
                const std::string key = keys.substr(at, comma - at);
                if (!key.empty()) settings.format.keep.push_back(key);
                at = comma + 1;
            }
            if (settings.format.keep.empty()) {
                std::cerr << "herreg batch: --keep needs the keys to carry, as name,email\n" << kUsage;
                return 2;
            }
            ++i;
        } else {
            lang_given = lang_given || args[i] == "--lang";
            rest.push_back(args[i]);
        }
    }
    const auto opt = parse_portfolio_args(rest, "batch", kUsage, {"--excel"}, true);
    if (!opt) return 2;
    settings.format.dutch = lang_given && opt->lang == "nl";
    settings.format.excel = opt->has("--excel");
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
        std::error_code ec;
        if (std::filesystem::is_directory(*file, ec)) {
            std::cerr << "herreg: " << *file << ": a folder, not a file of portfolios (one JSON object a line)\n";
            return 1;
        }
        // --out naming the input itself would empty it before a line is read.
        if (out_path && std::filesystem::equivalent(*file, *out_path, ec)) {
            std::cerr << "herreg batch: --out " << *out_path << " is the input file; write the CSV elsewhere\n";
            return 2;
        }
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

    settings.threads = threads;
    settings.progress = isatty(STDERR_FILENO);
    settings.today = today();
    const BatchCounts n = run_batch(in, out, std::cerr, book, settings);
    out.flush();
    if (!out) {
        std::cerr << "herreg batch: writing the output failed\n";
        return 1;
    }
    std::string summary = "herreg batch: " + std::to_string(n.good) + (n.good == 1 ? " portfolio" : " portfolios") + " assessed, " +
                          std::to_string(n.bad) + " bad line" + (n.bad == 1 ? "" : "s");
    if (n.empty > 0) summary += ", " + std::to_string(n.empty) + " empty line" + (n.empty == 1 ? "" : "s") + " skipped";
    if (n.duplicates > 0) summary += ", " + std::to_string(n.duplicates) + " line" + (n.duplicates == 1 ? "" : "s") + " with an id seen before";
    std::cerr << summary << "\n";
    return n.bad == 0 ? 0 : 1;
}

}  // namespace herreg::cli
