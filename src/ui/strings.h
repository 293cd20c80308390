// User-facing text, one table per language (Dutch first: it is the default).
// Every field must be filled for every language; strings are UTF-8.
#pragma once

#include <array>
#include <string_view>

namespace herreg::ui {

enum class Lang { nl, en };
inline constexpr std::array<Lang, 2> kLanguages{Lang::nl, Lang::en};

struct Strings {
    const char* code;           // "nl": for ?lang= and <html lang>
    const char* language_name;  // in the language itself: the switch shows it

    const char* subtitle;
    const char* tagline;

    const char* how_title;
    std::array<const char*, 3> steps;
    const char* start_button;
    const char* start_note;

    std::array<const char*, 2> promises;
    const char* disclaimer;
};

const Strings& strings(Lang lang);

// "nl" / "en" (any case, also "nl-NL") to a language; anything else gives `fallback`.
Lang parse_lang(std::string_view code, Lang fallback = Lang::nl);

}  // namespace herreg::ui
