// The app's Dutch for the core's messages (ui::problem_text): values and fields kept, words
// translated, unknown texts left as they are, English untouched.
#include "ui/input_problem.h"

#include <doctest/doctest.h>

using herreg::ui::Lang;
using herreg::ui::field_problem_text;
using herreg::ui::problem_text;

TEST_CASE("the core's problems in Dutch") {
    CHECK(problem_text("must be at least 0, got -5", Lang::nl) == "moet minstens 0 zijn, maar is -5");
    CHECK(problem_text("expected a number, got text \"420\"", Lang::nl) == "hier hoort een getal, maar er staat tekst \"420\"");
    CHECK(problem_text("not a date: \"2025-02-30\"", Lang::nl) == "geen bestaande datum: \"2025-02-30\"");
    CHECK(problem_text("unknown register \"knmg\" (known: kabiz, kp)", Lang::nl) == "onbekend register \"knmg\" (bekend: kabiz, kp)");
    CHECK(problem_text("not valid JSON at line 3, column 17 (NaN and Infinity are not numbers in JSON)", Lang::nl) ==
          "geen geldige JSON op regel 3, kolom 17 (NaN en Infinity zijn in JSON geen getallen)");
    // A reason the app has no words for stays as nlohmann says it, inside the Dutch sentence.
    CHECK(problem_text("not valid JSON at line 1, column 2 (error while parsing value - x)", Lang::nl) ==
          "geen geldige JSON op regel 1, kolom 2 (error while parsing value - x)");
    CHECK(problem_text("missing", Lang::nl) == "ontbreekt");
    CHECK(problem_text("something new", Lang::nl) == "something new");
    CHECK(problem_text("must be at least 0, got -5", Lang::en) == "must be at least 0, got -5");
    CHECK(field_problem_text("versions[0].source: missing", "versions[0].source", Lang::nl) == "versions[0].source: ontbreekt");
}
