// A quick way to read a complete portfolio, for `herreg batch` (100,000 of them in one go).
// It walks the text once, straight into a Portfolio, without building a JSON tree first
// (that tree was three quarters of the batch's time).
//
// It only takes what it is sure of: well-formed JSON, the portfolio's known fields with
// values in range, plain scalars for unknown top-level fields (they land in `extra`, as the
// ordinary reader does with "id"). On anything else (a syntax error, a value out of range,
// an "application", a field it does not know inside an activity, a duplicate key, ...) it
// returns nothing, and the caller reads the same text the ordinary way, which then gives
// the exact error message or accepts it. So whenever it returns a portfolio, that portfolio
// is the one portfolio_from_json(parse(text), ReadMode::complete) would return.
#pragma once
#include "portfolio/portfolio.h"

#include <optional>
#include <string_view>

namespace herreg {

std::optional<Portfolio> read_complete_portfolio_fast(std::string_view text);

}  // namespace herreg
