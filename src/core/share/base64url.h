// base64url (RFC 4648 §5) without padding: bytes as the characters A-Z a-z 0-9 - _, which
// need no escaping anywhere in an address. Used by share links (share_link.h).
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace herreg {

std::string base64url_encode(std::string_view bytes);

struct Base64Problem {
    enum Kind {
        bad_character,    // outside the alphabet ('=' padding included)
        bad_length,       // 4k+1 characters: no encoder writes that
        loose_bits,       // the last character sets bits that carry no data
    } kind = bad_character;
    size_t position = 0;  // 0-based index of the offending character
};

// The bytes, or nullopt with `problem` filled in. Only the canonical form is accepted, so a
// changed last character never decodes to the same bytes.
std::optional<std::string> base64url_decode(std::string_view text, Base64Problem& problem);

}  // namespace herreg
