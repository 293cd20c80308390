// Share links: the DEFLATE codec, the CRC-32, base64url and the link around them. Round trips
// must be byte-exact; streams and checks from zlib must decode; every kind of damage must end
// in InputError, and no damaged link may give a different portfolio.
#include "share/base64url.h"
#include "share/deflate.h"
#include "share/share_link.h"
#include "test_support.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>

using namespace herreg;
using namespace herreg::test;
namespace fs = std::filesystem;

namespace {

// What decoding `payload` throws ("share link: damaged (...)"), "(no error)" when it gives
// text. Anything but InputError escapes and fails the test.
std::string payload_error(std::string_view payload) {
    try {
        decode_share_payload(payload);
    } catch (const InputError& e) {
        CHECK(e.field() == "share link");
        return e.what();
    }
    return "(no error)";
}

std::string link_error(std::string_view text) {
    try {
        decode_share_link(text);
    } catch (const InputError& e) {
        return e.what();
    }
    return "(no error)";
}

bool contains(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }

std::string big_endian(uint32_t v) { return {char(v >> 24), char((v >> 16) & 0xFF), char((v >> 8) & 0xFF), char(v & 0xFF)}; }

// A payload by hand: the check `crc` and then `stream` (share_link.h has the layout).
std::string payload_with(uint32_t crc, std::string_view stream) { return kShareFormatVersion + base64url_encode(big_endian(crc) + std::string(stream)); }

// The payload of `stream` with the right check for `text` (what the stream should inflate to).
std::string payload_of(std::string_view text, std::string_view stream) { return payload_with(crc32_ieee(text), stream); }

// The bytes a payload carries: the check, then the DEFLATE stream.
std::string bytes_of(std::string_view payload) {
    Base64Problem p;
    const auto bytes = base64url_decode(payload.substr(1), p);
    REQUIRE(bytes);
    return *bytes;
}

std::string stream_of(std::string_view payload) { return bytes_of(payload).substr(4); }

// Deterministic pseudo-random bytes (xorshift), the same on every platform.
std::string noise(size_t n, uint32_t seed) {
    std::string s(n, '\0');
    uint32_t x = seed;
    for (auto& c : s) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        c = char(x & 0xFF);
    }
    return s;
}

void check_round_trip(const std::string& text, const std::string& what) {
    const std::string payload = encode_share_payload(text);
    REQUIRE_MESSAGE(!payload.empty(), what);
    CHECK_MESSAGE(payload[0] == '1', what);
    CHECK_MESSAGE(payload.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", 1) == std::string::npos, what);
    CHECK_MESSAGE(decode_share_payload(payload) == text, what);
}

std::vector<fs::path> case_files() {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(HERREG_CASES_DIR))
        if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

// A DEFLATE stream written bit by bit (RFC 1951 §3.1.1), for streams no compressor writes.
struct Bits {
    std::string bytes;
    int used = 8;
    void put(uint32_t value, int count) {   // a number, least significant bit first
        for (int i = 0; i < count; ++i) {
            if (used == 8) {
                bytes.push_back('\0');
                used = 0;
            }
            bytes.back() = char(uint8_t(bytes.back()) | ((value >> i) & 1) << used);
            ++used;
        }
    }
    void code(uint32_t code, int length) {   // a Huffman code, most significant bit first
        for (int i = length - 1; i >= 0; --i) put((code >> i) & 1, 1);
    }
};

// A dynamic block header (BFINAL=1, BTYPE=2) with the given counts and code length code
// lengths, listed in the order of §3.2.7 (16, 17, 18, 0, 8, ...).
Bits dynamic_header(int hlit, int hdist, std::vector<int> cl_in_order) {
    Bits b;
    b.put(1, 1);
    b.put(2, 2);
    b.put(uint32_t(hlit - 257), 5);
    b.put(uint32_t(hdist - 1), 5);
    b.put(uint32_t(cl_in_order.size() - 4), 4);
    for (int l : cl_in_order) b.put(uint32_t(l), 3);
    return b;
}

}  // namespace

