// The languages herreg speaks: Dutch first (the default), English second. The core takes a
// Lang where it words something; "nl" and "en" are only what files, URLs and the CLI say.
#pragma once

#include <array>
#include <string_view>

namespace herreg {

enum class Lang { nl, en };
inline constexpr std::array<Lang, 2> kLanguages{Lang::nl, Lang::en};

inline constexpr std::string_view lang_code(Lang lang) { return lang == Lang::en ? "en" : "nl"; }

// "nl", "en", "en-GB", "NL_be": the language; anything else: `fallback`.
Lang parse_lang(std::string_view code, Lang fallback = Lang::nl);

}  // namespace herreg
