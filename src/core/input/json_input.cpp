#include "input/json_input.h"

#include "text/number_format.h"
#include "text/utf8_text.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <new>
#include <unordered_set>
#include <vector>

namespace herreg {

namespace {

// A light walk over the text's structure (nlohmann does the real parsing): where a byte lies
// (the path of keys and indexes around it, so a syntax error can name its field), how deep
// the nesting goes, and keys given twice in one object (nlohmann would silently keep the
// last; a person who wrote both meant one of them, and we cannot know which).
// It trusts the text before `stop` to be JSON, which holds for the byte nlohmann stopped at.
struct Structure {
    std::string path;        // where the walk stopped ("" at the top level)
    bool too_deep = false;
    bool too_many_values = false;   // more than kMaxJsonValues
    std::string duplicate;   // path of the first key given twice, if any
};

// A key as JSON means it: escapes undone, so that "check\u005fdate" is the check_date given
// twice. Keys without a backslash (nearly all) are taken as they are.
std::string key_text(std::string_view raw) {
    if (raw.find('\\') == std::string_view::npos) return std::string(raw);
    try {
        return Json::parse("\"" + std::string(raw) + "\"").get<std::string>();
    } catch (const std::exception&) {
        return std::string(raw);   // a bad escape: nlohmann's own parse names it
    }
}

Structure walk_structure(std::string_view text, size_t stop, int max_depth) {
    // expect_key: before a member's key; open: the member's value has begun (or is due) but not ended.
    struct Level {
        bool object = false;
        bool expect_key = false;
        bool open = false;
        std::string key;   // as JSON means it: "check\u005fdate" is check_date
        size_t index = 0;
        std::unordered_set<std::string> keys;
    };
    std::vector<Level> levels;
    Structure out;
    auto path_of = [&levels](size_t depth_limit) {
        std::string p;
        for (size_t i = 0; i < levels.size() && i < depth_limit; ++i) {
            const Level& l = levels[i];
            if (!l.open) break;   // between members: the path ends at this container
            p = l.object ? path_join(p, std::string(l.key)) : path_index(p, l.index);
        }
        return p;
    };
    size_t values = 0;
    auto value_starts = [&levels, &values] {
        ++values;
        if (!levels.empty()) levels.back().open = true;
    };
    auto value_ends = [&levels] {
        if (!levels.empty()) levels.back().open = false;
    };
    const size_t end = std::min(stop, text.size());
    size_t i = 0;
    while (i < end) {
        if (values > kMaxJsonValues) {
            out.too_many_values = true;
            if (!levels.empty() && levels[0].object) out.path = path_of(1);   // the top-level member
            return out;
        }
        const char c = text[i];
        if (c == '"') {
            const size_t start = i + 1;
            size_t j = start;
            while (j < text.size() && text[j] != '"') j += text[j] == '\\' ? 2 : 1;
            const bool is_key = !levels.empty() && levels.back().object && levels.back().expect_key;
            if (is_key) {
                if (j >= end) break;   // stopped inside a key: the error belongs to the object
                Level& l = levels.back();
                l.key = key_text(text.substr(start, std::min(j, text.size()) - start));
                l.expect_key = false;
                if (out.duplicate.empty() && !l.keys.insert(l.key).second) {
                    l.open = true;
                    out.duplicate = path_of(levels.size());
                }
                l.open = true;   // the value is due: an error before it belongs to this key
            } else {
                value_starts();
                if (j >= end) break;   // stopped inside this text
                value_ends();
            }
            i = j + 1;
            continue;
        }
        if (c == '{' || c == '[') {
            value_starts();
            levels.push_back(Level{});
            levels.back().object = c == '{';
            levels.back().expect_key = c == '{';
            levels.back().open = c == '[';   // a list's first element is due
            if (int(levels.size()) > max_depth) {
                out.too_deep = true;
                // The top-level member: the whole path would be a line of its own.
                if (levels[0].object) out.path = path_of(1);
                return out;
            }
        } else if (c == '}' || c == ']') {
            if (!levels.empty()) levels.pop_back();
            value_ends();
        } else if (c == ',') {
            if (!levels.empty()) {
                Level& l = levels.back();
                if (l.object) l.expect_key = true;
                else ++l.index;
                l.open = !l.object;
            }
        } else if (c != ':' && c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            // A number or literal: up to the next separator. memchr, not strchr: strchr finds
            // a NUL byte (its terminator) in any set, so a NUL here made j == i and the walk
            // looped for ever on a file with a stray NUL (found by tests/fuzz).
            size_t j = i;
            static constexpr char kSeparators[] = {',', ':', ']', '}', ' ', '\t', '\r', '\n'};
            while (j < text.size() && std::memchr(kSeparators, text[j], sizeof kSeparators) == nullptr) ++j;
            value_starts();
            if (j >= end) break;
            value_ends();
            i = j;
            continue;
        }
        ++i;
    }
    out.path = path_of(levels.size());
    return out;
}

// Is c one of the characters of `set`? strchr alone says yes for a NUL byte (it finds the
// terminator), and a NUL is exactly what a binary file starts with.
bool one_of(const char* set, char c) { return c != '\0' && std::strchr(set, c) != nullptr; }

// What a file that is not UTF-8 JSON text looks like, instead of a syntax error at byte 1.
std::optional<Message> not_json_text(std::string_view text) {
    const auto byte = [&text](size_t i) { return i < text.size() ? static_cast<unsigned char>(text[i]) : 0u; };
    if ((byte(0) == 0xFF && byte(1) == 0xFE) || (byte(0) == 0xFE && byte(1) == 0xFF) ||
        (text.size() >= 2 && (byte(0) == 0) != (byte(1) == 0)))
        return Message{"json.utf16"};
    const size_t first = text.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && !one_of("{[\"-0123456789tfn", text[first])) {
        // Control bytes (other than tabs and line breaks) near the start: binary data.
        for (size_t i = 0; i < text.size() && i < 512; ++i) {
            const unsigned char b = byte(i);
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') return Message{"json.binary"};
        }
    }
    return std::nullopt;
}

// The reason for a syntax error, in words a person can act on.
Message syntax_problem(std::string_view text, size_t at, bool at_end, const std::string& where,
                       const std::string& nlohmann_text) {
    const std::string_view rest = text.substr(std::min(at, text.size()));
    auto starts = [&rest](std::string_view s) { return rest.substr(0, s.size()) == s; };
    if (starts("NaN") || starts("Infinity") || starts("-Infinity") || starts("-NaN"))
        return Message{"json.syntax.nan"};
    if (nlohmann_text.find("ill-formed UTF-8") != std::string::npos)
        return Message{"json.syntax.not_utf8"};
    if (at_end)
        return where.empty() ? Message{"json.syntax.cut_off"} : Message{"json.syntax.cut_off_in", {where}};
    if (starts("\xEF\xBB\xBF")) return Message{"json.syntax.bom"};
    if (starts("'")) return Message{"json.syntax.single_quotes"};
    if (nlohmann_text.find("surrogate") != std::string::npos)
        return Message{"json.syntax.half_character"};
    if (const auto pos = nlohmann_text.find("control character "); pos != std::string::npos) {
        const size_t code = pos + 18;
        return Message{"json.syntax.control_character", {nlohmann_text.substr(code, nlohmann_text.find(" must", code) - code)}};
    }
    if (nlohmann_text.find("expected end of input") != std::string::npos)
        return Message{"json.syntax.two_documents"};
    const size_t before = at == 0 ? std::string_view::npos : text.find_last_not_of(" \t\r\n", at - 1);
    if ((starts("}") || starts("]")) && before != std::string_view::npos && text[before] == ',')
        return Message{"json.syntax.trailing_comma"};
    // Where a comma or a closing bracket was due, a value came: a comma is missing.
    if (!rest.empty() && one_of("\"-0123456789tfn{[", rest[0]) &&
        (nlohmann_text.find("; expected '}'") != std::string::npos || nlohmann_text.find("; expected ']'") != std::string::npos))
        return Message{"json.syntax.missing_comma"};
    if (nlohmann_text.find("invalid literal") != std::string::npos)
        return Message{"json.syntax.unknown_word"};
    // Otherwise nlohmann's own words, without the bytes it last read (they may not even be UTF-8).
    // They are English only; the Dutch wording says in general what they mean.
    const auto pos = nlohmann_text.find("error while parsing");
    std::string why = pos != std::string::npos ? nlohmann_text.substr(pos) : "syntax error";
    if (const auto lr = why.find("; last read: '"); lr != std::string::npos) {
        const auto expected = why.find("'; expected", lr);
        why = why.substr(0, lr) + (expected == std::string::npos ? "" : why.substr(expected + 1));
    }
    return Message{"json.syntax.other", {why}};
}

void line_and_column(std::string_view text, size_t byte, size_t& line, size_t& col) {
    line = 1;
    col = 1;
    for (size_t i = 0; i < byte && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            col = 1;
        } else {
            ++col;
        }
    }
}