TEST_CASE("share link: every case's portfolio goes through a link byte for byte") {
    const auto files = case_files();
    REQUIRE(files.size() >= 20);
    size_t largest_json = 0, largest_link = 0;
    std::string largest_name;
    for (const auto& file : files) {
        const std::string name = file.stem().string();
        const std::string raw = read_text_file(file.string());
        check_round_trip(raw, name + " (file as it is)");
        const nlohmann::json doc = nlohmann::json::parse(raw);
        std::string canonical;
        try {
            canonical = write_portfolio(portfolio_from_json(doc.at("portfolio"), ReadMode::draft));
        } catch (const InputError&) {
            continue;   // an error case whose portfolio does not read: its file went through above
        }
        check_round_trip(canonical, name);
        const std::string link = share_link("http://127.0.0.1:8080/?lang=en", canonical);
        CHECK_MESSAGE(decode_share_link(link) == canonical, name);
        // The app reads the decoded text back to the same portfolio.
        CHECK_MESSAGE(write_portfolio(read_portfolio(decode_share_link(link), ReadMode::draft)) == canonical, name);
        if (canonical.size() > largest_json) {
            largest_json = canonical.size();
            largest_link = link.size();
            largest_name = name;
        }
    }
    // JSON compresses well: the largest case's link is well under half its JSON.
    CHECK(largest_link * 2 < largest_json);
    MESSAGE("share link: largest case " << largest_name << ": " << largest_json << " bytes of JSON, link of " << largest_link << " characters");
}

TEST_CASE("share link: edge inputs round trip (empty, one byte, repetitive, random, over 64 KB)") {
    check_round_trip("", "empty");
    check_round_trip("{", "one byte");
    check_round_trip(std::string(1, '\0'), "one zero byte");
    std::string all_bytes;
    for (int i = 0; i < 256; ++i) all_bytes.push_back(char(i));
    check_round_trip(all_bytes + all_bytes, "every byte value twice");

    const std::string repetitive(200000, 'a');
    check_round_trip(repetitive, "200,000 times 'a'");
    CHECK(encode_share_payload(repetitive).size() < 400);   // ~1000:1, DEFLATE's limit

    const std::string random = noise(100000, 12345);
    check_round_trip(random, "100,000 random bytes");
    // Incompressible data goes out as stored blocks: barely larger than base64 of the input.
    CHECK(deflate_raw(random).size() < random.size() + 100);

    // Matches at the edges of the window: distance 32768, length 258, and just out of reach.
    const std::string block = noise(300, 7);
    check_round_trip(block + noise(32768 - 300, 8) + block, "a repeat exactly 32 KB back");
    check_round_trip(block + noise(32769 - 300, 9) + block, "a repeat 1 byte beyond the window");

    // A large portfolio: 1,000 activities, well over 64 KB of JSON, over several blocks.
    Portfolio p = kp_portfolio();
    for (int i = 0; i < 1000; ++i) add_activity(p, add_days(Date{2021, 12, 1}, (i * 7) % 1820), i % 2 ? "overige" : "bij_en_nascholing", 0.5 + i % 4, i % 3 == 0);
    const std::string big = write_portfolio(p);
    REQUIRE(big.size() > 65536);
    check_round_trip(big, "1,000 activities");
    MESSAGE("share link: 1,000 activities: " << big.size() << " bytes of JSON, payload of " << encode_share_payload(big).size() << " characters");
}

TEST_CASE("share link: the check is zlib's CRC-32") {
    CHECK(crc32_ieee("") == 0u);
    CHECK(crc32_ieee("123456789") == 0xCBF43926u);   // the check value of CRC-32/ISO-HDLC
    // Python 3.11: zlib.crc32(b"a"), zlib.crc32(bytes(range(256)) * 2)
    CHECK(crc32_ieee("a") == 0xE8B7BE43u);
    std::string all_bytes;
    for (int i = 0; i < 256; ++i) all_bytes.push_back(char(i));
    CHECK(crc32_ieee(all_bytes + all_bytes) == 0x1C613576u);

    // The payload is the check of the text, most significant byte first, then the stream.
    const std::string json = write_portfolio(case_portfolio("kp-02-dispensation"));
    const std::string bytes = bytes_of(encode_share_payload(json));
    REQUIRE(bytes.size() > 4);
    CHECK(bytes.substr(0, 4) == big_endian(crc32_ieee(json)));
    const InflateResult r = inflate_raw(std::string_view(bytes).substr(4), kMaxSharedPortfolioBytes);
    CHECK(r.status == InflateStatus::ok);
    CHECK(r.data == json);
}

