// Compares an assessment's JSON with a case's "expected" part. The expected
// part is a subset: only what it names is checked, so a case states exactly
// the behaviour it is about.
//  - objects: every expected key must be present and match;
//  - numbers: equal within 0.01 (hours are pro rata);
//  - a list of objects with "id" (criteria): each expected item is found by id;
//  - a list of strings against a list of objects with "id" (reasons, warnings):
//    each id must be present;
//  - other lists: same length, item by item.
#pragma once
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace herreg::test {

// Returns one line per mismatch, each starting with the JSON path.
std::vector<std::string> match_expected(const nlohmann::ordered_json& actual, const nlohmann::json& expected,
                                        const std::string& path = "");

}  // namespace herreg::test
