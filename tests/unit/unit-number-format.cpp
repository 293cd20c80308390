#include "text/number_format.h"

#include <doctest/doctest.h>

using namespace herreg;

TEST_CASE("formatting numbers the Dutch and the English way") {
    CHECK(format_number(1600, "nl") == "1.600");
    CHECK(format_number(1600, "en") == "1,600");
    CHECK(format_number(12.5, "nl") == "12,5");
    CHECK(format_number(12.5, "en") == "12.5");
    CHECK(format_number(1234567.25, "nl", 2) == "1.234.567,25");
    CHECK(format_number(40, "nl") == "40");
    CHECK(format_number(0, "nl") == "0");
    CHECK(format_number(-3.5, "nl") == "-3,5");
    CHECK(format_number(999.96, "nl") == "1.000");
}

TEST_CASE("reading typed numbers in the UI language") {
    CHECK(parse_number("1600", "nl") == 1600);
    CHECK(parse_number("1.600", "nl") == 1600);
    CHECK(parse_number("12,5", "nl") == 12.5);
    CHECK(parse_number("1.600,5", "nl") == 1600.5);
    CHECK(parse_number("1,600", "en") == 1600);
    CHECK(parse_number("12.5", "en") == 12.5);
    CHECK(parse_number(" 40 ", "nl") == 40);
    CHECK(parse_number("-2", "nl") == -2);
    CHECK_FALSE(parse_number("", "nl"));
    CHECK_FALSE(parse_number("abc", "nl"));
    CHECK_FALSE(parse_number("12,5,3", "nl"));
    CHECK_FALSE(parse_number("1.60", "nl"));     // a thousands dot needs three digits after it
    CHECK_FALSE(parse_number("1.6000", "nl"));
    CHECK_FALSE(parse_number("12.5", "nl"));   // in Dutch a dot groups thousands
    CHECK_FALSE(parse_number("99999999999999999", "nl"));
}
