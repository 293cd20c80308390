#include "share/share_link.h"

#include "share/base64url.h"
#include "share/deflate.h"
#include "input/input_error.h"
#include "text/messages.h"

#include <cstdint>
#include <cstdio>
#include <vector>

namespace herreg {

namespace {

constexpr const char* kField = "share link";

[[noreturn]] void fail(std::string id, std::vector<MessageArg> args = {}) {
    throw InputError(kField, Message{std::move(id), std::move(args)});
}

std::string megabytes(std::size_t bytes) { return std::to_string(bytes / (1024 * 1024)) + " MB"; }

// A character as a reader can see it, in any language: printable ASCII quoted, else its byte.
std::string shown(char c) {
    const auto u = uint8_t(c);
    if (u > 32 && u < 127) return std::string("'") + c + "'";
    char buf[16];
    std::snprintf(buf, sizeof buf, "0x%02X", unsigned(u));
    return buf;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// Strips what surrounds a pasted link: spaces, quotes, <angle brackets>.
std::string_view trim(std::string_view s) {
    const auto junk = [](char c) { return is_space(c) || c == '"' || c == '\'' || c == '<' || c == '>'; };
    while (!s.empty() && junk(s.front())) s.remove_prefix(1);
    while (!s.empty() && junk(s.back())) s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    for (;;) {
        const size_t at = s.find(sep);
        parts.push_back(s.substr(0, at));
        if (at == std::string_view::npos) return parts;
        s.remove_prefix(at + 1);
    }
}

constexpr size_t kCrcBytes = 4;

std::string big_endian(uint32_t v) {
    return {char(v >> 24), char((v >> 16) & 0xFF), char((v >> 8) & 0xFF), char(v & 0xFF)};
}

uint32_t read_big_endian(std::string_view four) {
    return uint32_t(uint8_t(four[0])) << 24 | uint32_t(uint8_t(four[1])) << 16 | uint32_t(uint8_t(four[2])) << 8 | uint32_t(uint8_t(four[3]));
}

}  // namespace

uint32_t crc32_ieee(std::string_view bytes) { return crc32_of(bytes); }

std::string encode_share_payload(std::string_view portfolio_json) {
    if (portfolio_json.size() > kMaxSharedPortfolioBytes)
        fail("share.portfolio_too_large", {std::to_string(portfolio_json.size()), megabytes(kMaxSharedPortfolioBytes)});
    return kShareFormatVersion + base64url_encode(big_endian(crc32_of(portfolio_json)) + deflate_raw(portfolio_json));
}

std::string decode_share_payload(std::string_view payload) {
    if (payload.empty()) fail("share.empty");
    if (payload.size() > kMaxSharePayloadChars)
        fail("share.payload_too_large", {std::to_string(payload.size()), megabytes(kMaxSharedPortfolioBytes)});
    const char version = payload[0];
    if (version > kShareFormatVersion && version <= '9')
        fail("share.newer_version", {std::string(1, version)});
    if (version != kShareFormatVersion) fail("share.not_herreg", {std::string(1, kShareFormatVersion)});

    Base64Problem bad;
    const auto bytes = base64url_decode(payload.substr(1), bad);
    if (!bytes) {
        const size_t at = bad.position + 1;   // in the payload, version digit included
        if (bad.kind == Base64Problem::bad_character)
            fail("share.bad_character", {std::to_string(at + 1), shown(payload[at])});
        fail("share.bad_ending");
    }
    if (bytes->size() < kCrcBytes) fail("share.cut_off");
    const std::string_view stored = *bytes;
    InflateResult r = inflate_raw(stored.substr(kCrcBytes), kMaxSharedPortfolioBytes);
    switch (r.status) {
    case InflateStatus::ok:
        // A change in the check itself leaves the text alone and always shows. A change in the
        // DEFLATE part that still inflates gives other text, whose CRC-32 matches the old one
        // by chance only (1 in 4 billion).
        if (crc32_of(r.data) != read_big_endian(stored.substr(0, kCrcBytes)))
            fail("share.check_mismatch");
        return std::move(r.data);
    case InflateStatus::truncated: fail("share.cut_off");
    case InflateStatus::too_large: fail("share.unpacked_too_large", {megabytes(kMaxSharedPortfolioBytes)});
    case InflateStatus::invalid: break;
    }
    fail("share.damaged_data", {r.problem});
}

std::string decode_share_link(std::string_view text) {
    text = trim(text);
    if (text.empty()) fail("share.empty");
    const size_t hash = text.find('#');
    std::string_view payload;
    bool found = false;
    // The fragment's parameters, as the app writes them: p=<payload>[&...].
    for (std::string_view part : split(hash == std::string_view::npos ? text : text.substr(hash + 1), '&')) {
        if (part.rfind("p=", 0) == 0) {
            payload = part.substr(2);
            found = true;
            break;
        }
    }
    if (!found) {
        // A bare payload has no '#', '=', '/', ':' or '?'; anything else is some other address.
        if (hash != std::string_view::npos || text.find_first_of("=/:?") != std::string_view::npos)
            fail("share.no_fragment");
        payload = text;
    }
    // A mail program that sends the link quoted-printable writes its '=' as "=3D" and ends
    // wrapped lines with a soft break '=': "#p=3D1..." is then our "#p=1...", not a payload of
    // version 3 (which was said to come from a newer herreg).
    if (payload.size() > 2 && payload.substr(0, 2) == "3D" && payload[2] >= '0' && payload[2] <= '9') payload.remove_prefix(2);
    std::string compact;   // line breaks and spaces a mail program put inside the payload
    for (size_t i = 0; i < payload.size(); ++i) {
        const char c = payload[i];
        if (c == '=' && i + 1 < payload.size() && (payload[i + 1] == '\n' || payload[i + 1] == '\r')) continue;   // soft break
        if (!is_space(c)) compact.push_back(c);
    }
    return decode_share_payload(compact);
}

std::string share_link(std::string_view page_address, std::string_view portfolio_json) {
    std::string_view page = page_address.substr(0, page_address.find('#'));
    const size_t q = page.find('?');
    std::string link(page.substr(0, q));
    if (q != std::string_view::npos) {
        std::string kept;
        for (std::string_view param : split(page.substr(q + 1), '&')) {
            const std::string_view name = param.substr(0, param.find('='));
            // portfolio and sample would compete with the data; embed=1 belongs to embed.js'
            // iframe, and a shared link opens the ordinary page.
            if (param.empty() || name == "portfolio" || name == "sample" || name == "embed") continue;
            kept += kept.empty() ? "?" : "&";
            kept += param;
        }
        link += kept;
    }
    return link + "#p=" + encode_share_payload(portfolio_json);
}

}  // namespace herreg
