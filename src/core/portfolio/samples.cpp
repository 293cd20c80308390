#include "portfolio/samples.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace herreg {

namespace {

struct CaseFile {
    std::string_view stem, text;
};

// Written at build time by cmake/embed_samples.cmake (library herreg_samples_data).
constexpr CaseFile kCaseFiles[] = {
#include "embedded_samples.inc"
};

}  // namespace

const std::vector<Sample>& samples() {
    // Parsed once, on first use: the app may never open the examples menu.
    static const std::vector<Sample> all = [] {
        std::vector<Sample> out;
        for (const CaseFile& f : kCaseFiles) {
            const nlohmann::json c = nlohmann::json::parse(f.text);
            out.push_back({std::string(f.stem), c.value("name", std::string(f.stem)), c.at("portfolio").dump(2)});
        }
        std::sort(out.begin(), out.end(), [](const Sample& a, const Sample& b) { return a.name < b.name; });
        return out;
    }();
    return all;
}

const Sample* find_sample(std::string_view name) {
    const auto& all = samples();
    const auto it = std::lower_bound(all.begin(), all.end(), name,
                                     [](const Sample& s, std::string_view n) { return s.name < n; });
    return it != all.end() && it->name == name ? &*it : nullptr;
}

}  // namespace herreg
