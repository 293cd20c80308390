// What the fields say, as the widget map reports it (the words beside a field and the
// placeholder in it), through the real app on the native stand-in:
//  - the period-end field's help names the end of the period entered, the same date the
//    result lists, not today (it said "Nu: 04-12-2026" for a period that began 01-12-2021);
//  - a date field's placeholder is in the UI's language ("dd-mm-yyyy" in English; the English
//    UI showed the Dutch "dd-mm-jjjj").
#include <doctest/doctest.h>

#include <string>
#include <utility>

#include "app_driver.h"

using herreg::test::contains;
using herreg::test::Tab;

TEST_CASE("the period-end help names the end of the period entered, as the result's dates do") {
    herreg::test::fresh_browser();
    Tab a("a");
    a.to_dates();
    for (const auto& [start, end] : {std::pair{"01-12-2021", "01-12-2026"}, std::pair{"01-09-2019", "01-09-2024"}}) {
        a.type("period_start", start);
        a.blur();
        const std::string help = a.widget("period_end").help;
        CAPTURE(start);
        CHECK(contains(help, std::string("Nu: ") + end + "."));
        a.click("step.5");
        CHECK(contains(a.mirror(), end));   // the result's dates say the same
        a.click("step.2");
    }
}

TEST_CASE("a date field's placeholder is in the UI's language") {
    for (const auto& [query, hint] : {std::pair{"lang=en", "dd-mm-yyyy"}, std::pair{"lang=nl", "dd-mm-jjjj"}}) {
        herreg::test::fresh_browser();
        Tab tab("a", query);
        tab.to_dates();
        CAPTURE(query);
        CHECK(tab.widget("period_start").hint == hint);
        CHECK(tab.widget("check_date").hint == hint);
    }
}
