// The fixed tables of RFC 1951 that the compressor (deflate.cpp) and the decompressor
// (inflate.cpp) share. Internal to the core; include deflate.h for the functions.
#pragma once
#include <cstdint>

namespace herreg::deflate_format {

inline constexpr int kWindowSize = 32768;   // §2: distances reach back at most 32 KB
inline constexpr int kMinMatch = 3;         // §3.2.5: lengths 3..258
inline constexpr int kMaxMatch = 258;
inline constexpr int kMaxCodeBits = 15;     // §3.2.7: literal/length and distance codes
inline constexpr int kMaxCodeLengthBits = 7;   // §3.2.7: the code length code (3-bit lengths)
inline constexpr int kEndOfBlock = 256;
inline constexpr int kLitLenCodes = 286;    // 0..285 may appear; 286 and 287 never do
inline constexpr int kDistCodes = 30;       // 0..29 may appear; 30 and 31 never do
inline constexpr int kCodeLengthCodes = 19;
inline constexpr int kMaxStoredLength = 65535;   // §3.2.4: LEN is 16 bits

// §3.2.5: length codes 257..285, as base length and number of extra bits.
inline constexpr uint16_t kLengthBase[29] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                             31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
inline constexpr uint8_t kLengthExtra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                             2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
// §3.2.5: distance codes 0..29.
inline constexpr uint16_t kDistBase[30] = {1,   2,   3,   4,   5,   7,    9,    13,   17,   25,   33,   49,   65,    97,    129,
                                           193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
inline constexpr uint8_t kDistExtra[30] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6,
                                           6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
// §3.2.7: the order in which the code length code's lengths are sent.
inline constexpr uint8_t kCodeLengthOrder[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

// §3.2.6: the fixed Huffman code's lengths (distance codes are all 5 bits).
constexpr int fixed_litlen_length(int symbol) {
    return symbol < 144 ? 8 : symbol < 256 ? 9 : symbol < 280 ? 7 : 8;
}
inline constexpr int kFixedDistLength = 5;

}  // namespace herreg::deflate_format
