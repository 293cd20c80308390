// Fuzz target: the fast portfolio reader of `herreg batch` against the ordinary reader.
//
// portfolio_fast_reader.h promises: whenever read_complete_portfolio_fast returns a
// portfolio, it is the one read_portfolio(text, ReadMode::complete) gives; on anything it is
// not sure of it returns nothing and batch reads the text the ordinary way. So the fast
// reader must never accept text the ordinary reader rejects, never give another portfolio,
// and never throw (it has no messages to give). Returning nothing is always allowed.
#include "fuzz_support.h"
#include "portfolio/portfolio.h"
#include "portfolio_fast_reader.h"

#include <optional>

#include <nlohmann/json.hpp>

using namespace herreg;
using namespace herreg::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text = as_text(data, size);

    std::optional<Portfolio> fast;
    try {
        fast = read_complete_portfolio_fast(text);
    } catch (const std::exception& e) {
        fail(std::string("the fast reader threw ") + typeid(e).name() + ": " + e.what());
    }

    std::optional<Portfolio> full;
    std::string full_error;
    try {
        full = read_portfolio(text, ReadMode::complete);
    } catch (const InputError& e) {
        full_error = e.what();
    } catch (const std::exception& e) {
        fail(std::string("read_portfolio threw ") + typeid(e).name() + " instead of InputError: " + e.what());
    }

    if (!fast) return 0;
    if (!full) fail("the fast reader accepted what read_portfolio rejects (" + full_error + ")");
    // Compared as text: dump() also tells -0 from 0 and 0.1 from its neighbour, which the
    // batch's CSV would show.
    const std::string a = portfolio_to_json(*fast).dump(), b = portfolio_to_json(*full).dump();
    if (a != b) fail("the fast reader read another portfolio:\nfast: " + a + "\nfull: " + b);
    return 0;
}
