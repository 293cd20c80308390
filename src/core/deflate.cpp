// The DEFLATE compressor (RFC 1951). Two passes: LZ77 turns the input into literals and
// (length, distance) matches; then each run of up to kBlockSymbols of them is written as
// one block in the cheapest of the three block types. See deflate.h for what it does not do.
#include "deflate.h"

#include "deflate_tables.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <vector>

namespace herreg {

namespace {

using namespace deflate_format;

// ---------------------------------------------------------------- bits out (§3.1.1)

// Data elements are packed starting with the least significant bit of each byte.
// Huffman codes are defined most significant bit first, so they are stored reversed
// (see canonical_codes) and written like any other number.
class BitWriter {
public:
    void put(uint32_t bits, int count) {
        acc_ |= uint64_t(bits) << filled_;
        filled_ += count;
        while (filled_ >= 8) {
            out_.push_back(char(acc_ & 0xFF));
            acc_ >>= 8;
            filled_ -= 8;
        }
    }
    // Stored blocks start on a byte boundary (§3.2.4).
    void align() {
        if (filled_ > 0) put(0, 8 - filled_);
    }
    void append_aligned(std::string_view bytes) { out_.append(bytes); }
    int bits_pending() const { return filled_; }
    std::string finish() {
        align();
        return std::move(out_);
    }

private:
    std::string out_;
    uint64_t acc_ = 0;
    int filled_ = 0;
};

// ---------------------------------------------------------------- Huffman codes (§3.2.2)

// The code lengths, no longer than `max_bits`, that minimise sum(freq * length): the
// package-merge algorithm (Larmore and Hirschberg, 1990). Plain Huffman can need more than
// 15 bits; this is optimal under the limit, which is what keeps us near zlib's sizes.
// Symbols with frequency 0 get length 0 (not coded).
std::vector<uint8_t> limited_code_lengths(const std::vector<uint32_t>& freq, int max_bits) {
    std::vector<uint8_t> lengths(freq.size(), 0);
    std::vector<int> used;
    for (size_t i = 0; i < freq.size(); ++i)
        if (freq[i] > 0) used.push_back(int(i));
    // A one-symbol code would be a single 1-bit code, which decoders treat as incomplete
    // (zlib only accepts it for distances). Like zlib, give such a tree a second symbol,
    // so every code we write is complete.
    if (used.size() < 2) {
        const int first = used.empty() ? 0 : used[0];
        lengths[first] = 1;
        lengths[first == 0 ? 1 : 0] = 1;
        return lengths;
    }
    std::sort(used.begin(), used.end(), [&](int a, int b) { return freq[a] != freq[b] ? freq[a] < freq[b] : a < b; });

    // Level 0 holds the leaves. Each next level holds the leaves merged with the pairs
    // ("packages") of the level before, cheapest first. Taking the 2n-2 cheapest items of
    // the last level, a symbol's code length is how often its leaf occurs inside them.
    struct Item {
        uint64_t weight;
        int symbol;       // >= 0: a leaf
        int left, right;  // a package: two items of the previous level
    };
    std::vector<Item> leaves;
    for (int s : used) leaves.push_back({freq[s], s, -1, -1});
    std::vector<std::vector<Item>> levels{leaves};
    for (int level = 1; level < max_bits; ++level) {
        const std::vector<Item>& prev = levels.back();
        std::vector<Item> packages;
        for (size_t i = 0; i + 1 < prev.size(); i += 2) packages.push_back({prev[i].weight + prev[i + 1].weight, -1, int(i), int(i + 1)});
        std::vector<Item> merged;
        // std::merge is stable: on equal weights the leaf comes first.
        std::merge(leaves.begin(), leaves.end(), packages.begin(), packages.end(), std::back_inserter(merged),
                   [](const Item& a, const Item& b) { return a.weight < b.weight; });
        levels.push_back(std::move(merged));
    }
    // Walk the chosen items down to their leaves (depth <= max_bits, so recursion is fine).
    auto count = [&](auto&& self, int level, int index) -> void {
        const Item& it = levels[size_t(level)][size_t(index)];
        if (it.symbol >= 0) {
            ++lengths[size_t(it.symbol)];
            return;
        }
        self(self, level - 1, it.left);
        self(self, level - 1, it.right);
    };
    const size_t take = 2 * used.size() - 2;
    for (size_t i = 0; i < take; ++i) count(count, max_bits - 1, int(i));
    return lengths;
}

uint32_t reverse_bits(uint32_t code, int length) {
    uint32_t r = 0;
    for (int i = 0; i < length; ++i, code >>= 1) r = (r << 1) | (code & 1);
    return r;
}

// §3.2.2: the canonical code for the given lengths, bit-reversed for BitWriter::put.
std::vector<uint16_t> canonical_codes(const std::vector<uint8_t>& lengths) {
    std::array<int, kMaxCodeBits + 1> count{};
    for (uint8_t l : lengths) ++count[l];
    count[0] = 0;
    std::array<uint32_t, kMaxCodeBits + 2> next{};
    uint32_t code = 0;
    for (int bits = 1; bits <= kMaxCodeBits; ++bits) {
        code = (code + uint32_t(count[size_t(bits) - 1])) << 1;
        next[size_t(bits)] = code;
    }
    std::vector<uint16_t> codes(lengths.size(), 0);
    for (size_t s = 0; s < lengths.size(); ++s)
        if (lengths[s]) codes[s] = uint16_t(reverse_bits(next[lengths[s]]++, lengths[s]));
    return codes;
}

struct HuffmanCode {
    std::vector<uint8_t> lengths;
    std::vector<uint16_t> codes;
    explicit HuffmanCode(std::vector<uint8_t> l) : lengths(std::move(l)), codes(canonical_codes(lengths)) {}
    void write(BitWriter& w, int symbol) const { w.put(codes[size_t(symbol)], lengths[size_t(symbol)]); }
};

// ---------------------------------------------------------------- LZ77 (§4)

// One LZ77 output: a literal byte (distance 0) or a match of `length` bytes `distance` back.
struct Symbol {
    uint16_t length_or_literal;
    uint16_t distance;
};

int length_index(int length) {   // 0..28: length code 257 + index
    return int(std::upper_bound(std::begin(kLengthBase), std::end(kLengthBase), length) - std::begin(kLengthBase)) - 1;
}
int distance_code(int distance) {   // 0..29
    return int(std::upper_bound(std::begin(kDistBase), std::end(kDistBase), distance) - std::begin(kDistBase)) - 1;
}

// zlib's level 9: search up to 4096 earlier positions, stop at a 258-byte match, search
// less hard when the previous match is already good, and drop 3-byte matches that lie so
// far back that their distance code costs more than three literals.
constexpr int kMaxChain = 4096;
constexpr int kNiceLength = 258;
constexpr int kGoodLength = 32;
constexpr int kMaxLazy = 258;
constexpr int kTooFar = 4096;
constexpr int kHashBits = 15;

class MatchFinder {
public:
    explicit MatchFinder(std::string_view data) : data_(data), head_(size_t(1) << kHashBits, -1), prev_(data.size(), -1) {}