// See JsonUnwindRoom (json_input.h). Per thread: batch reads on several.
thread_local void* t_unwind_room = nullptr;

void give_back_unwind_room() {
    if (t_unwind_room) {
        std::free(t_unwind_room);
        t_unwind_room = nullptr;
    }
    throw std::bad_alloc();   // what operator new does without a handler
}

}  // namespace

JsonUnwindRoom::JsonUnwindRoom(std::string_view text) {
    if (t_unwind_room) return;   // an outer one holds room already
    std::set_new_handler(give_back_unwind_room);
    // At most one value per two bytes of text, and at most kMaxJsonValues; the stack grows by
    // doubling, so its old and new buffers live side by side: three values' worth each.
    const size_t values = std::min(text.size() / 2 + 1, kMaxJsonValues);
    t_unwind_room = std::malloc(3 * values * sizeof(Json) + 65536);
    // No room for taking it apart: no room for building it either.
    if (!t_unwind_room) throw std::bad_alloc();
    owner_ = true;
}

JsonUnwindRoom::~JsonUnwindRoom() {
    if (!owner_) return;
    std::free(t_unwind_room);
    t_unwind_room = nullptr;
}

Json parse_json_document(std::string_view text, const std::string& what, int max_depth) {
    size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) throw InputError(what, Message{"json.empty_file"});
    if (std::optional<Message> why = not_json_text(text)) throw InputError(what, std::move(*why));
    const Structure shape = walk_structure(text, text.size(), max_depth);
    if (shape.too_deep)
        throw InputError(shape.path.empty() ? what : shape.path, Message{"json.too_deep", {std::to_string(max_depth)}});
    if (shape.too_many_values)
        throw InputError(shape.path.empty() ? what : shape.path, Message{"json.too_many_values", {std::to_string(kMaxJsonValues)}});
    Json doc;
    try {
        const JsonUnwindRoom room(text);
        doc = Json::parse(text.begin(), text.end());
    } catch (const std::bad_alloc&) {
        throw InputError(what, Message{"json.out_of_memory"});
    } catch (const Json::parse_error& e) {
        const std::string detail = e.what();
        // nlohmann counts the bytes it read, the bad one included. When it read them all, the
        // problem is what is missing, so it lies at the end.
        const bool at_end = e.byte > text.size() || detail.find("unexpected end of input") != std::string::npos;
        const size_t at = at_end ? text.size() : (e.byte > 0 ? e.byte - 1 : 0);
        size_t line = 0, col = 0;
        line_and_column(text, at, line, col);
        // The field where it went wrong; a file cut off is wrong as a whole, the field only tells where.
        const std::string where = walk_structure(text, at, max_depth).path;
        const std::string field = at_end || where.empty() ? what : where;
        throw InputError(field, Message{"json.syntax", {std::to_string(line), std::to_string(col),
                                                        syntax_problem(text, at, at_end, where, detail)}});
    } catch (const Json::out_of_range& e) {
        // A number beyond a double (1e400): nlohmann names only the number; find it for its field.
        const std::string detail = e.what();
        const size_t q = detail.find('\'');
        const std::string number = q == std::string::npos ? "" : detail.substr(q + 1, detail.find('\'', q + 1) - q - 1);
        const size_t at = number.empty() ? std::string_view::npos : text.find(number);
        const std::string field = at == std::string_view::npos ? "" : walk_structure(text, at, max_depth).path;
        throw InputError(field.empty() ? what : field, Message{"json.number_too_large", {number.empty() ? detail : number}});
    }
    if (!shape.duplicate.empty()) throw InputError(shape.duplicate, Message{"json.duplicate_key"});
    return doc;
}

