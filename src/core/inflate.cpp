// The DEFLATE decompressor (RFC 1951, §3.2). Its input comes from links anyone can edit,
// so every read is bounds-checked, every code table validated before use, and the output
// capped: whatever the bytes, the result is data or a status, never a crash or a huge
// allocation. Clarity over speed: codes are decoded a bit at a time, which is plenty for
// a portfolio of a few hundred kilobytes.
#include "deflate.h"

#include "deflate_tables.h"

#include <array>
#include <cstdint>
#include <vector>

namespace herreg {

namespace {

using namespace deflate_format;

// Thrown inside this file only; inflate_raw turns it into its result.
struct Failure {
    InflateStatus status;
    const char* problem;
};
[[noreturn]] void invalid(const char* problem) { throw Failure{InflateStatus::invalid, problem}; }

// §3.1.1: bits are read from the least significant end of each byte.
class BitReader {
public:
    explicit BitReader(std::string_view in) : in_(in) {}

    uint32_t bits(int count) {   // count <= 16
        while (filled_ < count) {
            if (pos_ == in_.size()) throw Failure{InflateStatus::truncated, "the data ends too early"};
            acc_ |= uint32_t(uint8_t(in_[pos_++])) << filled_;
            filled_ += 8;
        }
        const uint32_t v = acc_ & ((1u << count) - 1);
        acc_ >>= count;
        filled_ -= count;
        return v;
    }
    // §3.2.4: a stored block's LEN starts at the next byte boundary.
    void skip_to_byte() {
        acc_ = 0;
        filled_ = 0;   // fewer than 8 bits are ever buffered, all of them in the current byte
    }
    std::string_view take_bytes(size_t n) {
        if (in_.size() - pos_ < n) throw Failure{InflateStatus::truncated, "the data ends too early"};
        const std::string_view r = in_.substr(pos_, n);
        pos_ += n;
        return r;
    }
    bool at_end() const { return pos_ == in_.size(); }

private:
    std::string_view in_;
    size_t pos_ = 0;
    uint32_t acc_ = 0;
    int filled_ = 0;
};

// A canonical Huffman code (§3.2.2) kept as the number of codes of each length and the
// symbols in code order; decoding walks the lengths one bit at a time.
class Decoder {
public:
    enum class Shape { complete, incomplete, oversubscribed, empty };

    Decoder(const uint8_t* lengths, int n) {
        for (int s = 0; s < n; ++s) ++count_[lengths[s]];
        std::array<uint16_t, kMaxCodeBits + 2> offset{};
        for (int len = 1; len <= kMaxCodeBits; ++len) offset[size_t(len) + 1] = uint16_t(offset[size_t(len)] + count_[size_t(len)]);
        symbols_.resize(size_t(offset[kMaxCodeBits + 1]));
        for (int s = 0; s < n; ++s)
            if (lengths[s]) symbols_[offset[lengths[s]]++] = uint16_t(s);
        // Kraft: each length-L code uses 2^-L of the code space; more than all is impossible,
        // less leaves bit patterns that mean nothing.
        int left = 1;
        for (int len = 1; len <= kMaxCodeBits; ++len) {
            left = 2 * left - count_[size_t(len)];
            if (left < 0) {
                shape_ = Shape::oversubscribed;
                return;
            }
        }
        shape_ = symbols_.empty() ? Shape::empty : left > 0 ? Shape::incomplete : Shape::complete;
    }

    Shape shape() const { return shape_; }
    // Incomplete codes are allowed for literal/length and distance codes only as a single
    // one-bit code (RFC 1951 leaves this open; zlib decides the same way).
    bool single_code() const { return symbols_.size() == 1 && count_[1] == 1; }

    int decode(BitReader& in) const {
        int code = 0, first = 0, index = 0;   // codes of length `len` are first .. first+count-1
        for (int len = 1; len <= kMaxCodeBits; ++len) {
            code |= int(in.bits(1));
            const int count = count_[size_t(len)];
            if (code - first < count) return symbols_[size_t(index + code - first)];
            index += count;
            first = (first + count) << 1;
            code <<= 1;
        }
        invalid("a code that is not in the Huffman table");
    }

private:
    std::array<int, kMaxCodeBits + 1> count_{};
    std::vector<uint16_t> symbols_;
    Shape shape_ = Shape::empty;
};

class Inflater {
public:
    Inflater(std::string_view in, size_t max_output) : in_(in), max_(max_output) {}

    std::string run() {
        bool final = false;
        do {   // §3.2.3: each block starts with BFINAL and BTYPE
            final = in_.bits(1) == 1;
            switch (in_.bits(2)) {
            case 0: stored(); break;
            case 1: fixed(); break;
            case 2: dynamic(); break;
            default: invalid("invalid block type");
            }
        } while (!final);
        if (!in_.at_end()) invalid("data after the end of the compressed stream");
        return std::move(out_);
    }

private:
    void room_for(size_t n) {
        if (n > max_ - out_.size()) throw Failure{InflateStatus::too_large, "the data would be too large"};
    }

