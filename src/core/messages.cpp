#include "messages.h"

#include <algorithm>
#include <cctype>

namespace herreg {

Lang parse_lang(std::string_view code, Lang fallback) {
    if (code.size() < 2) return fallback;
    if (code.size() > 2 && code[2] != '-' && code[2] != '_') return fallback;
    const char a = static_cast<char>(std::tolower(static_cast<unsigned char>(code[0])));
    const char b = static_cast<char>(std::tolower(static_cast<unsigned char>(code[1])));
    if (a == 'n' && b == 'l') return Lang::nl;
    if (a == 'e' && b == 'n') return Lang::en;
    return fallback;
}

const std::vector<CatalogueEntry>& message_catalogue() {
    // Share links (share_link.cpp). A Dutch wording may leave out an English detail ({} unused).
    static const std::vector<CatalogueEntry> all = {
        {"share.portfolio_too_large", "te groot: het portfolio is {} bytes, een link bevat hoogstens {}",
         "too large: the portfolio is {} bytes, a link holds at most {}"},
        {"share.empty", "geen herreg-link (hij is leeg)", "not a herreg link (it is empty)"},
        {"share.payload_too_large", "te groot ({} tekens; een link bevat hoogstens {} aan portfolio)",
         "too large ({} characters; a link holds at most {} of portfolio)"},
        {"share.newer_version", "gemaakt door een nieuwere herreg (linkformaat {}); open hem met de huidige herreg",
         "made by a newer version of herreg (link format {}); open it with the current herreg"},
        {"share.not_herreg", "geen herreg-link (de gegevens moeten beginnen met #p={})",
         "not a herreg link (its data should start with #p={})"},
        {"share.no_fragment", "geen herreg-link (er staat geen #p= in)", "not a herreg link (it has no #p= part)"},
        {"share.bad_character", "beschadigd (teken {} na #p= hoort er niet in: {})",
         "damaged (character {} after #p= is not allowed: {})"},
        {"share.bad_ending", "beschadigd (de laatste tekens kloppen niet; is maar een deel van de link gekopieerd?)",
         "damaged (its last characters are not right; was only part of the link copied?)"},
        {"share.cut_off", "beschadigd (hij houdt te vroeg op; is maar een deel van de link gekopieerd?)",
         "damaged (it ends too early; was only part of the link copied?)"},
        {"share.check_mismatch", "beschadigd (de controle klopt niet: er zijn tekens veranderd of weggevallen)",
         "damaged (its check does not match: some characters were changed or lost)"},
        {"share.unpacked_too_large", "te groot (het portfolio zou groter worden dan {})",
         "too large (the portfolio would be more than {})"},
        {"share.damaged_data", "beschadigd (de gegevens kunnen niet worden uitgepakt)", "damaged ({})"},
    };
    return all;
}

std::string message_text(const Message& m, Lang lang) {
    const auto& all = message_catalogue();
    const auto it = std::find_if(all.begin(), all.end(), [&](const CatalogueEntry& e) { return e.id == m.id; });
    if (it == all.end()) {
        std::string out = m.id;
        for (const auto& a : m.args) out += " " + a;
        return out;
    }
    const std::string_view wording = lang == Lang::en ? it->en : it->nl;
    std::string out;
    size_t next_arg = 0;
    for (size_t i = 0; i < wording.size(); ++i) {
        if (wording[i] == '{' && i + 1 < wording.size() && wording[i + 1] == '}') {
            if (next_arg < m.args.size()) out += m.args[next_arg];
            ++next_arg;
            ++i;
        } else {
            out += wording[i];
        }
    }
    return out;
}

}  // namespace herreg