TEST_CASE("share link: streams written by Python's zlib decode") {
    // Streams made with Python 3.11's zlib (1.2.13), raw DEFLATE, base64url without '=':
    //   c = zlib.compressobj(9, zlib.DEFLATED, -15)         # level 0 for stored,
    //   data = c.compress(text) + c.flush()                  # compressobj(9, DEFLATED, -15, 9, zlib.Z_FIXED) for fixed
    //   base64.urlsafe_b64encode(data).rstrip(b"=").decode()
    // The two-block stream: c.compress(a) + c.flush(zlib.Z_SYNC_FLUSH) + c.compress(b) + c.flush().
    struct Known {
        const char* what;
        const char* stream;
        std::string text;
    };
    const std::string portfolio =
        "{\n  \"activities\": [\n    {\n      \"accredited\": true,\n      \"category\": \"bij_en_nascholing\",\n"
        "      \"date\": \"2022-03-01\",\n      \"kind\": null,\n      \"points\": 10.0,\n      \"provider\": \"NPi\",\n"
        "      \"title\": \"Cursus di\xC3\xABtetiek\"\n    },\n    {\n      \"accredited\": false,\n      \"category\": \"overige\",\n"
        "      \"date\": \"2023-05-12\",\n      \"kind\": null,\n      \"points\": 2.5,\n      \"provider\": \"KP\",\n"
        "      \"title\": \"Intervisie\"\n    }\n  ],\n  \"format\": \"herreg-portfolio/1\"\n}\n";
    const Known known[] = {
        {"empty (fixed block)", "AwA", ""},
        {"one byte (fixed block)", "SwQA", "a"},
        {"stored block (level 0)", "ASAA3_9IYWxsbywgd2VyZWxkISBEacOrdGlzdCDigqwxMiw1Cg", "Hallo, wereld! Di\xC3\xABtist \xE2\x82\xAC" "12,5\n"},
        {"fixed block with matches (Z_FIXED)", "y0gtKkpNV8jAQgEA", "herreg herreg herreg herreg"},
        {"dynamic block (a portfolio)",
         "jZBBbsIwEEX3OYXlNQHHFRu2XSGkin2FkBtPwhRjo_EkEkKcqMfoxWpHhWwixGYW_z99-flaCCFNzdgjI0S5Ep8pEeI63KGrCSwy2NQxdTC7N7VhaANdUi6_8HsPfu9NrA_BoW_lA7MJy4hWWpfqrVTV2B3R51nfOffIzgE954dUaq7GlEKPFigvfWxxnGBkN-y_dxS7KCz-_jAkl6MckNvsiU9jXJwWCj0QtjCpkRyWZaVf1NDz5aTFZjshsfYM1GNE-H99uruMySbQyXBmDkAEbXkOxE3667CoZHEr_gA",
         portfolio},
        {"two blocks and an empty stored block (Z_SYNC_FLUSH)", "qlZKVLJSMNRRAAAAAP__U0oC0tFABjqKrQUA", "{\"a\": 1, \"b\": [1, 1, 1, 1, 1, 1, 1]}"},
        {"overlapping copy (distance 1)", "MzA0MjYxNTO3sDTAwkocBUQDAA", "012345678901234567890123456789" + std::string(300, 'a')},
    };
    for (const auto& k : known) {
        Base64Problem p;
        const auto stream = base64url_decode(k.stream, p);
        REQUIRE_MESSAGE(stream, k.what);
        const InflateResult r = inflate_raw(*stream, kMaxSharedPortfolioBytes);
        CHECK_MESSAGE(r.status == InflateStatus::ok, k.what);
        CHECK_MESSAGE(r.data == k.text, k.what);
        // In a payload with the check in front, and ours is no bigger than zlib's for the same text.
        CHECK_MESSAGE(decode_share_payload(payload_of(k.text, *stream)) == k.text, k.what);
        CHECK_MESSAGE(deflate_raw(k.text).size() <= stream->size(), k.what);
    }

    // Whole payloads, check included, made by Python alone:
    //   "1" + base64.urlsafe_b64encode(zlib.crc32(text).to_bytes(4, "big") + data).rstrip(b"=").decode()
    // A second implementation of the format: ours must read them and write the same length.
    struct Payload {
        const char* what;
        const char* payload;
        std::string text;
    };
    const Payload whole[] = {
        {"empty", "1AAAAAAMA", ""},
        {"one byte", "16Le-Q0sEAA", "a"},
        {"123456789", "1y_Q5JjM0MjYxNTO3sAQA", "123456789"},
        {"a portfolio",
         "1japtT42QQW7CMBBF9zmF5TUBxxUbtl0hpIp9hZAbT8IUY6PxJBJCnKjH6MVqR4VsIsRmFv8_ffn5WgghTc3YIyNEuRKfKRHiOtyhqwksMtjUMXUwuze1YWgDXVIuv_B7D37vTawPwaFv5QOzCcuIVlqX6q1U1dgd0edZ3zn3yM4BPeeHVGquxpRCjxYoL31scZxgZDfsv3cUuygs_v4wJJejHJDb7IlPY1ycFgo9ELYwqZEclmWlX9TQ8-WkxWY7IbH2DNRjRPh_fbq7jMkm0MlwZg5ABG15DsRN-uuwqGRxK_4A",
         portfolio},
    };
    for (const auto& k : whole) {
        CHECK_MESSAGE(decode_share_payload(k.payload) == k.text, k.what);
        CHECK_MESSAGE(encode_share_payload(k.text).size() <= std::string_view(k.payload).size(), k.what);
    }
}

