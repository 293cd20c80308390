#include "assessment/regime.h"

#include <array>
#include <utility>

namespace herreg {

namespace {

constexpr std::array<std::pair<Regime, std::string_view>, 11> kIds{{
    {Regime::undecided, ""},
    {Regime::reregistration, "reregistration"},
    {Regime::initial_and_periodic, "initial_and_periodic"},
    {Regime::dispensation, "dispensation"},
    {Regime::deferral, "deferral"},
    {Regime::reentry_1, "reentry_1"},
    {Regime::reentry_2, "reentry_2"},
    {Regime::reentry_3, "reentry_3"},
    {Regime::specialisation_expired, "specialisation_expired"},
    {Regime::not_eligible, "not_eligible"},
    {Regime::no_scheme, "no_scheme"},
}};

}  // namespace

std::string_view regime_id(Regime r) {
    for (const auto& [regime, id] : kIds)
        if (regime == r) return id;
    return "";
}

std::optional<Regime> parse_regime(std::string_view id) {
    for (const auto& [regime, name] : kIds)
        if (name == id) return regime;
    return std::nullopt;
}

}  // namespace herreg
