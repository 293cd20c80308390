// Reading untrusted JSON: parse with a depth limit and a readable error, and
// typed getters that throw InputError naming the field path. Shared by the
// portfolio reader and the rules loader so both speak the same language.
#pragma once
#include "dates/civil_date.h"
#include "input/input_error.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace herreg {

using Json = nlohmann::json;

// Parses `text` as one JSON document. Throws InputError(what, ...) for empty
// input, syntax errors (with line and column), invalid UTF-8 or nesting deeper
// than `max_depth` (a hostile file must not exhaust the stack).
// It also refuses more than kMaxJsonValues values before building anything: the document in
// memory takes tens of bytes a value, so a 51 MB line of {} took 3.2 GB.
Json parse_json_document(std::string_view text, const std::string& what, int max_depth = 64);

// A portfolio with 10,000 activities and 10,000 hours entries (the most it may hold) has about
// 200,000 values; a rules file of the 5 MB the app accepts fewer still.
inline constexpr size_t kMaxJsonValues = 500000;

// Memory that runs out while a document is built or read: nlohmann takes a document apart
// with a stack as long as its lists, allocated in the destructor, and a failure there ends the
// program (an abort, exit 134, seen under a memory limit). While one of these lives, room for
// that stack is set aside on this thread; the first allocation that fails gives it back and
// fails at once (std::bad_alloc), so that the unwinding finds the memory it needs. Hold one
// for as long as a parsed document lives; parse_json_document holds one itself.
class JsonUnwindRoom {
public:
    explicit JsonUnwindRoom(std::string_view text);
    ~JsonUnwindRoom();
    JsonUnwindRoom(const JsonUnwindRoom&) = delete;
    JsonUnwindRoom& operator=(const JsonUnwindRoom&) = delete;

private:
    bool owner_ = false;
};

std::string path_join(const std::string& base, const std::string& key);
std::string path_index(const std::string& base, size_t i);

// Getters: `obj` must be an object; `path` is obj's own path.
const Json* find_member(const Json& obj, const char* key);
std::string get_string(const Json& obj, const char* key, const std::string& path);
std::optional<std::string> get_optional_string(const Json& obj, const char* key, const std::string& path);
Date get_date(const Json& obj, const char* key, const std::string& path);
std::optional<Date> get_optional_date(const Json& obj, const char* key, const std::string& path);
bool get_bool(const Json& obj, const char* key, const std::string& path, bool fallback);
// A finite number in [min, max]; `what` for the message ("hours", "points").
double get_number(const Json& obj, const char* key, const std::string& path, double min, double max);
std::optional<double> get_optional_number(const Json& obj, const char* key, const std::string& path,
                                          double min, double max);
// The kind of value `v` is ("a list", "a number", ...), as a message: what "expected text, got ..." names.
Message json_type_name(const Json& v);
void require_object(const Json& v, const std::string& path);
void require_array(const Json& v, const std::string& path);
double as_number(const Json& v, const std::string& path, double min, double max);
Date as_date(const Json& v, const std::string& path);

// A short, quoted rendering of a bad value for messages ("2026-02-30", 12, ...).
std::string quote_value(const Json& v);

}  // namespace herreg
