// Raw DEFLATE (RFC 1951): the compressed data format inside zlib, gzip and zip, here without
// any wrapper, and the CRC-32 beside it. herreg needs them for share links (share_link.h): the
// whole portfolio travels compressed in the address. Both come from zlib (Debian's source,
// cmake/zlib.cmake); this header is the little of it herreg uses, with whole buffers and a
// cap on what a hostile link can make us allocate.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace herreg {

// `data` as one raw DEFLATE stream at zlib's level 9, ending with a final block.
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
    std::string problem;   // what is wrong, in zlib's few English words; empty when ok
};

// Decompresses one raw DEFLATE stream. Never produces more than `max_output` bytes; anything
// after the final block is `invalid`.
InflateResult inflate_raw(std::string_view compressed, std::size_t max_output);

// The CRC-32 of IEEE 802.3 (zlib's crc32, Python's zlib.crc32): crc32_of("123456789") is
// 0xCBF43926.
std::uint32_t crc32_of(std::string_view bytes);

}  // namespace herreg
