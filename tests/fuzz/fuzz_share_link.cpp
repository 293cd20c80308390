// Fuzz target: the share-link decoder and its own DEFLATE decompressor (zlib, src/core/share/deflate.cpp).
//
// A link can be typed, cut off by a mail program or made up, so any text reaches
// decode_share_link / decode_share_payload: they return the JSON text or throw InputError,
// never crash, and never allocate more than the 2 MB cap allows (a DEFLATE bomb stops at
// kMaxSharedPortfolioBytes; -rss_limit_mb in scripts/fuzz.sh catches anything bigger).
//
// The same bytes also go the other way: for any x, decoding what encode_share_payload(x)
// gives, and what share_link() gives, returns exactly x (the compressor and the
// decompressor agree on every input, not only on portfolios).
#include "share/deflate.h"
#include "fuzz_support.h"
#include "share/share_link.h"

using namespace herreg;
using namespace herreg::fuzz;

namespace {

void decode_anything(std::string_view text) {
    // The decompressor straight on the bytes too: through a payload, most mutations die in
    // base64 first, and the decompressor and its caps are what needs the fuzzing most.
    try {
        const InflateResult r = inflate_raw(text, kMaxSharedPortfolioBytes);
        if (r.data.size() > kMaxSharedPortfolioBytes) fail("inflate_raw gave more than its cap");
        if ((r.status == InflateStatus::ok) != r.problem.empty()) fail("inflate_raw: a status without a problem, or the other way");
    } catch (const std::exception& e) {
        fail(std::string("inflate_raw threw ") + typeid(e).name() + ": " + e.what());
    }
    std::string out;
    if (only_input_errors("decode_share_link", [&] { out = decode_share_link(text); }))
        if (out.size() > kMaxSharedPortfolioBytes) fail("decode_share_link gave more than the cap");
    if (only_input_errors("decode_share_payload", [&] { out = decode_share_payload(text); }))
        if (out.size() > kMaxSharedPortfolioBytes) fail("decode_share_payload gave more than the cap");
}

void round_trip(std::string_view bytes) {
    std::string payload, link;
    try {
        payload = encode_share_payload(bytes);
        link = share_link("https://example.org/herreg/?lang=en&sample=x#old", bytes);
    } catch (const std::exception& e) {
        fail(std::string("encoding ") + std::to_string(bytes.size()) + " bytes threw: " + e.what());
    }
    try {
        if (decode_share_payload(payload) != bytes) fail("decode(encode(x)) != x for " + std::to_string(bytes.size()) + " bytes");
        if (decode_share_link(link) != bytes) fail("a share_link() does not decode to its bytes");
    } catch (const InputError& e) {
        fail(std::string("an encoded payload was refused: ") + e.what());
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text = as_text(data, size);
    decode_anything(text);
    round_trip(text);
    return 0;
}