    // Makes `pos` findable by later positions (a hash chain of 3-byte prefixes, newest first).
    void insert(size_t pos) {
        if (pos + kMinMatch > data_.size()) return;
        const uint32_t h = hash(pos);
        prev_[pos] = head_[h];
        head_[h] = int32_t(pos);
    }

    // The longest earlier match for the bytes at `pos` (call before insert(pos)).
    // `previous_length` is the match just found one byte earlier (lazy matching).
    Symbol longest(size_t pos, int previous_length) const {
        if (pos + kMinMatch > data_.size() || previous_length >= kMaxLazy) return {0, 0};
        const int max_length = int(std::min<size_t>(kMaxMatch, data_.size() - pos));
        int chain = previous_length >= kGoodLength ? kMaxChain / 4 : kMaxChain;
        int best = kMinMatch - 1, best_distance = 0;
        const char* here = data_.data() + pos;
        for (int32_t cand = head_[hash(pos)]; cand >= 0 && chain-- > 0; cand = prev_[size_t(cand)]) {
            const size_t distance = pos - size_t(cand);
            if (distance > size_t(kWindowSize)) break;   // chains only grow older
            const char* there = data_.data() + cand;
            if (there[best] != here[best] || there[0] != here[0]) continue;   // cannot beat `best`
            int length = 0;
            while (length < max_length && there[length] == here[length]) ++length;
            if (length > best) {
                best = length;
                best_distance = int(distance);
                if (length >= kNiceLength || length == max_length) break;
            }
        }
        if (best < kMinMatch || (best == kMinMatch && best_distance > kTooFar)) return {0, 0};
        return {uint16_t(best), uint16_t(best_distance)};
    }

private:
    uint32_t hash(size_t pos) const {
        const auto b = [&](size_t i) { return uint32_t(uint8_t(data_[pos + i])); };
        return ((b(0) | b(1) << 8 | b(2) << 16) * 2654435761u) >> (32 - kHashBits);
    }
    std::string_view data_;
    std::vector<int32_t> head_;   // hash -> newest position, -1 for none
    std::vector<int32_t> prev_;   // position -> the previous position with the same hash
};

// Lazy matching (as zlib's deflate_slow): a match is only taken if the match starting one
// byte later is not longer; otherwise that byte goes out as a literal and the later match
// becomes the candidate.
std::vector<Symbol> lz77(std::string_view data) {
    std::vector<Symbol> out;
    MatchFinder finder(data);
    const auto literal = [&](size_t pos) { out.push_back({uint8_t(data[pos]), 0}); };
    Symbol pending{0, 0};   // the candidate found at pos - 1
    bool has_pending = false;
    size_t pos = 0;
    while (pos < data.size()) {
        const Symbol here = finder.longest(pos, has_pending ? pending.length_or_literal : 0);
        finder.insert(pos);
        if (has_pending && pending.distance != 0 && here.length_or_literal <= pending.length_or_literal) {
            out.push_back(pending);
            const size_t end = pos - 1 + pending.length_or_literal;
            for (size_t p = pos + 1; p < end; ++p) finder.insert(p);
            pos = end;
            has_pending = false;
            continue;
        }
        if (has_pending) literal(pos - 1);
        pending = here;
        has_pending = true;
        ++pos;
    }
    // The last byte's candidate: a match there would need three bytes, so it is a literal.
    if (has_pending) literal(data.size() - 1);
    return out;
}

// ---------------------------------------------------------------- blocks (§3.2.3 .. §3.2.7)

// Blocks this long let the codes follow changes in the data (zlib uses the same size).
constexpr size_t kBlockSymbols = 16384;

struct Frequencies {
    std::vector<uint32_t> litlen = std::vector<uint32_t>(kLitLenCodes, 0);
    std::vector<uint32_t> dist = std::vector<uint32_t>(kDistCodes, 0);
};

Frequencies count_symbols(const Symbol* syms, size_t n) {
    Frequencies f;
    for (size_t i = 0; i < n; ++i) {
        if (syms[i].distance == 0) {
            ++f.litlen[syms[i].length_or_literal];
        } else {
            ++f.litlen[size_t(257 + length_index(syms[i].length_or_literal))];
            ++f.dist[size_t(distance_code(syms[i].distance))];
        }
    }
    f.litlen[kEndOfBlock] = 1;
    return f;
}

// Bits the block's symbols (with end-of-block) take with these codes.
uint64_t data_bits(const Frequencies& f, const std::vector<uint8_t>& litlen, const std::vector<uint8_t>& dist) {
    uint64_t bits = 0;
    for (size_t s = 0; s < f.litlen.size(); ++s)
        bits += uint64_t(f.litlen[s]) * (litlen[s] + (s >= 257 ? kLengthExtra[s - 257] : 0));
    for (size_t d = 0; d < f.dist.size(); ++d) bits += uint64_t(f.dist[d]) * (dist[d] + kDistExtra[d]);
    return bits;
}

void write_symbols(BitWriter& w, const Symbol* syms, size_t n, const HuffmanCode& litlen, const HuffmanCode& dist) {
    for (size_t i = 0; i < n; ++i) {
        const Symbol& s = syms[i];
        if (s.distance == 0) {
            litlen.write(w, s.length_or_literal);
            continue;
        }
        const int li = length_index(s.length_or_literal);
        litlen.write(w, 257 + li);
        w.put(uint32_t(s.length_or_literal - kLengthBase[li]), kLengthExtra[li]);
        const int dc = distance_code(s.distance);
        dist.write(w, dc);
        w.put(uint32_t(s.distance - kDistBase[dc]), kDistExtra[dc]);
    }
    litlen.write(w, kEndOfBlock);
}

// §3.2.7: the code lengths of a dynamic block, run-length coded with 16 (repeat the previous
// length 3..6 times), 17 (3..10 zeros) and 18 (11..138 zeros). The literal/length and
// distance lengths form one sequence, so a run may cross from one into the other.
struct CodeLengthOp {
    uint8_t code;
    uint8_t extra;   // the repeat count's extra bits (2, 3 or 7 of them for 16, 17, 18)
};

std::vector<CodeLengthOp> run_length_code(const std::vector<uint8_t>& lengths) {
    std::vector<CodeLengthOp> ops;
    for (size_t i = 0; i < lengths.size();) {
        const uint8_t v = lengths[i];
        size_t run = 1;
        while (i + run < lengths.size() && lengths[i + run] == v) ++run;
        i += run;
        if (v == 0) {
            while (run >= 11) {
                const size_t n = std::min<size_t>(run, 138);
                ops.push_back({18, uint8_t(n - 11)});
                run -= n;
            }
            if (run >= 3) {
                ops.push_back({17, uint8_t(run - 3)});
                run = 0;
            }
        } else {
            ops.push_back({v, 0});
            --run;
            while (run >= 3) {
                const size_t n = std::min<size_t>(run, 6);
                ops.push_back({16, uint8_t(n - 3)});
                run -= n;
            }
        }
        for (; run > 0; --run) ops.push_back({v, 0});
    }
    return ops;
}

int extra_bits_of(uint8_t code) { return code == 16 ? 2 : code == 17 ? 3 : code == 18 ? 7 : 0; }

// A dynamic block's header, ready to write and to cost.
struct DynamicHeader {
    int hlit = 0, hdist = 0, hclen = 0;   // counts, not yet minus 257 / 1 / 4
    std::vector<CodeLengthOp> ops;
    std::vector<uint8_t> cl_lengths;
    uint64_t bits = 0;
};

DynamicHeader dynamic_header(const std::vector<uint8_t>& litlen, const std::vector<uint8_t>& dist) {
    DynamicHeader h;
    h.hlit = kLitLenCodes;
    while (h.hlit > 257 && litlen[size_t(h.hlit) - 1] == 0) --h.hlit;
    h.hdist = kDistCodes;
    while (h.hdist > 1 && dist[size_t(h.hdist) - 1] == 0) --h.hdist;
    std::vector<uint8_t> all(litlen.begin(), litlen.begin() + h.hlit);
    all.insert(all.end(), dist.begin(), dist.begin() + h.hdist);
    h.ops = run_length_code(all);
    std::vector<uint32_t> cl_freq(kCodeLengthCodes, 0);
    for (const auto& op : h.ops) ++cl_freq[op.code];
    h.cl_lengths = limited_code_lengths(cl_freq, kMaxCodeLengthBits);
    h.hclen = kCodeLengthCodes;
    while (h.hclen > 4 && h.cl_lengths[kCodeLengthOrder[h.hclen - 1]] == 0) --h.hclen;
    h.bits = 5 + 5 + 4 + 3 * uint64_t(h.hclen);
    for (const auto& op : h.ops) h.bits += h.cl_lengths[op.code] + uint64_t(extra_bits_of(op.code));
    return h;
}

void write_dynamic_header(BitWriter& w, const DynamicHeader& h) {
    w.put(uint32_t(h.hlit - 257), 5);
    w.put(uint32_t(h.hdist - 1), 5);
    w.put(uint32_t(h.hclen - 4), 4);
    for (int i = 0; i < h.hclen; ++i) w.put(h.cl_lengths[kCodeLengthOrder[i]], 3);
    const HuffmanCode cl(h.cl_lengths);
    for (const auto& op : h.ops) {
        cl.write(w, op.code);
        w.put(op.extra, extra_bits_of(op.code));
    }
}

const HuffmanCode& fixed_litlen() {
    static const HuffmanCode code = [] {
        std::vector<uint8_t> l(288);
        for (int s = 0; s < 288; ++s) l[size_t(s)] = uint8_t(fixed_litlen_length(s));
        return HuffmanCode(l);
    }();
    return code;
}
const HuffmanCode& fixed_dist() {
    static const HuffmanCode code(std::vector<uint8_t>(kDistCodes, kFixedDistLength));
    return code;
}

// §3.2.4: stored blocks hold at most 65535 bytes, so long raw runs take several.
void write_stored(BitWriter& w, std::string_view raw, bool final) {
    do {
        const size_t n = std::min<size_t>(raw.size(), kMaxStoredLength);
        const bool last = n == raw.size();
        w.put(final && last ? 1 : 0, 1);
        w.put(0, 2);
        w.align();
        w.put(uint32_t(n), 16);
        w.put(uint32_t(~n & 0xFFFF), 16);
        w.append_aligned(raw.substr(0, n));
        raw.remove_prefix(n);
    } while (!raw.empty());
}

uint64_t stored_bits(size_t raw_size, int bits_pending) {
    const uint64_t blocks = std::max<uint64_t>(1, (raw_size + kMaxStoredLength - 1) / kMaxStoredLength);
    const uint64_t first_padding = uint64_t(8 - (bits_pending + 3) % 8) % 8;
    return blocks * (3 + 32) + first_padding + 8 * uint64_t(raw_size);   // later blocks' padding ignored
}

// One block of `n` symbols covering `raw`, in whichever block type is smallest (§3.2.3).
void write_block(BitWriter& w, const Symbol* syms, size_t n, std::string_view raw, bool final) {
    const Frequencies f = count_symbols(syms, n);
    const std::vector<uint8_t> litlen = limited_code_lengths(f.litlen, kMaxCodeBits);
    const std::vector<uint8_t> dist = limited_code_lengths(f.dist, kMaxCodeBits);
    const DynamicHeader header = dynamic_header(litlen, dist);
    const uint64_t dynamic_cost = 3 + header.bits + data_bits(f, litlen, dist);
    const uint64_t fixed_cost = 3 + data_bits(f, fixed_litlen().lengths, fixed_dist().lengths);
    const uint64_t stored_cost = stored_bits(raw.size(), w.bits_pending());

    if (stored_cost < dynamic_cost && stored_cost < fixed_cost) {
        write_stored(w, raw, final);
    } else if (fixed_cost <= dynamic_cost) {
        w.put(final ? 1 : 0, 1);
        w.put(1, 2);
        write_symbols(w, syms, n, fixed_litlen(), fixed_dist());
    } else {
        w.put(final ? 1 : 0, 1);
        w.put(2, 2);
        write_dynamic_header(w, header);
        write_symbols(w, syms, n, HuffmanCode(litlen), HuffmanCode(dist));
    }
}

}  // namespace

std::string deflate_raw(std::string_view data) {
    const std::vector<Symbol> syms = lz77(data);
    BitWriter w;
    size_t byte = 0;   // where the next block's bytes start in `data`
    size_t i = 0;
    do {
        const size_t n = std::min(kBlockSymbols, syms.size() - i);
        size_t bytes = 0;
        for (size_t k = i; k < i + n; ++k) bytes += syms[k].distance == 0 ? 1 : syms[k].length_or_literal;
        write_block(w, syms.data() + i, n, data.substr(byte, bytes), i + n == syms.size());
        i += n;
        byte += bytes;
    } while (i < syms.size());
    return w.finish();
}

}  // namespace herreg