TEST_CASE("share link: a link, a fragment or a bare payload, as people paste them") {
    const std::string json = write_portfolio(case_portfolio("kp-02-dispensation"));
    const std::string payload = encode_share_payload(json);
    CHECK(share_link("https://example.org/herreg/", json) == "https://example.org/herreg/#p=" + payload);
    // The query stays, except the parameters whose data the fragment replaces; an old fragment goes.
    CHECK(share_link("https://example.org/h/?lang=en&portfolio=%7B%7D&register=kp&sample=kp-01-reregistration#p=1AwA", json) ==
          "https://example.org/h/?lang=en&register=kp#p=" + payload);
    CHECK(share_link("https://example.org/h/?sample=x&portfolio=y", json) == "https://example.org/h/#p=" + payload);
    CHECK(share_link("http://127.0.0.1:8080/?&lang=en&", json) == "http://127.0.0.1:8080/?lang=en#p=" + payload);
    CHECK(share_link("http://127.0.0.1:8080/?portfolios=1", json) == "http://127.0.0.1:8080/?portfolios=1#p=" + payload);
    // Shared from inside an association's iframe (embed.js): the link opens the ordinary page,
    // in the association's colour, language and register.
    CHECK(share_link("https://example.org/h/?embed=1&accent=%237a1f5c&lang=en&register=kp", json) ==
          "https://example.org/h/?accent=%237a1f5c&lang=en&register=kp#p=" + payload);
    CHECK(share_link("https://example.org/h/?lang=en&embed=1", json) == "https://example.org/h/?lang=en#p=" + payload);
    CHECK(share_link("https://example.org/h/?embed", json) == "https://example.org/h/#p=" + payload);
    CHECK(share_link("https://example.org/h/?embedded=1", json) == "https://example.org/h/?embedded=1#p=" + payload);

    const std::string link = "https://example.org/h/?lang=en#p=" + payload;
    for (const std::string& pasted : {link, "  " + link + "\n", "<" + link + ">", "\"" + link + "\"", "#p=" + payload, "p=" + payload,
                                      payload, link + "&step=result", "https://example.org/h/#step=2&p=" + payload,
                                      link.substr(0, 60) + "\r\n" + link.substr(60)}) {
        CHECK_MESSAGE(decode_share_link(pasted) == json, pasted);
    }
    CHECK(contains(link_error(""), "share link: not a herreg link"));
    CHECK(contains(link_error("  \n"), "share link: not a herreg link"));
    CHECK(contains(link_error("https://example.org/h/?lang=en"), "share link: not a herreg link (it has no #p= part)"));
    CHECK(contains(link_error("https://example.org/h/?portfolio=%7B%7D#step=2"), "not a herreg link"));
    CHECK(contains(link_error("hello"), "share link: not a herreg link"));
    CHECK(contains(link_error(link.substr(0, link.size() - 40)), "share link: damaged"));
}

