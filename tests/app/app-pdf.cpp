// The PDFs: the app hands the finished document to the platform (platform::make_pdf), which in
// the browser has the PDF writer's Worker make it, and here makes it at once with the fonts the
// CLI compiles in. Pressed as a person presses it, the button gives a PDF of the form and the
// banner says where it went; the browser tests compare the bytes with the CLI's.
#include <doctest/doctest.h>

#include <string>

#include "app_driver.h"
#include "platform/native_platform.h"

using herreg::test::contains;
using herreg::test::Tab;

TEST_CASE("the application's PDF button gives the form as a PDF, and the banner names the file") {
    herreg::test::fresh_browser();
    Tab a("a", "lang=nl&sample=kp-21-reentry-group-1-application");
    a.frames(3);
    a.click("step.6");
    REQUIRE(a.has("app.pdf"));
    const std::string pdf = a.download("app.pdf");
    CHECK(pdf.rfind("%PDF-", 0) == 0);
    CHECK(pdf.find("%%EOF") != std::string::npos);
    const std::string name = herreg::platform::downloads().back().name;
    CHECK(name.rfind("aanvraag-", 0) == 0);
    CHECK(contains(a.mirror(), "Opgeslagen als " + name));
    CHECK_FALSE(contains(a.mirror(), "wordt gemaakt"));
}
