// Messages as data: an id and its arguments, worded per language in one catalogue
// (messages.cpp), so that an error found in the core reaches a Dutch reader in Dutch without
// the UI having to recognise English text. The English wording is what the CLI prints.
#pragma once
#include "text/lang.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace herreg {

struct Message;

// A value filled into a message: text that is the same in every language (a number, a date,
// a value quoted from the file), or a message of its own, worded in the reader's language too
// (the reason inside "not valid JSON at line 3, column 7 (...)", the kind of value a field
// holds, an error put inside another one).
class MessageArg {
public:
    MessageArg(std::string text) : text_(std::move(text)) {}
    MessageArg(const char* text) : text_(text) {}
    MessageArg(Message message);
    std::string text(Lang lang) const;

private:
    std::string text_;
    std::shared_ptr<const Message> message_;   // set for a message; shared: errors are copied when thrown
};

struct Message {
    // Message{"json.missing"} needs no empty {} for the args. Explicit: a plain string is
    // never taken for a message id (InputError(field, "some English") does not compile).
    explicit Message(std::string id, std::vector<MessageArg> args = {}) : id(std::move(id)), args(std::move(args)) {}
    std::string id;                  // "share.check_mismatch", ...
    std::vector<MessageArg> args;    // filled into the wording's {} in order
};

inline MessageArg::MessageArg(Message message) : message_(std::make_shared<const Message>(std::move(message))) {}

// The message in `lang`; an id the catalogue does not know gives the id and its arguments.
std::string message_text(const Message& m, Lang lang);

// Every id in the catalogue, and its wording with the {} still in it (for the tests).
struct CatalogueEntry {
    std::string_view id, nl, en;
};
const std::vector<CatalogueEntry>& message_catalogue();

}  // namespace herreg
