// Portfolios made from a seed, for the property tests (unit-properties.cpp). The same seed gives
// the same portfolio natively and in wasm: the generator uses its own integer random numbers
// (splitmix64), never <random>'s distributions, whose results differ between libstdc++ and
// libc++. Every register and specialisation, registered or not, hours and activities before and
// after the check date, capped kinds with meetings, filled-in thresholds, earlier schemes.
#pragma once
#include "portfolio/portfolio.h"
#include "rules/rulebook.h"

#include <cstdint>

namespace herreg::test {

class Rng {
public:
    explicit Rng(uint64_t seed) : state_(seed) {}
    uint64_t next() {
        uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int in(int lo, int hi) { return lo + int(next() % uint64_t(hi - lo + 1)); }   // inclusive
    bool chance(int percent) { return in(1, 100) <= percent; }

private:
    uint64_t state_;
};

// One activity of the portfolio's register, dated `days_before` days before the check date
// (negative: after it).
Activity random_activity(Rng& rng, const RuleSet& rs, const Date& check_date, int days_before);
HoursEntry random_hours(Rng& rng, const Date& check_date);

Portfolio generate_portfolio(uint64_t seed, const Rulebook& book);

}  // namespace herreg::test
