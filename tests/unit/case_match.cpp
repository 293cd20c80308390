#include "case_match.h"

#include <cmath>

namespace herreg::test {

using OJson = nlohmann::ordered_json;
using Json = nlohmann::json;

namespace {

const OJson* find_by_id(const OJson& list, const std::string& id) {
    for (const auto& item : list)
        if (item.is_object() && item.contains("id") && item["id"] == id) return &item;
    return nullptr;
}

void match(const OJson& actual, const Json& expected, const std::string& path, std::vector<std::string>& out) {
    const std::string where = path.empty() ? "(root)" : path;
    if (expected.is_object()) {
        if (!actual.is_object()) {
            out.push_back(where + ": expected an object, got " + actual.dump());
            return;
        }
        for (const auto& [key, value] : expected.items()) {
            const std::string p = path.empty() ? key : path + "." + key;
            if (!actual.contains(key)) {
                if (!value.is_null()) out.push_back(p + ": missing");   // null expected: absent is right
                continue;
            }
            match(actual[key], value, p, out);
        }
        return;
    }
    if (expected.is_array()) {
        if (!actual.is_array()) {
            out.push_back(where + ": expected a list, got " + actual.dump());
            return;
        }
        const bool by_id = !expected.empty() && expected[0].is_object() && expected[0].contains("id");
        const bool ids_only = !expected.empty() && expected[0].is_string() && !actual.empty() && actual[0].is_object();
        if (by_id || ids_only) {
            for (const auto& item : expected) {
                const std::string id = by_id ? item["id"].get<std::string>() : item.get<std::string>();
                const OJson* found = find_by_id(actual, id);
                if (!found) {
                    out.push_back(where + ": no item with id \"" + id + "\"");
                    continue;
                }
                if (by_id) match(*found, item, where + "[" + id + "]", out);
            }
            return;
        }
        if (actual.size() != expected.size()) {
            out.push_back(where + ": expected " + std::to_string(expected.size()) + " items, got " + actual.dump());
            return;
        }
        for (size_t i = 0; i < expected.size(); ++i) match(actual[i], expected[i], where + "[" + std::to_string(i) + "]", out);
        return;
    }
    if (expected.is_number()) {
        if (!actual.is_number() || std::fabs(actual.get<double>() - expected.get<double>()) > 0.01)
            out.push_back(where + ": expected " + expected.dump() + ", got " + actual.dump());
        return;
    }
    if (OJson(expected) != actual) out.push_back(where + ": expected " + expected.dump() + ", got " + actual.dump());
}

}  // namespace

std::vector<std::string> match_expected(const OJson& actual, const Json& expected, const std::string& path) {
    std::vector<std::string> out;
    match(actual, expected, path, out);
    return out;
}

}  // namespace herreg::test