    // §3.2.4: non-compressed block.
    void stored() {
        in_.skip_to_byte();
        const std::string_view head = in_.take_bytes(4);
        const auto u16 = [&](int i) { return uint32_t(uint8_t(head[size_t(i)])) | uint32_t(uint8_t(head[size_t(i) + 1])) << 8; };
        const uint32_t len = u16(0);
        if ((len ^ 0xFFFF) != u16(2)) invalid("a stored block whose length check fails");
        room_for(len);
        out_.append(in_.take_bytes(len));
    }

    // §3.2.6: the fixed codes.
    void fixed() {
        static const Decoder litlen = [] {
            std::array<uint8_t, 288> l{};
            for (int s = 0; s < 288; ++s) l[size_t(s)] = uint8_t(fixed_litlen_length(s));
            return Decoder(l.data(), 288);
        }();
        // 30 five-bit codes leave 30 and 31 unused: an incomplete code, fine for the fixed one.
        static const Decoder dist = [] {
            std::array<uint8_t, kDistCodes> l{};
            l.fill(kFixedDistLength);
            return Decoder(l.data(), kDistCodes);
        }();
        codes(litlen, dist);
    }

    // §3.2.7: the block's codes come first, themselves Huffman coded.
    void dynamic() {
        const int hlit = int(in_.bits(5)) + 257;
        const int hdist = int(in_.bits(5)) + 1;
        const int hclen = int(in_.bits(4)) + 4;
        if (hlit > kLitLenCodes || hdist > kDistCodes) invalid("too many length or distance codes");

        std::array<uint8_t, kCodeLengthCodes> cl{};
        for (int i = 0; i < hclen; ++i) cl[kCodeLengthOrder[i]] = uint8_t(in_.bits(3));
        const Decoder cl_code(cl.data(), kCodeLengthCodes);
        if (cl_code.shape() != Decoder::Shape::complete) invalid("an invalid code length code");

        // The literal/length and distance code lengths are one sequence (repeats may cross).
        std::array<uint8_t, kLitLenCodes + kDistCodes> lengths{};
        for (int i = 0; i < hlit + hdist;) {
            const int sym = cl_code.decode(in_);
            if (sym < 16) {
                lengths[size_t(i++)] = uint8_t(sym);
                continue;
            }
            uint8_t value = 0;
            int repeat = 0;
            if (sym == 16) {
                if (i == 0) invalid("a repeated code length with nothing before it");
                value = lengths[size_t(i) - 1];
                repeat = 3 + int(in_.bits(2));
            } else if (sym == 17) {
                repeat = 3 + int(in_.bits(3));
            } else {
                repeat = 11 + int(in_.bits(7));
            }
            if (i + repeat > hlit + hdist) invalid("more code lengths than codes");
            for (; repeat > 0; --repeat) lengths[size_t(i++)] = value;
        }
        if (lengths[kEndOfBlock] == 0) invalid("no end-of-block code");

        const Decoder litlen(lengths.data(), hlit);
        const Decoder dist(lengths.data() + hlit, hdist);
        check_table(litlen, "an invalid literal/length code");
        // No distance code at all is allowed: a block of literals only.
        if (dist.shape() != Decoder::Shape::empty) check_table(dist, "an invalid distance code");
        codes(litlen, dist);
    }

    static void check_table(const Decoder& d, const char* problem) {
        const auto s = d.shape();
        if (s == Decoder::Shape::complete || (s == Decoder::Shape::incomplete && d.single_code())) return;
        invalid(problem);
    }

    // §3.2.5: literals, and (length, distance) pairs that copy earlier output.
    void codes(const Decoder& litlen, const Decoder& dist) {
        for (;;) {
            const int sym = litlen.decode(in_);
            if (sym < 256) {
                room_for(1);
                out_.push_back(char(sym));
                continue;
            }
            if (sym == kEndOfBlock) return;
            const int li = sym - 257;
            if (li >= 29) invalid("an invalid length code");
            const size_t length = kLengthBase[li] + in_.bits(kLengthExtra[li]);
            const int dc = dist.decode(in_);
            if (dc >= kDistCodes) invalid("an invalid distance code");
            const size_t distance = kDistBase[dc] + in_.bits(kDistExtra[dc]);
            if (distance > out_.size()) invalid("a distance back to before the start");
            room_for(length);
            // Byte by byte: the copy may overlap what it is writing (distance < length).
            for (size_t k = 0, from = out_.size() - distance; k < length; ++k) out_.push_back(out_[from + k]);
        }
    }

    BitReader in_;
    size_t max_;
    std::string out_;
};

}  // namespace

InflateResult inflate_raw(std::string_view compressed, std::size_t max_output) {
    InflateResult r;
    try {
        r.data = Inflater(compressed, max_output).run();
    } catch (const Failure& f) {
        r.status = f.status;
        r.problem = f.problem;
        r.data.clear();
    }
    return r;
}

}  // namespace herreg