std::string path_join(const std::string& base, const std::string& key) {
    return base.empty() ? key : base + "." + key;
}

std::string path_index(const std::string& base, size_t i) { return base + "[" + std::to_string(i) + "]"; }

std::string quote_value(const Json& v) {
    std::string s = v.dump(-1, ' ', false, Json::error_handler_t::replace);
    if (s.size() > 40) s = s.substr(0, utf8_floor_boundary(s, 37)) + "...";   // whole characters
    return s;
}

// The kind of value, as "got ..." names it: a message, so each language has its own word.
Message json_type_name(const Json& v) {
    if (v.is_null()) return Message{"json.type.null"};
    if (v.is_boolean()) return Message{"json.type.bool"};
    if (v.is_number()) return Message{"json.type.number"};
    if (v.is_string()) return Message{"json.type.text"};
    if (v.is_array()) return Message{"json.type.list"};
    return Message{"json.type.object"};
}

void require_object(const Json& v, const std::string& path) {
    if (!v.is_object()) throw InputError(path.empty() ? "document" : path, Message{"json.expected_object", {json_type_name(v)}});
}

void require_array(const Json& v, const std::string& path) {
    if (!v.is_array()) throw InputError(path, Message{"json.expected_list", {json_type_name(v)}});
}

const Json* find_member(const Json& obj, const char* key) {
    auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
}

