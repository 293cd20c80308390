// Shared by the fuzz targets (tests/fuzz/fuzz_*.cpp): the embedded rules, and a way to say
// "this is a bug" that libFuzzer records as a crash, with a line saying which property broke.
//
// The core's contract for bad input is one exception type, InputError, naming the field.
// Anything else that comes out of it (another exception, a crash, undefined behaviour,
// a property below that does not hold) is a bug the fuzzer should stop on.
#pragma once
#include "rules/embedded_rules.h"
#include "input/input_error.h"
#include "rules/rulebook.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>
#include <typeinfo>

namespace herreg::fuzz {

inline std::string_view as_text(const uint8_t* data, size_t size) { return {reinterpret_cast<const char*>(data), size}; }

// The rulebook every register's portfolio is assessed against: the rules files built in.
inline const Rulebook& embedded_rulebook() {
    static const Rulebook book = Rulebook::from_files(embedded_rules_files());
    return book;
}

[[noreturn]] inline void fail(const std::string& what) {
    std::fprintf(stderr, "\nfuzz: property broken: %s\n", what.c_str());
    std::fflush(stderr);
    std::abort();
}

// Runs `f`; an InputError is the documented answer to bad input and returns false,
// any other exception is a bug.
template <class F>
bool only_input_errors(const char* step, F&& f) {
    try {
        f();
        return true;
    } catch (const InputError&) {
        return false;
    } catch (const std::exception& e) {
        fail(std::string(step) + " threw " + typeid(e).name() + " instead of InputError: " + e.what());
    } catch (...) {
        fail(std::string(step) + " threw something that is not a std::exception");
    }
}

}  // namespace herreg::fuzz

namespace herreg::fuzz {

// Well-formed UTF-8 (Unicode Table 3-7, what nlohmann/json accepts). Text from the browser
// always is (TextDecoder, stringToUTF8); bytes from a fuzzer mostly are not.
inline bool valid_utf8(std::string_view s) {
    auto in = [](unsigned char c, unsigned lo, unsigned hi) { return c >= lo && c <= hi; };
    for (size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        size_t n = 0;
        unsigned char lo = 0x80, hi = 0xBF;   // the second byte's range
        if (c < 0x80) n = 1;
        else if (in(c, 0xC2, 0xDF)) n = 2;
        else if (in(c, 0xE0, 0xEF)) n = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
        else if (in(c, 0xF0, 0xF4)) n = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
        else return false;
        if (s.size() - i < n) return false;
        for (size_t k = 1; k < n; ++k)
            if (!in(static_cast<unsigned char>(s[i + k]), k == 1 ? lo : 0x80, k == 1 ? hi : 0xBF)) return false;
        i += n;
    }
    return true;
}

}  // namespace herreg::fuzz