TEST_CASE("share link: each kind of damage is an InputError that names it") {
    const std::string json = write_portfolio(case_portfolio("kp-21-reentry-group-1-application"));
    const std::string payload = encode_share_payload(json);

    SUBCASE("every prefix of a payload is refused") {
        for (size_t n = 0; n < payload.size(); ++n) {
            const std::string e = payload_error(payload.substr(0, n));
            CHECK_MESSAGE((contains(e, "share link: damaged") || (n < 2 && contains(e, "not a herreg link"))), n << ": " << e);
        }
    }
    SUBCASE("bad characters, named with their position") {
        CHECK(payload_error(payload.substr(0, 10) + "+" + payload.substr(11)) == "share link: damaged (character 11 after #p= is not allowed: '+')");
        CHECK(payload_error(payload + "==") == "share link: damaged (character " + std::to_string(payload.size() + 1) + " after #p= is not allowed: '=')");
        CHECK(contains(payload_error(payload.substr(0, 5) + "%2F" + payload.substr(5)), "after #p= is not allowed: '%'"));
        CHECK(contains(payload_error(payload.substr(0, 5) + " " + payload.substr(5)), "is not allowed: 0x20"));
        CHECK(contains(payload_error(payload.substr(0, 5) + "\xC3\xAB" + payload.substr(5)), "is not allowed: 0xC3"));
        // A last character with bits that carry nothing: "a" is 7 bytes, 10 characters, and
        // the last one's low 4 bits are unused: '16Le-Q0sEAA' is canonical, '16Le-Q0sEAB' is not.
        CHECK(payload_error("16Le-Q0sEAA") == "(no error)");
        CHECK(contains(payload_error("16Le-Q0sEAB"), "damaged (its last characters are not right"));
    }
    SUBCASE("too short for the check, or a check that does not match") {
        CHECK(payload_error("1") == "share link: damaged (it ends too early; was only part of the link copied?)");
        CHECK(payload_error("1AAAAAA") == "share link: damaged (it ends too early; was only part of the link copied?)");   // 4 bytes: no stream
        const std::string bytes = bytes_of(payload);
        for (size_t i = 0; i < 4; ++i) {   // one byte of the check changed: the text is fine, the check is not
            std::string b = bytes;
            b[i] = char(uint8_t(b[i]) ^ 0x40);
            CHECK(payload_error(kShareFormatVersion + base64url_encode(b)) ==
                  "share link: damaged (its check does not match: some characters were changed or lost)");
        }
        // A well-formed stream with another text's check (a check from an older payload).
        CHECK(contains(payload_error(payload_of("{}", deflate_raw(json))), "damaged (its check does not match"));
        CHECK(contains(payload_error(payload_with(0, deflate_raw(json))), "damaged (its check does not match"));
        CHECK(payload_error(payload_with(0, deflate_raw(""))) == "(no error)");   // the empty text's check is 0
    }
    SUBCASE("not ours, or from a newer herreg") {
        CHECK(contains(payload_error("2AwA"), "share link: made by a newer version of herreg (link format 2)"));
        CHECK(contains(payload_error("0AwA"), "share link: not a herreg link"));
        CHECK(payload_error("xAwA") == "share link: not a herreg link (its data should start with #p=1)");
    }
    SUBCASE("data after the end, too large, a zip bomb") {
        CHECK(contains(payload_error(payload_of(json, stream_of(payload) + "x")), "damaged (data after the end"));
        CHECK(contains(payload_error("1" + std::string(kMaxSharePayloadChars, 'A')), "share link: too large"));
        // 3 MB of zeros compress to about 3 KB; decoding stops at the 2 MB cap.
        const std::string zeros(3 * 1024 * 1024, '0');
        const std::string bomb = payload_of(zeros, deflate_raw(zeros));
        CHECK(bomb.size() < 5000);
        CHECK(payload_error(bomb) == "share link: too large (the portfolio would be more than 2 MB)");
        const std::string spaces(kMaxSharedPortfolioBytes, ' ');
        CHECK(payload_error(payload_of(spaces, deflate_raw(spaces))) == "(no error)");
        CHECK_THROWS_AS(encode_share_payload(std::string(kMaxSharedPortfolioBytes + 1, ' ')), InputError);
    }
    SUBCASE("hand-made streams no compressor writes") {
        // The stream is refused before the check is compared: any check will do. The words in
        // brackets are zlib's own.
        const auto err = [](const Bits& b) { return payload_error(payload_with(0, b.bytes)); };
        Bits b;
        b.put(1, 1), b.put(3, 2);   // block type 3
        CHECK(err(b) == "share link: damaged (invalid block type)");

        Bits stored;   // LEN 5 with NLEN not its complement
        stored.put(1, 1), stored.put(0, 2), stored.put(0, 5), stored.put(5, 16), stored.put(5, 16);
        CHECK(contains(err(stored), "damaged (invalid stored block lengths)"));
        Bits huge;   // a stored block declaring 65535 bytes, holding 3
        huge.put(1, 1), huge.put(0, 2), huge.put(0, 5), huge.put(65535, 16), huge.put(0, 16), huge.put(0x414141, 24);
        CHECK(contains(err(huge), "damaged (it ends too early"));

        CHECK(contains(err(dynamic_header(287, 1, {1, 1, 1, 1})), "too many length or distance symbols"));
        CHECK(contains(err(dynamic_header(257, 31, {1, 1, 1, 1})), "too many length or distance symbols"));
        CHECK(contains(err(dynamic_header(257, 1, {1, 1, 1, 1})), "invalid code lengths set"));   // over-subscribed
        CHECK(contains(err(dynamic_header(257, 1, {0, 0, 0, 1})), "invalid code lengths set"));   // incomplete

        Bits repeat_first = dynamic_header(257, 1, {1, 0, 0, 1});   // codes: 0 -> '0', 16 -> '1'
        repeat_first.code(1, 1);
        CHECK(contains(err(repeat_first), "invalid bit length repeat"));

        Bits overflow = dynamic_header(257, 1, {0, 0, 1, 1});   // codes: 0 -> '0', 18 -> '1'
        overflow.code(1, 1), overflow.put(127, 7), overflow.code(1, 1), overflow.put(127, 7);   // 2 x 138 zeros > 258
        CHECK(contains(err(overflow), "invalid bit length repeat"));

        Bits no_end = dynamic_header(257, 1, {0, 0, 1, 1});
        no_end.code(1, 1), no_end.put(127, 7), no_end.code(1, 1), no_end.put(120 - 11, 7);   // 258 zeros
        CHECK(contains(err(no_end), "invalid code -- missing end-of-block"));

        // Code length code: 0, 2, 17, 18 with two bits each (in §3.2.7 order 2 is the 16th).
        Bits incomplete = dynamic_header(257, 1, {0, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2});
        incomplete.code(1, 2);                                                // symbol 0: length 2
        incomplete.code(3, 2), incomplete.put(127, 7);                        // 138 zeros
        incomplete.code(3, 2), incomplete.put(117 - 11, 7);                   // 117 zeros: up to 255
        incomplete.code(1, 2), incomplete.code(0, 2);                         // 256: length 2; distance 0: none
        CHECK(contains(err(incomplete), "invalid literal/lengths set"));   // two 2-bit codes: half the space unused

        Bits oversubscribed = dynamic_header(257, 1, {0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});   // 1 -> '0', 18 -> '1'
        oversubscribed.code(0, 1), oversubscribed.code(0, 1);                                                   // 0, 1: length 1
        oversubscribed.code(1, 1), oversubscribed.put(127, 7), oversubscribed.code(1, 1), oversubscribed.put(116 - 11, 7);
        oversubscribed.code(0, 1), oversubscribed.code(0, 1);   // 256 and the one distance code: length 1
        CHECK(contains(err(oversubscribed), "invalid literal/lengths set"));   // three 1-bit codes

        Bits before_start;   // fixed block whose first symbol copies from distance 1
        before_start.put(1, 1), before_start.put(1, 2), before_start.code(1, 7), before_start.code(0, 5);
        CHECK(contains(err(before_start), "invalid distance too far back"));

        Bits length_286;   // fixed code 11000110: length symbol 286, which never occurs
        length_286.put(1, 1), length_286.put(1, 2), length_286.code(0xC6, 8);
        CHECK(contains(err(length_286), "invalid literal/length code"));
    }
}

