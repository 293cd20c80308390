#include "json_input.h"

#include <cmath>
#include <sstream>

namespace herreg {

namespace {

// Nesting depth outside strings; stops counting as soon as the limit is passed.
bool nesting_exceeds(std::string_view text, int max_depth) {
    int depth = 0;
    bool in_string = false, escaped = false;
    for (char c : text) {
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') in_string = true;
        else if (c == '[' || c == '{') {
            if (++depth > max_depth) return true;
        } else if (c == ']' || c == '}') --depth;
    }
    return false;
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

}  // namespace

Json parse_json_document(std::string_view text, const std::string& what, int max_depth) {
    size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) throw InputError(what, "the file is empty");
    if (nesting_exceeds(text, max_depth))
        throw InputError(what, "nested more than " + std::to_string(max_depth) + " levels deep");
    try {
        return Json::parse(text.begin(), text.end());
    } catch (const Json::parse_error& e) {
        size_t line = 0, col = 0;
        line_and_column(text, e.byte > 0 ? e.byte - 1 : 0, line, col);
        std::string detail = e.what();
        // nlohmann's text is "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ...";
        // keep only the part after the last ": " that explains the problem.
        const auto pos = detail.find("error while parsing");
        std::string why = pos != std::string::npos ? detail.substr(pos) : "syntax error";
        throw InputError(what, "not valid JSON at line " + std::to_string(line) + ", column " +
                                   std::to_string(col) + " (" + why + ")");
    }
}

std::string path_join(const std::string& base, const std::string& key) {
    return base.empty() ? key : base + "." + key;
}

std::string path_index(const std::string& base, size_t i) { return base + "[" + std::to_string(i) + "]"; }

std::string quote_value(const Json& v) {
    std::string s = v.dump(-1, ' ', false, Json::error_handler_t::replace);
    if (s.size() > 40) s = s.substr(0, 37) + "...";
    return s;
}

static const char* type_name(const Json& v) {
    if (v.is_null()) return "null";
    if (v.is_boolean()) return "true/false";
    if (v.is_number()) return "a number";
    if (v.is_string()) return "text";
    if (v.is_array()) return "a list";
    return "an object";
}

void require_object(const Json& v, const std::string& path) {
    if (!v.is_object()) throw InputError(path.empty() ? "document" : path, std::string("expected an object, got ") + type_name(v));
}

void require_array(const Json& v, const std::string& path) {
    if (!v.is_array()) throw InputError(path, std::string("expected a list, got ") + type_name(v));
}

const Json* find_member(const Json& obj, const char* key) {
    auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
}

std::optional<std::string> get_optional_string(const Json& obj, const char* key, const std::string& path) {
    const Json* v = find_member(obj, key);
    if (!v || v->is_null()) return std::nullopt;
    if (!v->is_string()) throw InputError(path_join(path, key), std::string("expected text, got ") + type_name(*v));
    return v->get<std::string>();
}

std::string get_string(const Json& obj, const char* key, const std::string& path) {
    auto s = get_optional_string(obj, key, path);
    if (!s) throw InputError(path_join(path, key), "missing");
    return *s;
}

Date as_date(const Json& v, const std::string& path) {
    if (!v.is_string()) throw InputError(path, std::string("expected a date (YYYY-MM-DD), got ") + type_name(v));
    auto d = parse_date(v.get_ref<const std::string&>());
    if (!d) throw InputError(path, "not a date: " + quote_value(v));
    return *d;
}

std::optional<Date> get_optional_date(const Json& obj, const char* key, const std::string& path) {
    const Json* v = find_member(obj, key);
    if (!v || v->is_null()) return std::nullopt;
    return as_date(*v, path_join(path, key));
}

Date get_date(const Json& obj, const char* key, const std::string& path) {
    auto d = get_optional_date(obj, key, path);
    if (!d) throw InputError(path_join(path, key), "missing");
    return *d;
}

bool get_bool(const Json& obj, const char* key, const std::string& path, bool fallback) {
    const Json* v = find_member(obj, key);
    if (!v || v->is_null()) return fallback;
    if (!v->is_boolean()) throw InputError(path_join(path, key), std::string("expected true or false, got ") + type_name(*v));
    return v->get<bool>();
}

static std::string plain_number(double x) {
    std::ostringstream os;
    os << x;
    return os.str();
}

double as_number(const Json& v, const std::string& path, double min, double max) {
    if (!v.is_number()) throw InputError(path, std::string("expected a number, got ") + type_name(v) + " " + quote_value(v));
    const double x = v.get<double>();
    if (!std::isfinite(x)) throw InputError(path, "not a finite number");
    if (x < min) throw InputError(path, "must be at least " + plain_number(min) + ", got " + plain_number(x));
    if (x > max) throw InputError(path, "too large (at most " + plain_number(max) + "), got " + plain_number(x));
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
    if (!x) throw InputError(path_join(path, key), "missing");
    return *x;
}

}  // namespace herreg
