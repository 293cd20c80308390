// The few helpers every text-writing part of the core uses: pick the Dutch or English
// wording, and write numbers and dates the way readers of that language expect
// (Dutch 1.600 and 22-11-2026, English 1,600 and 2026-11-22).
#pragma once
#include "dates/civil_date.h"
#include "text/number_format.h"

#include <string>
#include <string_view>

namespace herreg {

struct Wording {
    explicit Wording(std::string_view language) : lang(language), en(language == "en") {}
    std::string lang;
    bool en;

    std::string tr(const std::string& nl, const std::string& english) const { return en ? english : nl; }
    std::string num(double x) const { return format_number(x, lang); }
    std::string date(const Date& d) const { return to_dutch(d); }   // day first in both languages, as typed
};

}  // namespace herreg