TEST_CASE("share link: a changed character or bit never gives a different portfolio") {
    const std::string json = write_portfolio(case_portfolio("kp-02-dispensation"));
    const std::string payload = encode_share_payload(json);
    const std::string bytes = bytes_of(payload);
    const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    struct Count {
        size_t refused = 0, same = 0, different = 0;
        size_t total() const { return refused + same + different; }
    };
    // payload_error lets nothing but InputError through; text that does come out is either
    // the portfolio as shared (harmless) or another one (what the check is there to stop).
    const auto attempt = [&](Count& n, const std::string& p) {
        try {
            (decode_share_payload(p) == json ? n.same : n.different) += 1;
        } catch (const InputError&) {
            n.refused += 1;
        }
    };
    Count flips, substitutions;
    for (size_t bit = 0; bit < bytes.size() * 8; ++bit) {   // every single bit flipped, check included
        std::string b = bytes;
        b[bit / 8] = char(uint8_t(b[bit / 8]) ^ (1u << (bit % 8)));
        attempt(flips, kShareFormatVersion + base64url_encode(b));
    }
    for (size_t i = 1; i < payload.size(); ++i) {   // every character replaced by each of the 63 others
        for (char c : alphabet) {
            if (c == payload[i]) continue;
            std::string p = payload;
            p[i] = c;
            attempt(substitutions, p);
        }
    }
    CHECK(flips.total() == bytes.size() * 8);
    CHECK(substitutions.total() == (payload.size() - 1) * 63);
    // The CRC-32 covers the text, so the promise is about the text: no change gives another
    // portfolio. A change can still give the same text: the unused bits after the last DEFLATE
    // block (the inflater does not look at them), or another distance into a run of equal bytes
    // (indentation). Those are rare and harmless; everything else is refused.
    CHECK(flips.different == 0);
    CHECK(substitutions.different == 0);
    CHECK(flips.same * 1000 < flips.total());
    CHECK(substitutions.same * 1000 < substitutions.total());
    MESSAGE("share link: kp-02 payload of " << payload.size() << " characters; of " << flips.total() << " bit flips " << flips.refused
                                            << " refused, " << flips.same << " the same portfolio, " << flips.different << " another; of "
                                            << substitutions.total() << " character substitutions " << substitutions.refused << " refused, "
                                            << substitutions.same << " the same, " << substitutions.different << " another");
}

