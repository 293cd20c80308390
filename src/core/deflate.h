// Raw DEFLATE (RFC 1951): the compressed data format inside zlib, gzip and zip, here
// without any wrapper. herreg needs it for share links (share_link.h): the whole portfolio
// travels compressed in the address. Written here rather than taken from zlib because the
// WebAssembly build has no zlib and the project downloads no ports.
//
//  [X] Compressor: LZ77 over a 32 KB window with hash chains and lazy matching (the
//      parameters of zlib's level 9), blocks of up to 16,384 symbols, each written as
//      stored, fixed or dynamic Huffman, whichever is smallest. Dynamic codes are optimal
//      length-limited codes (package-merge), so output is about the size of `zlib -9`.
//  [X] Decompressor: all of RFC 1951 (stored, fixed and dynamic blocks), checked at every
//      step, with a cap on the output: safe on any input, however hostile.
//  [ ] No streaming: both take and give whole buffers (portfolios are small).
//  [ ] No zlib (RFC 1950) or gzip (RFC 1952) header or checksum.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace herreg {

// `data` as one raw DEFLATE stream, ending with a final block. Any bytes, any length.
std::string deflate_raw(std::string_view data);

enum class InflateStatus {
    ok,
    truncated,   // the stream stops before its final block is complete
    invalid,     // something no DEFLATE compressor writes (bad block type, bad code table, ...)
    too_large,   // the output would pass max_output
};

struct InflateResult {
    InflateStatus status = InflateStatus::ok;
    std::string data;      // the decompressed bytes; only meaningful when status is ok
    std::string problem;   // what is wrong, in a few English words; empty when ok
};

// Decompresses one raw DEFLATE stream. Never produces more than `max_output` bytes and never
// reads outside `compressed`; anything after the final block is `invalid`.
InflateResult inflate_raw(std::string_view compressed, std::size_t max_output);

}  // namespace herreg
