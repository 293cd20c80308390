#include "cli_io.h"

#include "rules/embedded_rules.h"
#include "input/input_error.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace herreg::cli {

namespace fs = std::filesystem;

// Portfolios are small; refuse anything that cannot be one instead of filling memory.
constexpr std::uintmax_t kMaxInputBytes = 64u * 1024u * 1024u;

namespace {

// Reads `in` to its end, but never more than kMaxInputBytes: standard input and pipes
// (/dev/stdin, a process substitution) have no size to look at beforehand.
std::string read_capped(std::istream& in, const std::string& name) {
    std::string out;
    char buf[1 << 16];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        out.append(buf, static_cast<std::size_t>(in.gcount()));
        if (out.size() > kMaxInputBytes) throw InputError(name, Message{"cli.file_too_large"});
    }
    return out;
}

}  // namespace

std::string read_input(const std::string& path) {
    if (path == "-") return read_capped(std::cin, "stdin");
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (!fs::exists(status)) throw InputError(path, Message{"cli.no_such_file"});
    if (fs::is_directory(status)) throw InputError(path, Message{"cli.is_folder"});
    // A regular file says its size; a pipe or a device is read up to the cap.
    if (fs::is_regular_file(status) && fs::file_size(path, ec) > kMaxInputBytes)
        throw InputError(path, Message{"cli.file_too_large"});
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path, Message{"cli.unreadable"});
    return read_capped(in, path);
}

Date today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

std::vector<RulesFile> read_rules_dir(const std::string& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw InputError(dir, Message{"cli.not_folder"});
    std::vector<RulesFile> files;
    // A folder that cannot be listed (no permission) is an input problem, named, not a crash.
    fs::directory_iterator it(dir, ec), end;
    if (ec) throw InputError(dir, Message{"cli.unreadable"});
    for (; it != end; it.increment(ec)) {
        if (ec) throw InputError(dir, Message{"cli.unreadable"});
        const fs::directory_entry& entry = *it;
        if (entry.path().extension() != ".json") continue;
        files.push_back({entry.path().filename().string(), read_input(entry.path().string())});
    }
    if (ec) throw InputError(dir, Message{"cli.unreadable"});
    std::sort(files.begin(), files.end(), [](const RulesFile& a, const RulesFile& b) { return a.name < b.name; });
    if (files.empty()) throw InputError(dir, Message{"cli.no_rules_files"});
    return files;
}

Rulebook load_rulebook(const std::optional<std::string>& dir) {
    return Rulebook::from_files(dir ? read_rules_dir(*dir) : embedded_rules_files());
}

}  // namespace herreg::cli

namespace herreg::cli {

namespace {

// `bytes` into `path` (truncated first); false with `why` when it could not be opened or written.
bool write_bytes(const fs::path& path, const std::string& bytes, std::string& why) {
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    if (!f) {
        why = std::strerror(errno);
        return false;
    }
    f.write(bytes.data(), std::streamsize(bytes.size()));
    f.close();
    if (!f) why = "write failed";
    return bool(f);
}

}  // namespace

bool write_output_file(const std::filesystem::path& path, const std::string& bytes, std::string& why) {
    std::error_code ec;
    const fs::file_status status = fs::symlink_status(path, ec);
    // A device, a pipe, a link (to /dev/full, to /proc/self/fd/1): written into as it is, and
    // never removed, whatever happens. Only a file herreg made may go.
    if (fs::exists(status) && !fs::is_regular_file(status)) return write_bytes(path, bytes, why);
    // A regular file or none: written beside it and renamed over it, so a failed write leaves
    // what was there (and removes only the part herreg wrote).
    fs::path part = path;
    part += ".herreg-part";
    if (!write_bytes(part, bytes, why)) {
        fs::remove(part, ec);
        return false;
    }
    fs::rename(part, path, ec);
    if (ec) {
        why = ec.message();
        fs::remove(part, ec);
        return false;
    }
    return true;
}

}  // namespace herreg::cli
