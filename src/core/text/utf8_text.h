// UTF-8 at the byte level, in one place: every other file reads, writes, counts and cuts text
// through these. Two kinds of function, on purpose:
//  - strict (Unicode Table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF), for
//    text that must be valid where it goes: the PDF, the calendar file, the batch's JSON reader;
//  - byte-level (looks only at 10xxxxxx continuation bytes, never validates), for counting,
//    cutting and padding text that is UTF-8 already: a valid character is never split, and
//    bytes that are not UTF-8 are passed over unchanged.
// Header-only: the batch reader checks each non-ASCII byte and the PDF reads each character.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace herreg {

// ---- strict: reading and writing

// Length of the well-formed UTF-8 sequence at text[i] (Unicode Table 3-7: no overlong
// forms, no surrogates, nothing above U+10FFFF), or 0 when none starts there.
inline std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
    const auto at = [&](std::size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u; };
    const auto cont = [&](std::size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) { return at(k) >= lo && at(k) <= hi; };
    const unsigned c = at(0);
    if (i >= text.size()) return 0;
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) return cont(1, c == 0xE0 ? 0xA0 : 0x80, c == 0xED ? 0x9F : 0xBF) && cont(2) ? 3 : 0;
    if (c >= 0xF0 && c <= 0xF4) return cont(1, c == 0xF0 ? 0x90 : 0x80, c == 0xF4 ? 0x8F : 0xBF) && cont(2) && cont(3) ? 4 : 0;
    return 0;
}

// The code point at text[i] (i < text.size()), with i moved past it. A byte that starts no
// well-formed sequence gives U+FFFD and moves i by one byte: one U+FFFD per bad byte, and any
// input ends.
inline char32_t utf8_next(std::string_view text, std::size_t& i) {
    const std::size_t n = utf8_sequence_length(text, i);
    if (n == 0) {
        ++i;
        return 0xFFFD;
    }
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
    char32_t c = n == 1 ? byte(0) : byte(0) & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) c = (c << 6) | (byte(k) & 0x3F);
    i += n;
    return c;
}

// Appends c (at most U+10FFFF: the caller's job) in 1 to 4 bytes.
inline void utf8_append(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// ---- byte-level: counting and cutting text that is UTF-8 already

inline bool utf8_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Characters in text: the bytes that are not continuation bytes (a column's width in a text table).
inline std::size_t utf8_count_chars(std::string_view text) {
    std::size_t n = 0;
    for (const char c : text) n += !utf8_continuation(c);
    return n;
}

// The character boundary at or before byte n: text.size() when n is past the end, else n moved
// back over continuation bytes, not below 0. Cutting at it never splits a character.
inline std::size_t utf8_floor_boundary(std::string_view text, std::size_t n) {
    if (n >= text.size()) return text.size();
    while (n > 0 && utf8_continuation(text[n])) --n;
    return n;
}

// The bytes the first n characters take (a character: a byte and the continuation bytes after
// it); text.size() when there are fewer.
inline std::size_t utf8_char_offset(std::string_view text, std::size_t n) {
    std::size_t i = 0;
    for (std::size_t count = 0; i < text.size() && count < n; ++count) {
        ++i;
        while (i < text.size() && utf8_continuation(text[i])) ++i;
    }
    return i;
}

// The bidirectional formatting character whose three bytes start at text[i], else 0: U+200E
// and U+200F (marks), U+202A-U+202E (embeddings, overrides), U+2066-U+2069 (isolates). They
// can make a message or a form's text read differently from what it holds.
inline char32_t bidi_control_at(std::string_view text, std::size_t i) {
    if (i + 2 >= text.size() || static_cast<unsigned char>(text[i]) != 0xE2) return 0;
    const unsigned c1 = static_cast<unsigned char>(text[i + 1]), c2 = static_cast<unsigned char>(text[i + 2]);
    const bool bidi = (c1 == 0x80 && (c2 == 0x8E || c2 == 0x8F || (c2 >= 0xAA && c2 <= 0xAE))) ||
                      (c1 == 0x81 && c2 >= 0xA6 && c2 <= 0xA9);
    return bidi ? char32_t(0x2000u | ((c1 & 0x3Fu) << 6) | (c2 & 0x3Fu)) : 0;
}

// ---- whole texts

inline bool is_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = utf8_sequence_length(text, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

// Windows-1252 (what Excel on a Dutch Windows saves as "CSV") to UTF-8, as the WHATWG
// Encoding Standard reads it: 0x80-0x9F are € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ,
// the five bytes it leaves undefined become the C1 controls of the same number.
inline std::string windows1252_to_utf8(std::string_view text) {
    static constexpr char16_t high[32] = {
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (const char ch : text) {
        const auto b = static_cast<unsigned char>(ch);
        utf8_append(out, b >= 0x80 && b < 0xA0 ? high[b - 0x80] : b);
    }
    return out;
}

}  // namespace herreg
