// Sample portfolios, by name, for ?sample=<name> and the "try an example" menu: the
// portfolios of tests/cases/*.json (error cases left out), embedded at build time, so every
// scenario the tests prove can be opened in the app as it is.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace herreg {

struct Sample {
    std::string name;             // file stem: "kp-02-dispensation"
    std::string title;            // the case's "name" field
    std::string portfolio_json;   // the case's "portfolio", as a portfolio document
};

const std::vector<Sample>& samples();                 // sorted by name
const Sample* find_sample(std::string_view name);     // nullptr when unknown

}  // namespace herreg
