// Raw DEFLATE and CRC-32 through zlib (deflate.h).
#include "share/deflate.h"

#include <zlib.h>

#include <algorithm>
#include <climits>
#include <new>

namespace herreg {
namespace {

// zlib counts in uInt: feed and take at most this much per call.
constexpr std::size_t kChunk = 1u << 20;

}  // namespace

std::string deflate_raw(std::string_view data) {
    z_stream s{};
    // windowBits -15: raw DEFLATE, no zlib header or Adler-32; memLevel 9, as zlib's -9 with
    // its best memory use.
    if (deflateInit2(&s, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) != Z_OK) throw std::bad_alloc();
    std::string out(deflateBound(&s, static_cast<uLong>(std::min<std::size_t>(data.size(), ULONG_MAX))), '\0');
    s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    std::size_t in_left = data.size(), written = 0;
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        const std::size_t feed = std::min(in_left, kChunk);
        s.avail_in = static_cast<uInt>(feed);
        if (written == out.size()) out.resize(out.size() * 2 + 64);
        s.next_out = reinterpret_cast<Bytef*>(out.data() + written);
        s.avail_out = static_cast<uInt>(std::min(out.size() - written, kChunk));
        const uInt before_out = s.avail_out;
        rc = deflate(&s, in_left == feed ? Z_FINISH : Z_NO_FLUSH);
        in_left -= feed - s.avail_in;
        written += before_out - s.avail_out;
        if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
            deflateEnd(&s);
            throw std::bad_alloc();
        }
    }
    deflateEnd(&s);
    out.resize(written);
    return out;
}

InflateResult inflate_raw(std::string_view compressed, std::size_t max_output) {
    InflateResult r;
    z_stream s{};
    if (inflateInit2(&s, -15) != Z_OK) throw std::bad_alloc();
    s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    std::size_t in_left = compressed.size();
    int rc = Z_OK;
    while (true) {
        const std::size_t feed = std::min(in_left, kChunk);
        s.avail_in = static_cast<uInt>(feed);
        // Room for at most one byte beyond the cap: producing it means the output is too large.
        const std::size_t have = r.data.size();
        const std::size_t room = std::min(kChunk, max_output + 1 - have);
        r.data.resize(have + room);
        s.next_out = reinterpret_cast<Bytef*>(r.data.data() + have);
        s.avail_out = static_cast<uInt>(room);
        rc = inflate(&s, Z_NO_FLUSH);
        in_left -= feed - s.avail_in;
        r.data.resize(have + room - s.avail_out);
        if (rc == Z_STREAM_END || rc == Z_DATA_ERROR || rc == Z_MEM_ERROR || rc == Z_NEED_DICT) break;
        if (r.data.size() > max_output) break;
        // No progress possible: the input ended before the final block.
        if (rc == Z_BUF_ERROR || (in_left == 0 && s.avail_in == 0 && s.avail_out != 0)) break;
    }
    const std::size_t unread = in_left + s.avail_in;
    const std::string message = s.msg ? s.msg : "";
    inflateEnd(&s);
    if (rc == Z_MEM_ERROR) throw std::bad_alloc();
    if (r.data.size() > max_output) {
        r.status = InflateStatus::too_large;
        r.problem = "more than the cap";
    } else if (rc == Z_STREAM_END) {
        if (unread != 0) {
            r.status = InflateStatus::invalid;
            r.problem = "data after the end of the stream";
        }
    } else if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT) {
        r.status = InflateStatus::invalid;
        r.problem = message.empty() ? "invalid data" : message;
    } else {
        r.status = InflateStatus::truncated;
        r.problem = "the stream ends before its last block";
    }
    if (r.status != InflateStatus::ok) r.data.clear();
    return r;
}

std::uint32_t crc32_of(std::string_view bytes) {
    uLong crc = crc32(0L, Z_NULL, 0);
    for (std::size_t at = 0; at < bytes.size(); at += kChunk) {
        const std::size_t n = std::min(kChunk, bytes.size() - at);
        crc = crc32(crc, reinterpret_cast<const Bytef*>(bytes.data() + at), static_cast<uInt>(n));
    }
    return static_cast<std::uint32_t>(crc);
}

}  // namespace herreg
