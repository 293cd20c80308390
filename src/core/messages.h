// Messages as data: an id and its arguments, worded per language in one catalogue
// (messages.cpp), so that an error found in the core reaches a Dutch reader in Dutch without
// the UI having to recognise English text. The English wording is what the CLI prints.
#pragma once
#include "lang.h"

#include <string>
#include <string_view>
#include <vector>

namespace herreg {

struct Message {
    std::string id;                  // "share.damaged_check", ...
    std::vector<std::string> args;   // filled into the wording's {} in order
};

// The message in `lang`; an id the catalogue does not know gives the id and its arguments.
std::string message_text(const Message& m, Lang lang);

// Every id in the catalogue, and its wording with the {} still in it (for the tests).
struct CatalogueEntry {
    std::string_view id, nl, en;
};
const std::vector<CatalogueEntry>& message_catalogue();

}  // namespace herreg
