// The semantics tree (platform::WidgetState in the widget map), through the real app on the
// native stand-in: what a screen reader is told of each widget beyond its name, and what the
// browser's accessibility mirror (src/platform/a11y_mirror.js) builds its elements from.
//  - roles: a radio button is a radio (it was a check box), a step a step, a heading a
//    heading of level 2, a text field a textbox;
//  - states follow the model: the radio chosen and the check box ticked are checked, the step
//    shown is current, a text field holds its text as value;
//  - an invalid date: its field is invalid, and its message is in the tree as an alert right
//    after it (the mirror describes the field by it);
//  - a combo box is expanded while its options are listed, each option an option, the chosen
//    one selected.
#include <doctest/doctest.h>

#include <string>

#include "app_driver.h"

using herreg::platform::NativeWidget;
using herreg::platform::Role;
using herreg::platform::widgets;
using herreg::test::Tab;

TEST_CASE("roles and states follow what the screen shows") {
    herreg::test::fresh_browser();
    Tab a("a");
    a.to_dates();
    CHECK(a.widget("registered.yes").state.role == Role::radio);
    CHECK(a.widget("registered.yes").state.checked == 1);
    CHECK(a.widget("registered.no").state.checked == 0);
    CHECK(a.widget("step.2").state.role == Role::step);
    CHECK(a.widget("step.2").state.current);
    CHECK_FALSE(a.widget("step.1").state.current);
    const NativeWidget heading = a.widget("heading");
    CHECK(heading.state.role == Role::heading);
    CHECK(heading.state.level == 2);
    CHECK(a.widget("period_start").state.role == Role::textbox);

    a.type("period_start", "01-12-2021");
    a.blur();
    CHECK(a.widget("period_start").value == "01-12-2021");
    CHECK_FALSE(a.widget("period_start").state.invalid);

    a.click("registered.no");
    CHECK(a.widget("registered.no").state.checked == 1);
    CHECK(a.widget("registered.yes").state.checked == 0);
}

TEST_CASE("an invalid date: the field is invalid and its message follows it as an alert") {
    herreg::test::fresh_browser();
    Tab a("a");
    a.to_dates();
    a.type("period_start", "31-02-2021");
    a.blur();
    CHECK(a.widget("period_start").state.invalid);
    CHECK(a.widget("period_start").value == "31-02-2021");   // what was typed stays
    const auto& all = widgets();
    std::size_t at = 0;
    while (at < all.size() && all[at].id != "period_start") ++at;
    REQUIRE(at + 1 < all.size());
    CHECK(all[at + 1].state.role == Role::alert);
    CHECK_FALSE(all[at + 1].name.empty());
}

TEST_CASE("a combo box is expanded while its options show; the chosen option is selected") {
    herreg::test::fresh_browser();
    Tab a("a");
    a.to_dates();
    a.click("step.4");
    a.click("activity.add");
    REQUIRE(a.has("activity.category"));
    CHECK(a.widget("activity.category").state.expanded == 0);
    CHECK(a.widget("activity.category").state.role == Role::combobox);
    a.click("activity.category");
    CHECK(a.widget("activity.category").state.expanded == 1);
    int options = 0, selected = 0;
    for (const NativeWidget& w : widgets()) {
        if (w.state.role != Role::option) continue;
        ++options;
        if (w.state.selected) ++selected;
        CHECK_FALSE(w.name.empty());
    }
    CHECK(options >= 2);
    CHECK(selected == 1);
    CHECK(a.widget("activity.category").value != "");
}
