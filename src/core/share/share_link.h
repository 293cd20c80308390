// Share links: a whole portfolio inside the page address, so a member can send it to the
// helpdesk (and back) without any server. The data travels in the fragment, which browsers
// never send to a server:
//
//     https://host/path/?lang=en#p=1<base64url of: CRC-32 (4 bytes) + raw DEFLATE of the JSON>
//
// The payload is a version digit ('1') and then the base64url (RFC 4648 §5, no padding) of
// these bytes:
//
//     4 bytes   CRC-32 of the portfolio's UTF-8 JSON text, most significant byte first
//               (IEEE 802.3, as zlib, gzip and PNG compute it: Python's zlib.crc32)
//     the rest  the raw DEFLATE stream (RFC 1951, deflate.h) of that JSON text
//
// The check is there because links get mangled: without it most single-character changes
// still inflate, to other text, and some of that text is a valid portfolio with another
// date or number (about 5% of them). With the check such a link is refused instead of
// silently different; the rare change that leaves the text itself alone (an unused bit after
// the last DEFLATE block) still gives the very same portfolio, which is harmless.
// Decoding gives back exactly the bytes that were encoded; callers pass the canonical text
// of write_portfolio(), so the same portfolio always gives the same link.
//
// Anything can arrive as a link (typed, mangled by a mail program, made up): decoding checks
// every step, caps the sizes, and throws InputError("share link", ...) saying what is wrong.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace herreg {

// The biggest portfolio a link may carry. A portfolio of 1,000 activities is about 0.2 MB of
// JSON, so this is ten times any real one; it bounds what a hostile link can make us
// allocate (DEFLATE expands up to ~1000x). Chrome refuses addresses over 2 MB anyway.
inline constexpr std::size_t kMaxSharedPortfolioBytes = 2u * 1024u * 1024u;

// The longest payload read: more than any 2 MB portfolio needs even stored uncompressed
// (4/3 of 2 MB plus block headers), so longer text is rejected before decoding.
inline constexpr std::size_t kMaxSharePayloadChars = 3u * 1024u * 1024u;

// The payload's first character. A newer format gets a new digit; this herreg then says
// the link is from a newer version instead of calling it damaged.
inline constexpr char kShareFormatVersion = '1';

// The payload (the part after "#p="). Throws InputError when the text is over the cap.
std::string encode_share_payload(std::string_view portfolio_json);

// The JSON text a payload holds (not checked to be a portfolio: read_portfolio does that).
// Throws InputError("share link", ...): "not a herreg link", "damaged (...)", "made by a
// newer version of herreg ...", "too large ...".
std::string decode_share_payload(std::string_view payload);

// Like decode_share_payload, but takes what a person pastes: a whole link, its fragment
// ("#p=..." or "p=..."), or the bare payload; surrounding spaces, quotes or <angle
// brackets>, later fragment parameters ("&x=..."), and line breaks inside the payload
// (mail programs wrap long links) are all fine.
std::string decode_share_link(std::string_view text);

// The link to `page_address` that opens `portfolio_json`: the page's query is kept
// (?lang=en&register=kp&accent=... matter to the app) except `portfolio` and `sample`, which
// would compete with the data, and `embed`: a link shared from inside an association's
// iframe (embed.js, ?embed=1) must open the ordinary full page. Any old fragment is replaced
// by "#p=<payload>".
std::string share_link(std::string_view page_address, std::string_view portfolio_json);

// The CRC-32 a payload carries (see the top of this file); crc32_ieee("123456789") is
// 0xCBF43926. Declared here for the tests, which build payloads by hand.
std::uint32_t crc32_ieee(std::string_view bytes);

}  // namespace herreg