TEST_CASE("share link: random payloads and random checks never get past InputError") {
    size_t refused = 0;
    for (uint32_t seed = 1; seed <= 2000; ++seed) {   // random bytes (payload_error lets nothing but InputError out)
        if (payload_error(kShareFormatVersion + base64url_encode(noise(5 + seed % 300, seed))) != "(no error)") ++refused;
    }
    CHECK(refused == 2000);
    // Streams that do inflate, to random text, behind a random check: the check alone refuses them.
    size_t mismatched = 0;
    for (uint32_t seed = 1; seed <= 500; ++seed) {
        const std::string text = noise(seed % 200, seed), check = noise(4, seed + 7777);
        if (contains(payload_error(kShareFormatVersion + base64url_encode(check + deflate_raw(text))), "damaged (its check does not match")) ++mismatched;
    }
    CHECK(mismatched == 500);
}

TEST_CASE("share link: a link a mail program sent quoted-printable still opens") {
    const std::string json = write_portfolio(case_portfolio("kp-02-dispensation"));
    const std::string payload = encode_share_payload(json);
    // "=" written as "=3D", the long line wrapped with soft breaks ("=" at the end of a line).
    std::string qp = "https://x.nl/herreg/#p=3D";
    for (size_t i = 0; i < payload.size(); i += 70) qp += payload.substr(i, 70) + (i + 70 < payload.size() ? "=\r\n" : "");
    CHECK(decode_share_link(qp) == json);
    // Not taken for a link of a newer herreg.
    CHECK(decode_share_link("#p=3D" + payload) == json);
}
