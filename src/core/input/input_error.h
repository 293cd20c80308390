// The one error type the core throws for bad input. `field` is the JSON path of
// the culprit (`activities[3].date`), so every message can name what to fix.
#pragma once
#include "text/messages.h"
#include "text/utf8_text.h"

#include <stdexcept>
#include <string>

namespace herreg {

// A message is one line of plain text wherever it goes (stderr, the app's banner): what a file
// brings into it (a key, a register name) has its line breaks, other control characters and
// bidirectional overrides written as escapes (\n, \u202e), so it can neither split the line
// nor turn the text around.
inline std::string printable(const std::string& s) {
    static const char* const kHex = "0123456789abcdef";
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (const char32_t code = bidi_control_at(s, i)) {
            out += "\\u";
            for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(code >> shift) & 0xF];
            i += 2;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c < 0x20 || c == 0x7F) {
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        } else {
            out += char(c);
        }
    }
    return out;
}

// Every error is a Message from the catalogue (messages.h) under its field: what() is the
// English line the CLI prints, problem() the same problem worded in the reader's language, so
// the app never has to recognise English text.
class InputError : public std::runtime_error {
public:
    InputError(std::string field, Message message)
        : std::runtime_error(whole_line(field, message_text(message, Lang::en))),
          field_(printable(field)),
          message_(std::move(message)) {}
    const std::string& field() const { return field_; }
    const Message& message() const { return message_; }
    // The problem without its field, in `lang`.
    std::string problem(Lang lang) const { return printable(message_text(message_, lang)); }
    // The whole line as one message ("activities[3].date: not a date: ..."; the problem alone
    // without a field): for an error that goes inside another one, or under another field.
    Message line() const { return field_.empty() ? message_ : Message{"input.field_problem", {field_, message_}}; }

private:
    static std::string whole_line(const std::string& field, const std::string& problem) {
        return field.empty() ? printable(problem) : printable(field) + ": " + printable(problem);
    }

    std::string field_;
    Message message_;
};

}  // namespace herreg
