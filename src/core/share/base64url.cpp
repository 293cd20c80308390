#include "share/base64url.h"

#include <array>
#include <cstdint>

namespace herreg {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// Character -> 6-bit value, -1 for characters outside the alphabet.
constexpr std::array<int8_t, 256> make_values() {
    std::array<int8_t, 256> v{};
    for (auto& x : v) x = -1;
    for (int i = 0; i < 64; ++i) v[uint8_t(kAlphabet[i])] = int8_t(i);
    return v;
}
constexpr std::array<int8_t, 256> kValues = make_values();

}  // namespace

std::string base64url_encode(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() * 4 + 2) / 3);
    size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const uint32_t n = uint32_t(uint8_t(bytes[i])) << 16 | uint32_t(uint8_t(bytes[i + 1])) << 8 | uint8_t(bytes[i + 2]);
        for (int shift = 18; shift >= 0; shift -= 6) out.push_back(kAlphabet[(n >> shift) & 63]);
    }
    const size_t rest = bytes.size() - i;   // 1 or 2 bytes left: 2 or 3 characters, no '='
    if (rest > 0) {
        uint32_t n = uint32_t(uint8_t(bytes[i])) << 16;
        if (rest == 2) n |= uint32_t(uint8_t(bytes[i + 1])) << 8;
        out.push_back(kAlphabet[(n >> 18) & 63]);
        out.push_back(kAlphabet[(n >> 12) & 63]);
        if (rest == 2) out.push_back(kAlphabet[(n >> 6) & 63]);
    }
    return out;
}

std::optional<std::string> base64url_decode(std::string_view text, Base64Problem& problem) {
    for (size_t i = 0; i < text.size(); ++i) {
        if (kValues[uint8_t(text[i])] < 0) {
            problem = {Base64Problem::bad_character, i};
            return std::nullopt;
        }
    }
    if (text.size() % 4 == 1) {
        problem = {Base64Problem::bad_length, text.size() - 1};
        return std::nullopt;
    }
    std::string out;
    out.reserve(text.size() / 4 * 3 + 2);
    uint32_t acc = 0;
    int bits = 0;
    for (char c : text) {
        acc = (acc << 6) | uint32_t(kValues[uint8_t(c)]);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(char((acc >> bits) & 0xFF));
        }
    }
    if ((acc & ((1u << bits) - 1)) != 0) {   // 2 or 4 bits left over: they must be zero
        problem = {Base64Problem::loose_bits, text.size() - 1};
        return std::nullopt;
    }
    return out;
}

}  // namespace herreg
