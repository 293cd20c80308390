// The one error type the core throws for bad input. `field` is the JSON path of
// the culprit (`activities[3].date`), so every message can name what to fix.
#pragma once
#include <stdexcept>
#include <string>

namespace herreg {

class InputError : public std::runtime_error {
public:
    InputError(std::string field, const std::string& problem)
        : std::runtime_error(field.empty() ? problem : field + ": " + problem), field_(std::move(field)) {}
    const std::string& field() const { return field_; }

private:
    std::string field_;
};

}  // namespace herreg
