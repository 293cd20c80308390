#include "cli_io.h"

#include "embedded_rules.h"
#include "input_error.h"

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

std::string read_input(const std::string& path) {
    if (path == "-") {
        std::ostringstream ss;
        ss << std::cin.rdbuf();
        return ss.str();
    }
    std::error_code ec;
    if (!fs::exists(path, ec)) throw InputError(path, Message{"cli.no_such_file"});
    if (fs::is_directory(path, ec)) throw InputError(path, Message{"cli.is_folder"});
    if (fs::file_size(path, ec) > kMaxInputBytes) throw InputError(path, Message{"cli.file_too_large"});
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path, Message{"cli.unreadable"});
    return std::string(std::istreambuf_iterator<char>(in), {});
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
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() != ".json") continue;
        files.push_back({entry.path().filename().string(), read_input(entry.path().string())});
    }
    std::sort(files.begin(), files.end(), [](const RulesFile& a, const RulesFile& b) { return a.name < b.name; });
    if (files.empty()) throw InputError(dir, Message{"cli.no_rules_files"});
    return files;
}

Rulebook load_rulebook(const std::optional<std::string>& dir) {
    return Rulebook::from_files(dir ? read_rules_dir(*dir) : embedded_rules_files());
}

}  // namespace herreg::cli

namespace herreg::cli {

bool write_output_file(const std::filesystem::path& path, const std::string& bytes, std::string& why) {
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    if (!f) {
        why = std::strerror(errno);
        return false;
    }
    f.write(bytes.data(), std::streamsize(bytes.size()));
    f.close();
    if (!f) {
        why = "write failed";
        std::error_code ec;
        std::filesystem::remove(path, ec);
        return false;
    }
    return true;
}

}  // namespace herreg::cli