std::optional<std::string> get_optional_string(const Json& obj, const char* key, const std::string& path) {
    const Json* v = find_member(obj, key);
    if (!v || v->is_null()) return std::nullopt;
    if (!v->is_string()) throw InputError(path_join(path, key), Message{"json.expected_text", {json_type_name(*v)}});
    return v->get<std::string>();
}

std::string get_string(const Json& obj, const char* key, const std::string& path) {
    auto s = get_optional_string(obj, key, path);
    if (!s) throw InputError(path_join(path, key), Message{"json.missing"});
    return *s;
}

Date as_date(const Json& v, const std::string& path) {
    if (!v.is_string()) throw InputError(path, Message{"json.expected_date", {json_type_name(v)}});
    auto d = parse_date(v.get_ref<const std::string&>());
    if (!d) throw InputError(path, Message{"json.not_a_date", {quote_value(v)}});
    return *d;
}

std::optional<Date> get_optional_date(const Json& obj, const char* key, const std::string& path) {
    const Json* v = find_member(obj, key);
    if (!v || v->is_null()) return std::nullopt;
    return as_date(*v, path_join(path, key));
}

Date get_date(const Json& obj, const char* key, const std::string& path) {
    auto d = get_optional_date(obj, key, path);
    if (!d) throw InputError(path_join(path, key), Message{"json.missing"});
    return *d;
}

bool get_bool(const Json& obj, const char* key, const std::string& path, bool fallback) {
    const Json* v = find_member(obj, key);
    if (!v || v->is_null()) return fallback;
    if (!v->is_boolean()) throw InputError(path_join(path, key), Message{"json.expected_bool", {json_type_name(*v)}});
    return v->get<bool>();
}

double as_number(const Json& v, const std::string& path, double min, double max) {
    if (!v.is_number()) throw InputError(path, Message{"json.expected_number", {json_type_name(v), quote_value(v)}});
    const double x = v.get<double>();
    if (!std::isfinite(x)) throw InputError(path, Message{"json.not_finite"});
    if (x < min) throw InputError(path, Message{"json.too_small", {plain_number(min), plain_number(x)}});
    if (x > max) throw InputError(path, Message{"json.too_large", {plain_number(max), plain_number(x)}});
    return x;
}

std::optional<double> get_optional_number(const Json& obj, const char* key, const std::string& path, double min,
                                          double max) {
    const Json* v = find_member(obj, key);
    if (!v || v->is_null()) return std::nullopt;
    return as_number(*v, path_join(path, key), min, max);
}

double get_number(const Json& obj, const char* key, const std::string& path, double min, double max) {
    auto x = get_optional_number(obj, key, path, min, max);
    if (!x) throw InputError(path_join(path, key), Message{"json.missing"});
    return *x;
}

}  // namespace herreg
